// Brings the pending Slurm runs of a workspace up to date: one squeue call for all of them; for the jobs squeue no
// longer lists, `scontrol show job -o`, else the cluster's jobcomp log. Ended jobs are finished (recorded in the
// history exactly once, their pending file removed); the others get their current state (queued or running).
// Needs no plan: each pending file holds everything its run needs, as it was when the run was submitted.
import * as path from 'path';
import { lastLine } from '../logFollow';
import { finishPendingRun } from '../pendingFinish';
import { listPending, updatePending, type PendingRun } from '../pendingStore';
import type { RunRecord } from '../runRecord';
import { jobName, LOG_FILE_NAME } from './batchScript';
import { isTerminal, outcomeOfJob, pendingStateOf } from './jobState';
import type { JobInfo } from './parse';
import type { SlurmClient } from './slurmProcess';

export interface SyncResult {
  /** runs this sync recorded in the history (a run another process recorded is in neither list) */
  finished: RunRecord[];
  /** runs still queued, running or being submitted, with their current state */
  pending: PendingRun[];
  /** pending files that could not be read */
  problems: string[];
}

export interface SyncOptions {
  now?: () => Date;
  /** read git state for finished runs (default true) */
  git?: boolean;
  /** a run `submitting` for longer than this without a job id is taken to be a submission that died (default 60 s) */
  submitGraceMs?: number;
  /** a job Slurm has no record of is recorded as lost only after this long since its submission (default 30 s) */
  lostGraceMs?: number;
}

async function adoptOrLose(p: PendingRun, slurm: SlurmClient, now: Date, graceMs: number, git: boolean | undefined): Promise<{ pending?: PendingRun; record?: RunRecord }> {
  const age = now.getTime() - Date.parse(p.submittedAt);
  if (!(age > graceMs)) return { pending: p }; // sbatch may still be running in the process that submits it
  const ids = await slurm.queueByName(jobName(p.prepared.runId));
  if (ids.length > 0) {
    const adopted = await updatePending(p.prepared.root, p.prepared.runId, (q) => ({ ...q, state: 'queued', jobId: ids[0] }));
    return adopted ? { pending: adopted } : {};
  }
  const record = await finishPendingRun(p, {
    start: new Date(p.submittedAt), end: now, exitCode: null, status: 'failed',
    error: `the submission was interrupted before sbatch returned a job id, and no job named ${jobName(p.prepared.runId)} is queued`,
  }, { git });
  return record ? { record } : {};
}

/** Syncs every pending run of the workspace at `root` with Slurm. */
export async function syncPendingRuns(root: string, slurm: SlurmClient, options: SyncOptions = {}): Promise<SyncResult> {
  const clock = options.now ?? (() => new Date());
  const list = await listPending(root);
  const result: SyncResult = { finished: [], pending: [], problems: list.problems };
  const withJob: PendingRun[] = [];
  for (const p of list.runs) {
    if (p.jobId !== undefined) {
      withJob.push(p);
      continue;
    }
    const r = await adoptOrLose(p, slurm, clock(), options.submitGraceMs ?? 60_000, options.git);
    if (r.record) result.finished.push(r.record);
    if (r.pending) result.pending.push(r.pending);
  }
  if (withJob.length === 0) return result;

  const active = await slurm.queue(withJob.map((p) => p.jobId as string));
  const gone = withJob.filter((p) => !active.has(p.jobId as string) || isTerminal(active.get(p.jobId as string) as string));
  const known = new Map<string, JobInfo>((await slurm.showJobs(gone.map((p) => p.jobId as string))).map((j) => [j.jobId, j]));
  const unknown = gone.filter((p) => !known.has(p.jobId as string));
  if (unknown.length > 0) {
    const logged = await slurm.completedJobs();
    for (const p of unknown) {
      const j = logged?.get(p.jobId as string);
      if (j) known.set(j.jobId, j);
    }
  }

  for (const p of withJob) {
    const id = p.jobId as string;
    const info = known.get(id);
    const now = clock();
    if (info && isTerminal(info.state)) {
      const outcome = outcomeOfJob(info, {
        submittedAt: new Date(p.submittedAt), now, time: p.time ?? 'unknown',
        cancelRequested: p.cancelRequested !== undefined,
        lastLogLine: await lastLine(p.prepared.root, path.join(p.prepared.runDir, LOG_FILE_NAME)),
      });
      const record = await finishPendingRun(p, outcome, { git: options.git });
      if (record) result.finished.push(record);
      continue;
    }
    const state = pendingStateOf(info?.state ?? active.get(id) ?? '');
    if (!state && !info && now.getTime() - Date.parse(p.submittedAt) > (options.lostGraceMs ?? 30_000)) {
      const record = await finishPendingRun(p, {
        start: new Date(p.submittedAt), end: now, exitCode: null, status: 'failed',
        error: `Slurm has no record of job ${id} any more (it ended longer ago than the cluster's MinJobAge and the cluster keeps no jobcomp log): its end state is unknown`,
      }, { git: options.git });
      if (record) result.finished.push(record);
      continue;
    }
    if (state && state !== p.state) {
      const updated = await updatePending(root, p.prepared.runId, (q) => ({ ...q, state }));
      if (updated) result.pending.push(updated);
    } else {
      result.pending.push(p);
    }
  }
  return result;
}
