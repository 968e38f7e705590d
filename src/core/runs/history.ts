// The run history: a JSON Lines file (default `.mlproject/runs.jsonl`), one run record per line, oldest first.
// Appends are one write of one whole line with O_APPEND under a lock shared by processes; a line left partial by a
// writer killed mid-write is fenced off with a newline, so it stays a lone corrupt line. Reading reports corrupt
// lines and skips them, never failing. Deleting rewrites the file atomically (temporary file + rename).
// A run that could not be appended waits in a recovery file (recovery.ts); every writer, under the lock, first
// merges those into the history, once each by run id, and removes them only after the history is synced. Reading
// includes the runs still waiting there, so they are shown before they are merged.
import * as path from 'path';
import { DEFAULT_HISTORY_PATH, type ProjectPlan } from '../model';
import { resolveInside } from '../workspace/paths';
import { readWorkspaceText } from '../workspace/safeRead';
import { openForAppend, realTarget, replaceFile } from '../workspace/safeWrite';
import { withFileLock, type LockOptions } from './lock';
import { readRecovery, removeRecovered, syncDir, type RecoveredRun } from './recovery';
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

/** The largest history file read (a history of ten thousands of runs is a few MB). */
export const MAX_HISTORY_BYTES = 128 * 1024 * 1024;

/**
 * `root` is the workspace root: the history's real path must be inside it (see workspace/realPaths.ts). Every
 * caller names it: a default (such as the history's own folder) would judge a linked `.mlproject` folder by itself.
 */
export interface HistoryOptions extends LockOptions {
  root: string;
}

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

/** The recovered runs whose ids are not in `ids` (which gets them added), oldest first. */
function notYetIn(ids: Set<string>, pending: readonly RecoveredRun[]): RunRecord[] {
  const out: RunRecord[] = [];
  for (const { record } of pending) {
    if (ids.has(record.id)) continue;
    ids.add(record.id);
    out.push(record);
  }
  return out;
}

/**
 * Reads a history file, with the runs still waiting in its recovery files at the end; a missing file is an empty
 * history. Throws WorkspacePathError for a link that leads out of `root`, a file that is not a regular file (a FIFO
 * never blocks) or one larger than MAX_HISTORY_BYTES.
 */
export async function readHistory(absPath: string, root: string): Promise<History> {
  const text = await readWorkspaceText(root, absPath, { maxBytes: MAX_HISTORY_BYTES });
  const history = text === undefined ? { runs: [], corrupt: [] } : parseHistory(text);
  const pending = await readRecovery(absPath, root);
  if (pending.length > 0) history.runs.push(...notYetIn(new Set(history.runs.map((r) => r.id)), pending));
  return history;
}

async function writeAll(handle: { write(b: Buffer, o: number, l: number): Promise<{ bytesWritten: number }> }, data: Buffer): Promise<void> {
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

/** Appends one record as one line (after the runs waiting in recovery files). Safe against concurrent appenders. */
export async function appendRun(absPath: string, record: RunRecord, options: HistoryOptions): Promise<void> {
  await appendLine(absPath, record, false, options);
}

/**
 * Appends a record unless the history already holds a run with its id, checked under the same lock as the
 * append: of several processes finishing the same run, exactly one appends it. Returns whether it appended.
 */
export async function appendRunOnce(absPath: string, record: RunRecord, options: HistoryOptions): Promise<boolean> {
  return appendLine(absPath, record, true, options);
}

function toLine(record: RunRecord): string {
  const line = JSON.stringify(record);
  if (line.includes('\n')) throw new Error('a run record serialised to more than one line'); // JSON.stringify escapes \n
  return line;
}

async function appendLine(absPath: string, record: RunRecord, once: boolean, options: HistoryOptions): Promise<boolean> {
  const line = toLine(record);
  const { root } = options;
  return withFileLock(await realTarget(root, absPath), async () => {
    const pending = await readRecovery(absPath, root);
    const current = once || pending.length > 0 ? (await readWorkspaceText(root, absPath, { maxBytes: MAX_HISTORY_BYTES })) ?? '' : '';
    if (once && holdsId(current, record.id)) return false;
    let lines = '';
    if (pending.length > 0) {
      const ids = new Set(parseHistory(current).runs.map((r) => r.id));
      ids.add(record.id);
      for (const r of notYetIn(ids, pending)) lines += toLine(r) + '\n';
    }
    lines += line + '\n';
    const handle = await openForAppend(root, absPath); // O_APPEND | O_CREAT, readable for the last byte, a regular file
    try {
      const { size } = await handle.stat();
      let fence = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) fence = '\n';
      }
      await writeAll(handle, Buffer.from(fence + lines, 'utf8'));
      if (pending.length > 0) await handle.datasync(); // durable before the recovery files go
    } finally {
      await handle.close();
    }
    await removeRecovered(pending);
    return true;
  }, options);
}

/**
 * Removes the runs with the given ids from the history, keeping every other line (corrupt ones included) byte
 * for byte; runs waiting in recovery files are merged in first. Returns the number of runs removed. The file is
 * replaced atomically under the history lock.
 */
export async function deleteRuns(absPath: string, ids: readonly string[], options: HistoryOptions): Promise<number> {
  const remove = new Set(ids);
  const { root } = options;
  return withFileLock(await realTarget(root, absPath), async () => {
    const pending = await readRecovery(absPath, root);
    const text = await readWorkspaceText(root, absPath, { maxBytes: MAX_HISTORY_BYTES });
    if (text === undefined && pending.length === 0) return 0;
    const lines = (text ?? '').split('\n');
    const present = new Set(parseHistory(text ?? '').runs.map((r) => r.id));
    lines.push(...notYetIn(present, pending).map(toLine));
    const kept: string[] = [];
    let removed = 0;
    for (const line of lines) {
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
    if (removed === 0 && pending.length === 0) return 0;
    await replaceFile(root, absPath, kept.map((l) => l + '\n').join(''));
    if (pending.length > 0) {
      await syncDir(path.dirname(absPath)); // the rename is durable before the recovery files go
      await removeRecovered(pending);
    }
    return removed;
  }, options);
}
