// One evaluation run as it is stored in the run history (one JSON object per line of `.mlproject/runs.jsonl`).
// The editor and the CLI write the same record, so CI runs are comparable with editor runs.
import { randomBytes } from 'crypto';

export type RunStatus = 'ok' | 'failed' | 'cancelled' | 'timeout' | 'metrics-error';
export const RUN_STATUSES: readonly RunStatus[] = ['ok', 'failed', 'cancelled', 'timeout', 'metrics-error'];

export type RunSource = 'editor' | 'cli';
export type ParamValue = string | number | boolean;

export interface GitState {
  commit: string;
  /** true when the working tree had changes (other than mlproject's own run files) when the run finished */
  dirty: boolean;
}

export interface RunRecord {
  /** `YYYYMMDD-HHMMSS-xxxxxx` (UTC start time + random hex): sorts by start time */
  id: string;
  candidate: string;
  /** what the run is trying to show */
  note?: string;
  /** ISO 8601 UTC */
  start: string;
  end: string;
  durationMs: number;
  /** null when the command was killed by a signal or never started */
  exitCode: number | null;
  status: RunStatus;
  /** the command as run, after substitution */
  command: string;
  cwd?: string;
  git?: GitState;
  metrics: Record<string, number>;
  params?: Record<string, ParamValue>;
  error?: string;
  source: RunSource;
  /** the sweep the run belongs to (one `eval` invocation that ran several candidates or repeats) */
  sweepId?: string;
  /** the seed the run was given, when a sweep set one */
  seed?: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A new run id from the start time (UTC, to the second) and 24 random bits. Ids sort by start time; the random
 * part keeps concurrent runs apart, and prepareRun creates the run folder exclusively so a clash is retried.
 */
export function newRunId(now: Date, random: () => string = () => randomBytes(3).toString('hex')): string {
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `${date}-${time}-${random()}`;
}

export const RUN_ID_PATTERN = /^\d{8}-\d{6}-[0-9a-f]{4,12}$/;

function isFiniteNumberMap(v: unknown): v is Record<string, number> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x));
}

/**
 * Checks that a parsed history line is a run record; returns what is wrong, or undefined when it is one.
 * Only the fields the views rely on are checked strictly; optional fields of a wrong type are reported too.
 */
export function checkRunRecord(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const r = v as Record<string, unknown>;
  for (const key of ['id', 'candidate', 'start', 'end', 'command'] as const) {
    if (typeof r[key] !== 'string' || (r[key] as string).length === 0) return `"${key}" is missing or not a string`;
  }
  if (typeof r.durationMs !== 'number' || !Number.isFinite(r.durationMs)) return '"durationMs" is not a number';
  if (r.exitCode !== null && !Number.isInteger(r.exitCode)) return '"exitCode" is not an integer or null';
  if (!RUN_STATUSES.includes(r.status as RunStatus)) return `"status" is not one of ${RUN_STATUSES.join(', ')}`;
  if (!isFiniteNumberMap(r.metrics)) return '"metrics" is not an object of finite numbers';
  if (r.source !== 'editor' && r.source !== 'cli') return '"source" is not "editor" or "cli"';
  if (r.note !== undefined && typeof r.note !== 'string') return '"note" is not a string';
  if (r.error !== undefined && typeof r.error !== 'string') return '"error" is not a string';
  if (r.sweepId !== undefined && (typeof r.sweepId !== 'string' || r.sweepId.length === 0)) return '"sweepId" is not a non-empty string';
  if (r.seed !== undefined && (typeof r.seed !== 'number' || !Number.isFinite(r.seed))) return '"seed" is not a number';
  if (r.git !== undefined) {
    const g = r.git as Record<string, unknown> | null;
    if (typeof g !== 'object' || g === null || typeof g.commit !== 'string' || typeof g.dirty !== 'boolean') {
      return '"git" is not { commit, dirty }';
    }
  }
  return undefined;
}

/** True for a run whose metrics can be trusted: the command succeeded and wrote a valid metrics file. */
export function isSuccessful(run: RunRecord): boolean {
  return run.status === 'ok';
}
