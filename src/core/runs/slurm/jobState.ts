// Slurm job states: which mean the job is still queued or running, and how an ended job becomes a run outcome
// (the same FinishedCommand a local run ends with, so finishRun records both alike).
import type { FinishedCommand } from '../finish';
import { parseSlurmTime, type JobInfo } from './parse';

export type PendingState = 'queued' | 'running';

const QUEUED = new Set(['PENDING', 'REQUEUED', 'REQUEUE_HOLD', 'REQUEUE_FED', 'RESV_DEL_HOLD', 'SUSPENDED', 'STOPPED', 'RESIZING']);
const RUNNING = new Set(['RUNNING', 'CONFIGURING', 'COMPLETING', 'SIGNALING', 'STAGE_OUT']);
/** Ends of a job for which Slurm names a reason, recorded as `failed`. */
const FAILED_WITH_REASON: Record<string, string> = {
  NODE_FAIL: 'its node failed',
  PREEMPTED: 'it was preempted',
  OUT_OF_MEMORY: 'it ran out of memory',
  BOOT_FAIL: 'its node failed to boot',
  DEADLINE: 'it reached its deadline',
  REVOKED: 'it was revoked (run by another cluster of a federation)',
  SPECIAL_EXIT: 'it ended with a special exit state',
};
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', ...Object.keys(FAILED_WITH_REASON)]);

/** queued or running for a state of a job that has not ended; undefined for an ended (or unknown) state. */
export function pendingStateOf(state: string): PendingState | undefined {
  const s = state.toUpperCase();
  if (QUEUED.has(s)) return 'queued';
  if (RUNNING.has(s)) return 'running';
  return undefined;
}

export function isTerminal(state: string): boolean {
  return TERMINAL.has(state.toUpperCase());
}

export interface OutcomeContext {
  /** when the job was submitted: the run's start when Slurm knows no start time (e.g. cancelled while queued) */
  submittedAt: Date;
  now: Date;
  /** the time limit the job was given (for the timeout message) */
  time: string;
  /** true when mlproject asked Slurm to cancel the job */
  cancelRequested?: boolean;
  /** the last line of the job's log, quoted in a failure's message */
  lastLogLine?: string;
}

/** The outcome of an ended job. */
export function outcomeOfJob(job: JobInfo, ctx: OutcomeContext): FinishedCommand {
  const start = parseSlurmTime(job.startTime) ?? ctx.submittedAt;
  const endRaw = parseSlurmTime(job.endTime) ?? ctx.now;
  const end = endRaw.getTime() < start.getTime() ? start : endRaw;
  const exit = job.exitCode;
  const exitCode = exit && exit.signal === 0 ? exit.code : null;
  const tail = ctx.lastLogLine ? `: ${ctx.lastLogLine}` : '';
  const state = job.state.toUpperCase();
  const base = { start, end, exitCode };
  switch (state) {
    case 'COMPLETED':
      return { ...base, exitCode: exitCode ?? 0, status: 'ok' };
    case 'FAILED': {
      const how = exit && exit.signal !== 0 ? `was killed by signal ${exit.signal}` : `exited with code ${exitCode ?? 'unknown'}`;
      return { ...base, status: 'failed', error: `Slurm job ${job.jobId} failed: the command ${how}${tail}` };
    }
    case 'CANCELLED':
      return { ...base, exitCode: null, status: 'cancelled', error: ctx.cancelRequested ? `cancelled; Slurm job ${job.jobId} was cancelled with scancel` : `Slurm job ${job.jobId} was cancelled (outside mlproject)` };
    case 'TIMEOUT':
      return { ...base, exitCode: null, status: 'timeout', error: `Slurm stopped job ${job.jobId} at its time limit (${ctx.time})` };
    default: {
      const why = FAILED_WITH_REASON[state] ?? `it ended in state ${state}`;
      return { ...base, exitCode: null, status: 'failed', error: `Slurm job ${job.jobId} failed: ${state}: ${why}${job.reason ? ` (${job.reason})` : ''}` };
    }
  }
}
