// The run history: a JSON Lines file (default `.mlproject/runs.jsonl`), one run record per line, oldest first.
// Appends are one write of one whole line with O_APPEND under a lock shared by processes; a line left partial by a
// writer killed mid-write is fenced off with a newline, so it stays a lone corrupt line. Reading reports corrupt
// lines and skips them, never failing. Deleting rewrites the file atomically (temporary file + rename).
import { promises as fsp } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { DEFAULT_HISTORY_PATH, type ProjectPlan } from '../model';
import { resolveInside } from '../workspace/paths';
import { withFileLock, type LockOptions } from './lock';
import { checkRunRecord, type RunRecord } from './runRecord';

export interface CorruptLine {
  /** 1-based line number */
  line: number;
  error: string;
}

export interface History {
  runs: RunRecord[];
  corrupt: CorruptLine[];
}

export class HistoryPathError extends Error {}

/** The workspace-relative path of the run history of a plan. */
export function historyPath(plan: ProjectPlan): string {
  const p = plan.evaluation?.history;
  return typeof p === 'string' && p.trim().length > 0 ? p.trim() : DEFAULT_HISTORY_PATH;
}

/** The absolute path of the run history inside `root`; throws HistoryPathError when it would leave the workspace. */
export function resolveHistoryPath(root: string, plan: ProjectPlan): string {
  const rel = historyPath(plan);
  const abs = resolveInside(root, rel);
  if (!abs) throw new HistoryPathError(`evaluation.history: "${rel}" is outside the workspace; use a path inside it`);
  return abs;
}

/** Parses the text of a history file. */
export function parseHistory(text: string): History {
  const runs: RunRecord[] = [];
  const corrupt: CorruptLine[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (raw.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      corrupt.push({ line, error: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    const problem = checkRunRecord(value);
    if (problem) corrupt.push({ line, error: `not a run record: ${problem}` });
    else runs.push(value as RunRecord);
  }
  return { runs, corrupt };
}

/** Reads a history file; a missing file is an empty history. */
export async function readHistory(absPath: string): Promise<History> {
  let text: string;
  try {
    text = await fsp.readFile(absPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], corrupt: [] };
    throw e;
  }
  return parseHistory(text);
}

async function writeAll(handle: fsp.FileHandle, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    const { bytesWritten } = await handle.write(data, off, data.length - off);
    off += bytesWritten;
  }
}

/** True when the history text holds a (valid or not) line whose `id` is `id`. */
function holdsId(text: string, id: string): boolean {
  const needle = JSON.stringify(id);
  if (!text.includes(needle)) return false;
  return text.split('\n').some((line) => {
    if (!line.includes(needle)) return false;
    try {
      return (JSON.parse(line) as { id?: unknown }).id === id;
    } catch {
      return false;
    }
  });
}

/** Appends one record as one line. Safe against concurrent appenders in other processes. */
export async function appendRun(absPath: string, record: RunRecord, options?: LockOptions): Promise<void> {
  await appendLine(absPath, record, false, options);
}

/**
 * Appends a record unless the history already holds a run with its id, checked under the same lock as the
 * append: of several processes finishing the same run, exactly one appends it. Returns whether it appended.
 */
export async function appendRunOnce(absPath: string, record: RunRecord, options?: LockOptions): Promise<boolean> {
  return appendLine(absPath, record, true, options);
}

async function appendLine(absPath: string, record: RunRecord, once: boolean, options?: LockOptions): Promise<boolean> {
  const line = JSON.stringify(record);
  if (line.includes('\n')) throw new Error('a run record serialised to more than one line'); // JSON.stringify escapes \n
  await fsp.mkdir(path.dirname(absPath), { recursive: true });
  return withFileLock(absPath, async () => {
    if (once && holdsId(await fsp.readFile(absPath, 'utf8').catch(() => ''), record.id)) return false;
    const handle = await fsp.open(absPath, 'a+'); // O_APPEND | O_CREAT, readable for the last byte
    try {
      const { size } = await handle.stat();
      let fence = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) fence = '\n';
      }
      await writeAll(handle, Buffer.from(`${fence}${line}\n`, 'utf8'));
    } finally {
      await handle.close();
    }
    return true;
  }, options);
}

/**
 * Removes the runs with the given ids from the history, keeping every other line (corrupt ones included) byte
 * for byte. Returns the number of lines removed. The file is replaced atomically under the history lock.
 */
export async function deleteRuns(absPath: string, ids: readonly string[], options?: LockOptions): Promise<number> {
  const remove = new Set(ids);
  return withFileLock(absPath, async () => {
    let text: string;
    try {
      text = await fsp.readFile(absPath, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
    const kept: string[] = [];
    let removed = 0;
    for (const line of text.split('\n')) {
      if (line.trim().length === 0) continue;
      let id: unknown;
      try {
        id = (JSON.parse(line) as { id?: unknown }).id;
      } catch {
        id = undefined;
      }
      if (typeof id === 'string' && remove.has(id)) removed++;
      else kept.push(line);
    }
    if (removed === 0) return 0;
    const tmp = `${absPath}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const handle = await fsp.open(tmp, 'wx');
    try {
      await writeAll(handle, Buffer.from(kept.map((l) => l + '\n').join(''), 'utf8'));
      await handle.datasync();
    } finally {
      await handle.close();
    }
    try {
      await fsp.rename(tmp, absPath);
    } catch (e) {
      await fsp.rm(tmp, { force: true });
      throw e;
    }
    return removed;
  }, options);
}
