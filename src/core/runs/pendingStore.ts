// Runs that were handed to an engine (Slurm) and have not ended: one file per run, `.mlproject/pending/<runId>.json`,
// holding the prepared run, the executor, the job id and the submit time. The files outlive the process that wrote
// them (closing the editor or the CLI loses nothing); the run history stays the record of finished runs only.
// Files are written atomically (temporary file + rename) and changed or removed under a per-file lock, so a state
// update never brings back a file that a finishing sync has just removed.
// Every file is reached by its real path inside the workspace (workspace/safe*.ts). A pending file is data from the
// workspace, so nothing in it is trusted beyond its shape: its run's root is the workspace it was read from, and a
// job id must be a Slurm job id (it becomes an argument of scancel).
import * as path from 'path';
import { resolveInside } from '../workspace/paths';
import { readWorkspaceFolder, readWorkspaceText } from '../workspace/safeRead';
import { realTarget, removeFile, replaceFile } from '../workspace/safeWrite';
import { withFileLock } from './lock';
import type { PreparedRun } from './prepare';
import { RUN_ID_PATTERN } from './runRecord';

export const PENDING_DIR = '.mlproject/pending';
export const PENDING_FORMAT_VERSION = 1;

export type PendingExecutor = 'slurm';
/** `submitting`: written before sbatch ran, so a crash during submission is noticed; then `queued`, `running`. */
export type PendingRunState = 'submitting' | 'queued' | 'running';

export interface PendingRun {
  version: typeof PENDING_FORMAT_VERSION;
  executor: PendingExecutor;
  prepared: PreparedRun;
  state: PendingRunState;
  /** ISO 8601 */
  submittedAt: string;
  /** set once sbatch returned */
  jobId?: string;
  cluster?: string;
  /** the time limit the job was given */
  time?: string;
  /** ISO 8601: when mlproject asked the engine to cancel the job */
  cancelRequested?: string;
}

export class PendingFileError extends Error {}

/** A Slurm job id: digits, or `array_task` digits. */
const JOB_ID = /^[0-9]{1,12}(_[0-9]{1,9})?$/;

/** A pending file is at most a few KB. */
const MAX_PENDING_BYTES = 1024 * 1024;

export function pendingDir(root: string): string {
  return resolveInside(root, PENDING_DIR) as string;
}

export function pendingFile(root: string, runId: string): string {
  if (!RUN_ID_PATTERN.test(runId)) throw new PendingFileError(`not a run id: ${JSON.stringify(runId)}`);
  return path.join(pendingDir(root), `${runId}.json`);
}

function checkPending(v: unknown): v is PendingRun {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<PendingRun>;
  const r = p.prepared as Partial<PreparedRun> | undefined;
  return p.version === PENDING_FORMAT_VERSION && p.executor === 'slurm' && typeof p.submittedAt === 'string'
    && (p.state === 'submitting' || p.state === 'queued' || p.state === 'running')
    // a job id is what sbatch --parsable prints: it becomes an argument of squeue, scontrol and scancel
    && (p.jobId === undefined || (typeof p.jobId === 'string' && JOB_ID.test(p.jobId)))
    && typeof r === 'object' && r !== null && typeof r.runId === 'string' && RUN_ID_PATTERN.test(r.runId)
    && typeof r.command === 'string' && typeof r.historyFile === 'string' && typeof r.metricsFile === 'string'
    && typeof r.runDir === 'string' && typeof r.root === 'string' && typeof r.candidate === 'string';
}

/** Writes (creates or replaces) a run's pending file. */
export async function writePending(root: string, pending: PendingRun): Promise<void> {
  const file = pendingFile(root, pending.prepared.runId);
  await withFileLock(await realTarget(root, file), () => replaceFile(root, file, JSON.stringify(pending, null, 2) + '\n'));
}

/** Reads one pending file of the workspace `root`; undefined when it is gone. Throws PendingFileError for a malformed file. */
export async function readPending(file: string, root: string): Promise<PendingRun | undefined> {
  const text = await readWorkspaceText(root, file, { maxBytes: MAX_PENDING_BYTES });
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PendingFileError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!checkPending(value)) throw new PendingFileError(`${file}: not a pending run of format version ${PENDING_FORMAT_VERSION}`);
  value.prepared.root = root; // the workspace it was read from, whatever the file says
  return value;
}

/**
 * Changes a pending file if it still exists (a sync may have finished the run meanwhile): `change` gets the current
 * content and returns the new one. Returns the new content, or undefined when the file was gone.
 */
export async function updatePending(root: string, runId: string, change: (p: PendingRun) => PendingRun): Promise<PendingRun | undefined> {
  const file = pendingFile(root, runId);
  return withFileLock(await realTarget(root, file), async () => {
    const current = await readPending(file, root);
    if (!current) return undefined;
    const next = change(current);
    await replaceFile(root, file, JSON.stringify(next, null, 2) + '\n');
    return next;
  });
}

/** Removes a run's pending file (no error when it is already gone). */
export async function removePending(root: string, runId: string): Promise<void> {
  const file = pendingFile(root, runId);
  await withFileLock(await realTarget(root, file), () => removeFile(root, file)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}

export interface PendingList {
  runs: PendingRun[];
  /** files that could not be read, with the reason */
  problems: string[];
}

/** The run ids that have a pending file in the workspace `root` (its names only: nothing is read), oldest first. */
export async function pendingRunIds(root: string): Promise<string[]> {
  const names = await readWorkspaceFolder(root, pendingDir(root));
  return (names ?? []).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => RUN_ID_PATTERN.test(id)).sort();
}

/** All pending runs of a workspace, oldest run id first. */
export async function listPending(root: string): Promise<PendingList> {
  const runs: PendingRun[] = [];
  const problems: string[] = [];
  for (const runId of await pendingRunIds(root)) {
    try {
      const p = await readPending(pendingFile(root, runId), root);
      if (p) runs.push(p);
    } catch (e) {
      if (!(e instanceof PendingFileError)) throw e;
      problems.push(e.message);
    }
  }
  return { runs, problems };
}
