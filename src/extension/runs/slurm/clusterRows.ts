// How a pending cluster run reads as a row of the active-runs registry, and which run a row command was invoked on.
// Pure (types only from the registry): the Runs view, Cancel and Show Log all go through these.
import * as path from 'path';
import type { PendingRun } from '../../../core/runs/pendingStore';
import { LOG_FILE_NAME } from '../../../core/runs/slurm/batchScript';
import { RUN_ID_PATTERN } from '../../../core/runs/runRecord';
import type { ActivePhase, ActiveRun } from '../activeRuns';

/** `submitting` (sbatch has not answered yet) is shown as queued: the job does not run yet either way. */
export function phaseOf(p: PendingRun): ActivePhase {
  return p.state === 'running' ? 'running' : 'queued';
}

/** The candidate, with its seed in a sweep (`knn#1`). */
export function labelOf(p: PendingRun): string {
  return p.prepared.sweepId ? `${p.prepared.candidate}#${p.prepared.seed}` : p.prepared.candidate;
}

export function logFileOf(p: PendingRun): string {
  return path.join(p.prepared.runDir, LOG_FILE_NAME);
}

/** The registry row of a pending run of the workspace folder `folder` (a URI string). */
export function clusterRow(p: PendingRun, folder: string, cancel: () => Promise<void>, now = new Date()): ActiveRun {
  const phase = phaseOf(p);
  return {
    id: p.prepared.runId,
    folder,
    candidate: p.prepared.candidate,
    label: labelOf(p),
    executor: 'slurm',
    phase,
    since: phase === 'queued' ? new Date(p.submittedAt) : now,
    ...(p.prepared.sweepId ? { sweepId: p.prepared.sweepId } : {}),
    ...(p.jobId ? { jobId: p.jobId } : {}),
    logFile: logFileOf(p),
    cancel,
  };
}

/** What a test or a script sees of a cluster row (no functions). */
export interface ClusterRowSummary {
  id: string;
  folder: string;
  label: string;
  phase: ActivePhase;
  jobId?: string;
  logFile?: string;
}

export function summaryOf(r: ActiveRun): ClusterRowSummary {
  return { id: r.id, folder: r.folder, label: r.label, phase: r.phase, ...(r.jobId ? { jobId: r.jobId } : {}), ...(r.logFile ? { logFile: r.logFile } : {}) };
}

/** A run a row command names: its id and, when the argument says, its workspace folder (a URI string). */
export interface RunRef {
  id: string;
  folder?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * The run a command argument names. The Runs view passes its node: an active row (the ActiveRun itself, or a node
 * holding it as `active`), or a history row (`{ run: { id }, project: { folder: { uri } } }`); a script may pass a
 * run id or `{ id, folder }`. Only well-formed run ids are accepted: the id becomes part of a path.
 */
export function runRefOf(arg: unknown): RunRef | undefined {
  if (typeof arg === 'string') return RUN_ID_PATTERN.test(arg) ? { id: arg } : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  const inner = (o.active ?? o.run) as Record<string, unknown> | undefined;
  const id = str(o.id) ?? str(inner?.id);
  if (!id || !RUN_ID_PATTERN.test(id)) return undefined;
  const project = o.project as { folder?: { uri?: { toString(): string } } } | undefined;
  const folder = str(o.folder) ?? str(inner?.folder) ?? (project?.folder?.uri ? project.folder.uri.toString() : undefined);
  return folder ? { id, folder } : { id };
}
