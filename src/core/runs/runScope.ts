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
/** A single shell-quoted word as shellQuote writes it: 'abc' or 'it'\''s'. */
const QUOTED = `'[^']*'(?:\\\\''[^']*')*`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
      candidate: mark('candidate'), runId: mark('runId'), runDir: mark('runDir'), metricsFile: mark('metricsFile'), workspaceFolder: mark('any'),
    }, env);
  } catch (e) {
    if (e instanceof SubstitutionError) return undefined;
    throw e;
  }
  const own: string[] = []; // per capture group: 'candidate', 'runId' or '' (any quoted word)
  let source = '^';
  let last = 0;
  for (const m of shape.matchAll(SENTINEL)) {
    source += escapeRegExp(shape.slice(last, m.index)) + `(${QUOTED})`;
    own.push(m[1] === 'candidate' || m[1] === 'runId' ? m[1] : '');
    last = (m.index ?? 0) + m[0].length;
  }
  source += escapeRegExp(shape.slice(last)) + '$';
  const re = new RegExp(source);
  return (run) => {
    const m = re.exec(run.command);
    if (!m) return false;
    for (let i = 0; i < own.length; i++) {
      if (own[i] === 'candidate' && m[i + 1] !== shellQuote(run.candidate)) return false;
      if (own[i] === 'runId' && m[i + 1] !== shellQuote(run.id)) return false;
    }
    return true;
  };
}

/** True when two params objects hold the same keys and values (no params and `{}` are the same). */
export function sameParams(a: Record<string, ParamValue> | undefined, b: Record<string, ParamValue> | undefined): boolean {
  const ka = a ? Object.keys(a) : [];
  const kb = b ? Object.keys(b) : [];
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!b || !Object.prototype.hasOwnProperty.call(b, k) || b[k] !== a![k]) return false;
  return true;
}

function oldestFirst(runs: readonly RunRecord[]): boolean {
  for (let i = 1; i < runs.length; i++) if (isLater(runs[i - 1], runs[i])) return false;
  return true;
}

interface Pending {
  matching: RunRecord[];
  latest?: RunRecord;
  total: number;
}

/**
 * Per candidate (in the order first seen in the history), the runs its statistics are over. A candidate that is not
 * in the plan has no current params, so its runs are not told apart by params.
 */
export function selectRuns(history: readonly RunRecord[], plan: ProjectPlan, options: ScopeOptions = {}): Map<string, RunSelection> {
  const matchesCommand = commandMatcher(plan.evaluation?.command);
  const params = new Map<string, Record<string, ParamValue> | undefined>();
  for (const c of plan.candidates ?? []) if (typeof c?.id === 'string' && !params.has(c.id)) params.set(c.id, c.params);
  const pending = new Map<string, Pending>();
  for (const r of history) {
    let p = pending.get(r.candidate);
    if (!p) pending.set(r.candidate, (p = { matching: [], total: 0 }));
    p.total++;
    if (!isSuccessful(r)) continue;
    if (params.has(r.candidate) && !sameParams(r.params, params.get(r.candidate))) continue;
    if (matchesCommand && !matchesCommand(r)) continue;
    p.matching.push(r);
    if (!p.latest || isLater(r, p.latest)) p.latest = r;
  }
  const out = new Map<string, RunSelection>();
  for (const [candidate, p] of pending) {
    let runs: RunRecord[];
    let sweepId: string | undefined;
    if (options.scope === 'all' || !p.latest) runs = p.matching;
    else if (p.latest.sweepId !== undefined) {
      sweepId = p.latest.sweepId;
      runs = p.matching.filter((r) => r.sweepId === sweepId);
    } else runs = [p.latest];
    if (!oldestFirst(runs)) runs.sort((a, b) => (isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0));
    out.set(candidate, { candidate, runs, ...(sweepId !== undefined ? { sweepId } : {}), notCounted: p.total - runs.length });
  }
  return out;
}
