// Which runs the statistics count. A run counts for its candidate when it is `ok`, was run by the plan's current
// `evaluation.command` (compared without the values that change from run to run: run id, run folder, metrics
// file, workspace folder, environment variables) and with the candidate's current `params`. Of those, the default
// sample is the latest run's sweep (every counted run with the latest run's `sweepId`) or, when the latest run has
// no sweep, that run alone (n = 1); `scope: 'all'` takes every counted run.
import type { ProjectPlan } from '../model';
import { isLater } from './compare';
import { isSuccessful, type ParamValue, type RunRecord } from './runRecord';
import { shellQuote, substituteCommand, SubstitutionError } from './substitute';

export type RunScope = 'latest' | 'all';

export interface ScopeOptions {
  /** 'latest' (default): the latest run's sweep, else the latest run; 'all': every counted run */
  scope?: RunScope;
}

export interface RunSelection {
  candidate: string;
  /** the runs the statistics are over, oldest first */
  runs: RunRecord[];
  /** the sweep of `runs`, when the default scope picked one */
  sweepId?: string;
  /** the candidate's runs in the history that are not in `runs` (not ok, another command or params, another sweep) */
  notCounted: number;
}

const MARK = '\u0000mlp:';
const SENTINEL = new RegExp(`'${MARK}(\\w+)\u0000'`, 'g');

function unmarked(s: string): boolean {
  return !s.includes(MARK);
}

/** The end of the shell-quoted word shellQuote writes ('abc' or 'it'\''s') that starts at `i`, or -1. */
function quotedWordEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== 39) return -1; // '
  for (;;) {
    const close = s.indexOf("'", i + 1);
    if (close < 0) return -1;
    if (s.startsWith("\\''", close + 1)) i = close + 3; // '\'' continues the word
    else return close + 1;
  }
}

/** True when c[start, end) is shellQuote(value); without allocating for a value with no quote in it. */
function isQuoted(c: string, start: number, end: number, value: string): boolean {
  if (value.includes("'")) return c.slice(start, end) === shellQuote(value);
  return end - start === value.length + 2 && c.startsWith(value, start + 1);
}

/**
 * A test of whether a recorded command was produced by `template`, whatever its run id, run folder, metrics file,
 * workspace folder and environment; `${candidate}` must be the run's own candidate and `${runId}` its own id.
 * Undefined when the template is missing or cannot be substituted: then runs are not told apart by command.
 */
export function commandMatcher(template: unknown): ((run: RunRecord) => boolean) | undefined {
  if (typeof template !== 'string' || template.trim().length === 0) return undefined;
  const mark = (name: string): string => `${MARK}${name}\u0000`;
  const env = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? mark('env') : undefined) });
  let shape: string;
  try {
    shape = substituteCommand(template, {
      candidate: mark('candidate'), runId: mark('runId'), runDir: mark('runDir'), metricsFile: mark('metricsFile'), workspaceFolder: mark('any'), seed: mark('any'),
    }, env);
  } catch (e) {
    if (e instanceof SubstitutionError) return undefined;
    throw e;
  }
  // The substituted shape as literal text between quoted words: what a word must be ('candidate', 'runId' or any).
  const literals: string[] = [];
  const words: string[] = [];
  let last = 0;
  for (const m of shape.matchAll(SENTINEL)) {
    literals.push(shape.slice(last, m.index));
    words.push(m[1] === 'candidate' || m[1] === 'runId' ? m[1] : '');
    last = (m.index ?? 0) + m[0].length;
  }
  literals.push(shape.slice(last));
  if (!literals.every(unmarked)) return undefined; // cannot happen: substituteCommand refuses variables in quotes
  return (run) => {
    const c = run.command;
    if (!c.startsWith(literals[0])) return false;
    let pos = literals[0].length;
    for (let i = 0; i < words.length; i++) {
      const end = quotedWordEnd(c, pos);
      if (end < 0) return false;
      if (words[i] === 'candidate') {
        if (!isQuoted(c, pos, end, run.candidate)) return false;
      } else if (words[i] === 'runId') {
        if (!isQuoted(c, pos, end, run.id)) return false;
      }
      pos = end;
      if (!c.startsWith(literals[i + 1], pos)) return false;
      pos += literals[i + 1].length;
    }
    return pos === c.length;
  };
}

/** True when two params objects hold the same keys and values (no params and `{}` are the same). */
export function sameParams(a: Record<string, ParamValue> | undefined, b: Record<string, ParamValue> | undefined): boolean {
  let na = 0;
  for (const k in a) {
    na++;
    if (!b || !Object.prototype.hasOwnProperty.call(b, k) || b[k] !== a[k]) return false;
  }
  let nb = 0;
  for (const _k in b) nb++;
  return na === nb;
}

interface Pending {
  /** the plan's params for the candidate; `inPlan` false: the candidate is not in the plan, params are not compared */
  params?: Record<string, ParamValue>;
  inPlan: boolean;
  matching: RunRecord[];
  /** false once a matching run came after a later one: `matching` then needs sorting */
  ordered: boolean;
  latest?: RunRecord;
  total: number;
}

function byStart(a: RunRecord, b: RunRecord): number {
  return isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0;
}

/**
 * Per candidate (in the order first seen in the history), the runs its statistics are over. A candidate that is not
 * in the plan has no current params, so its runs are not told apart by params. One pass over the history.
 */
export function selectRuns(history: readonly RunRecord[], plan: ProjectPlan, options: ScopeOptions = {}): Map<string, RunSelection> {
  const matchesCommand = commandMatcher(plan.evaluation?.command);
  const planParams = new Map<string, Record<string, ParamValue> | undefined>();
  for (const c of plan.candidates ?? []) if (typeof c?.id === 'string' && !planParams.has(c.id)) planParams.set(c.id, c.params);
  const pending = new Map<string, Pending>();
  for (const r of history) {
    let p = pending.get(r.candidate);
    if (!p) {
      p = { params: planParams.get(r.candidate), inPlan: planParams.has(r.candidate), matching: [], ordered: true, total: 0 };
      pending.set(r.candidate, p);
    }
    p.total++;
    if (!isSuccessful(r)) continue;
    if (p.inPlan && !sameParams(r.params, p.params)) continue;
    if (matchesCommand && !matchesCommand(r)) continue;
    p.matching.push(r);
    if (!p.latest || isLater(r, p.latest)) p.latest = r;
    else p.ordered = false;
  }
  const out = new Map<string, RunSelection>();
  for (const [candidate, p] of pending) {
    if (!p.ordered) p.matching.sort(byStart);
    let runs: RunRecord[];
    let sweepId: string | undefined;
    if (options.scope === 'all' || !p.latest) runs = p.matching;
    else if (p.latest.sweepId !== undefined) {
      sweepId = p.latest.sweepId;
      runs = p.matching.filter((r) => r.sweepId === sweepId);
    } else runs = [p.latest];
    out.set(candidate, { candidate, runs, ...(sweepId !== undefined ? { sweepId } : {}), notCounted: p.total - runs.length });
  }
  return out;
}
