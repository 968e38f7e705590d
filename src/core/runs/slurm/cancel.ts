// Cancelling pending Slurm runs: the pending file notes the request (so the run is recorded as cancelled by
// mlproject), then one scancel for all their jobs. The run is recorded once Slurm reports the job ended.
import { PendingFileError, pendingRunIds, updatePending } from '../pendingStore';
import type { SlurmClient } from './slurmProcess';

/** Asks Slurm to cancel the jobs of these pending runs; returns the run ids that had a job to cancel. */
export async function cancelPendingRuns(root: string, runIds: readonly string[], slurm: SlurmClient, now = new Date()): Promise<string[]> {
  const wanted = new Set(runIds);
  const jobs: string[] = [];
  const cancelled: string[] = [];
  // Only the files that are there are locked and read (once, under their lock): a run id without a pending file
  // was recorded meanwhile, or never was a cluster run.
  for (const runId of (await pendingRunIds(root)).filter((id) => wanted.has(id))) {
    let updated;
    try {
      updated = await updatePending(root, runId, (q) => ({ ...q, cancelRequested: q.cancelRequested ?? now.toISOString() }));
    } catch (e) {
      if (e instanceof PendingFileError) continue; // malformed: the sync reports it, there is no job id to trust
      throw e;
    }
    if (updated?.jobId) {
      jobs.push(updated.jobId);
      cancelled.push(runId);
    }
  }
  await slurm.cancel(jobs);
  return cancelled;
}
