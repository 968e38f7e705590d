// Runs that finished but could not be appended to the history (its lock stayed taken, the file could not be
// written) are saved one file each beside it, in `<history without extension>.recovery/<runId>.json`, so a finished
// run is never lost. Each file is written in full under a temporary name, synced, then linked to its final name
// (exclusive: an existing file is never replaced). The next writer of the history merges them in (history.ts).
import { promises as fsp } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { WorkspacePathError } from '../workspace/realPaths';
import { readWorkspaceFolder, readWorkspaceText } from '../workspace/safeRead';
import { ensureFolder, realTarget } from '../workspace/safeWrite';
import { checkRunRecord, type RunRecord } from './runRecord';

/** A recovery file holds one run record: a few KB. */
const MAX_RECOVERY_BYTES = 1024 * 1024;

export interface RecoveredRun {
  /** absolute path of the recovery file */
  file: string;
  record: RunRecord;
}

/** The folder of recovery files of a history file: `.mlproject/runs.jsonl` → `.mlproject/runs.recovery`. */
export function recoveryDir(historyFile: string): string {
  const ext = path.extname(historyFile);
  return `${ext ? historyFile.slice(0, -ext.length) : historyFile}.recovery`;
}

/** Makes a folder's entries (a rename, a new link) durable, where the platform can. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch {
    // not every platform can sync a folder; the file itself is synced
  }
}

/** Saves a run for the next writer to merge; returns the file's path. A file of the same run id is kept as it is. */
export async function writeRecovery(historyFile: string, record: RunRecord, root: string): Promise<string> {
  // the folder by its real path, inside the workspace: a link that leads out is refused (WorkspacePathError)
  const dir = await realTarget(root, recoveryDir(historyFile));
  const name = record.id.replace(/[^A-Za-z0-9._-]/g, '_');
  const file = path.join(dir, `${name}.json`);
  const tmp = path.join(dir, `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: fsp.FileHandle | undefined;
  for (let attempt = 0; !handle; attempt++) {
    await ensureFolder(root, dir);
    try {
      handle = await fsp.open(tmp, 'wx');
    } catch (e) {
      // a merging writer removed the empty folder between our mkdir and open: make it again
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw e;
    }
  }
  try {
    await handle.writeFile(JSON.stringify(record) + '\n', 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.link(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await fsp.rm(tmp, { force: true });
  }
  await syncDir(dir);
  return file;
}

/** The runs waiting in recovery files, by file name (run ids sort by time). Unreadable files are skipped and kept. */
export async function readRecovery(historyFile: string, root: string): Promise<RecoveredRun[]> {
  const dir = await realTarget(root, recoveryDir(historyFile));
  let names: string[] | undefined;
  try {
    names = await readWorkspaceFolder(root, dir);
  } catch (e) {
    if (e instanceof WorkspacePathError && e.problem === 'not-folder') return []; // not ours: left alone
    throw e;
  }
  if (!names) return [];
  const runs: RecoveredRun[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const file = path.join(dir, name);
    try {
      const value: unknown = JSON.parse((await readWorkspaceText(root, file, { maxBytes: MAX_RECOVERY_BYTES })) ?? '');
      if (checkRunRecord(value) === undefined) runs.push({ file, record: value as RunRecord });
    } catch {
      // a file that is not a run record is left for a person to look at; it is never deleted
    }
  }
  return runs;
}

/** Removes recovery files whose runs are now durably in the history, and the folder once it is empty. */
export async function removeRecovered(runs: readonly RecoveredRun[]): Promise<void> {
  if (runs.length === 0) return;
  for (const r of runs) await fsp.rm(r.file, { force: true });
  await fsp.rmdir(path.dirname(runs[0].file)).catch(() => undefined); // not empty, or already gone
}
