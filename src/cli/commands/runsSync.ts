// `mlproject runs --sync`: records the pending Slurm runs whose jobs have ended (exactly once, even when several
// syncs run at the same time) and lists those still queued or running.
import { listPending, type PendingRun } from '../../core/runs/pendingStore';
import { createSlurmClient, SlurmCommandError } from '../../core/runs/slurm/slurmProcess';
import { syncPendingRuns } from '../../core/runs/slurm/sync';
import { UsageError, type CliIO } from '../io';

export function pendingSummary(p: PendingRun): Record<string, unknown> {
  return { runId: p.prepared.runId, candidate: p.prepared.candidate, executor: p.executor, jobId: p.jobId ?? null, state: p.state, submittedAt: p.submittedAt };
}

/** Syncs the pending runs of the workspace with Slurm, reporting on stderr; returns those still pending. */
export async function syncForCli(root: string, io: CliIO): Promise<PendingRun[]> {
  if ((await listPending(root)).runs.length === 0) return [];
  let result;
  try {
    result = await syncPendingRuns(root, createSlurmClient({ env: io.env }));
  } catch (e) {
    if (e instanceof SlurmCommandError) throw new UsageError(`cannot sync the pending runs: ${e.message}`);
    throw e;
  }
  for (const m of result.problems) io.stderr(`warning: ${m}\n`);
  for (const r of result.finished) io.stderr(`recorded: run ${r.id} (${r.candidate}) ${r.status}${r.error ? `: ${r.error}` : ''}\n`);
  for (const p of result.pending) io.stderr(`${p.state}: run ${p.prepared.runId} (${p.prepared.candidate})${p.jobId ? `, Slurm job ${p.jobId}` : ''}\n`);
  return result.pending;
}
