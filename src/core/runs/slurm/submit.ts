// Submitting prepared runs to Slurm: the batch script goes into the run folder, a pending file is written BEFORE
// sbatch runs (state `submitting`, so a crash mid-submission is found by the next sync), then `sbatch --parsable`
// and the pending file gets the job id (state `queued`). A refused submission is recorded at once as a failed run.
import * as path from 'path';
import { createNewFile } from '../../workspace/safeWrite';
import type { PreparedRun } from '../prepare';
import { finishPendingRun } from '../pendingFinish';
import { PENDING_FORMAT_VERSION, updatePending, writePending, type PendingRun } from '../pendingStore';
import type { RunRecord } from '../runRecord';
import { BATCH_SCRIPT_NAME, batchScript, sbatchArgv } from './batchScript';
import type { SlurmSettings } from './settings';
import { SlurmCommandError, type SlurmClient } from './slurmProcess';

export type SubmitResult = { pending: PendingRun; record?: undefined } | { record: RunRecord; pending?: undefined };

export interface SubmitOptions {
  now?: Date;
  /** read git state for a refused submission's record (default true) */
  git?: boolean;
}

/** Submits one prepared run as one Slurm job. */
export async function submitSlurmRun(prepared: PreparedRun, settings: SlurmSettings, slurm: SlurmClient, options: SubmitOptions = {}): Promise<SubmitResult> {
  const submittedAt = options.now ?? new Date();
  // in the run's own (new) folder, by its real path inside the workspace; sbatch reads it, nothing executes it directly
  const script = path.join(prepared.runDir, BATCH_SCRIPT_NAME);
  if ((await createNewFile(prepared.root, script, batchScript(prepared))) === 'exists') {
    throw new Error(`${script} already exists; a run folder is never reused`);
  }
  const pending: PendingRun = { version: PENDING_FORMAT_VERSION, executor: 'slurm', prepared, state: 'submitting', submittedAt: submittedAt.toISOString(), time: settings.time };
  await writePending(prepared.root, pending);
  let job: { jobId: string; cluster?: string };
  try {
    job = await slurm.submit(sbatchArgv(prepared, settings));
  } catch (e) {
    if (!(e instanceof SlurmCommandError)) throw e;
    const now = new Date();
    const record = await finishPendingRun(pending, { start: submittedAt, end: now, exitCode: null, status: 'failed', error: `the job was not submitted: ${e.message}` }, { git: options.git });
    if (!record) throw new Error(`run ${prepared.runId} was recorded by another process during its own submission`);
    return { record };
  }
  const queued = await updatePending(prepared.root, prepared.runId, (p) => ({ ...p, state: 'queued', jobId: job.jobId, ...(job.cluster ? { cluster: job.cluster } : {}) }));
  if (!queued) throw new Error(`the pending file of run ${prepared.runId} vanished during its submission (job ${job.jobId})`);
  if (queued.cancelRequested) await slurm.cancel([job.jobId]); // cancelled while sbatch ran
  return { pending: queued };
}

/**
 * Submits several prepared runs (a sweep), one job each, in order. Every run ends up either pending or recorded:
 * a refused submission is recorded as failed and the others are still submitted.
 */
export async function submitSlurmRuns(prepared: readonly PreparedRun[], settings: SlurmSettings, slurm: SlurmClient, options: SubmitOptions = {}): Promise<SubmitResult[]> {
  const out: SubmitResult[] = [];
  for (const p of prepared) out.push(await submitSlurmRun(p, settings, slurm, options));
  return out;
}
