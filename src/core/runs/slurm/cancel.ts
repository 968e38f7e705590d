// Cancelling pending Slurm runs: the pending file notes the request (so the run is recorded as cancelled by
// mlproject), then one scancel for all their jobs. The run is recorded once Slurm reports the job ended.
import { listPending, updatePending } from '../pendingStore';
import type { SlurmClient } from './slurmProcess';

/** Asks Slurm to cancel the jobs of these pending runs; returns the run ids that had a job to cancel. */
export async function cancelPendingRuns(root: string, runIds: readonly string[], slurm: SlurmClient, now = new Date()): Promise<string[]> {
  const wanted = new Set(runIds);
  const jobs: string[] = [];
  const cancelled: string[] = [];
  for (const p of (await listPending(root)).runs) {
    if (!wanted.has(p.prepared.runId)) continue;
    const updated = await updatePending(root, p.prepared.runId, (q) => ({ ...q, cancelRequested: q.cancelRequested ?? now.toISOString() }));
    if (updated?.jobId) {
      jobs.push(updated.jobId);
      cancelled.push(p.prepared.runId);
    }
  }
  await slurm.cancel(jobs);
  return cancelled;
}
