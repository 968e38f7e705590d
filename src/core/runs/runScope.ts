// Which runs the statistics count. A run counts for its candidate when it is `ok`, was run by the plan's current
// `evaluation.command` (compared without the values that change from run to run: run id, run folder, metrics
// file, workspace folder, environment variables) and with the candidate's current `params`. Of those, the default
// sample is the latest run's sweep (every counted run with the latest run's `sweepId`) or, when the latest run has
// no sweep, that run alone (n = 1); `scope: 'all'` takes every counted run.
import type { ProjectPlan } from '../model';
import { isLater } from './compare';
import { MetricSamples } from './metricSamples';
import { ParamsTest } from './paramsMatch';
import { isSuccessful, type RunRecord } from './runRecord';
import { shellQuote, substituteCommand, SubstitutionError } from './substitute';

export { sameParams } from './paramsMatch';

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
  /** the metric samples of `runs` in their order, when the pass gathered them (scope 'all', runs already in order) */
  samples?: MetricSamples;
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

/** The test of whether a run counts, built once per call: the plan's command and each plan candidate's params. */
class CountTest {
  private readonly command: ((run: RunRecord) => boolean) | undefined;
  private readonly params = new Map<string, ParamsTest>();

  constructor(plan: ProjectPlan) {
    this.command = commandMatcher(plan.evaluation?.command);
    for (const c of plan.candidates ?? []) if (typeof c?.id === 'string' && !this.params.has(c.id)) this.params.set(c.id, new ParamsTest(c.params));
  }

  /** The params test of a candidate; undefined when it is not in the plan: it has no current params to compare. */
  paramsOf(candidate: string): ParamsTest | undefined {
    return this.params.get(candidate);
  }

  /** True when `run` is ok, with the current params (`params`, its candidate's test) and the current command. */
  counts(run: RunRecord, params: ParamsTest | undefined): boolean {
    return isSuccessful(run) && (!params || params.matches(run.params)) && (!this.command || this.command(run));
  }
}

function byStart(a: RunRecord, b: RunRecord): number {
  return isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0;
}

/** One candidate's part of the pass for `scope: 'all'`. */
interface EveryTally {
  params: ParamsTest | undefined;
  total: number;
  latest: RunRecord | undefined;
  /** every counted run, in history order; `ordered` false once one came after a later one: then they need sorting */
  counted: RunRecord[];
  ordered: boolean;
  /** the metrics of `counted`, fed while `ordered` (then they are the sample in start order) */
  samples: MetricSamples | undefined;
}

/**
 * `scope: 'all'`: every counted run, oldest first, in one pass that also feeds each counted run's metrics to its
 * candidate's samples while the record is at hand. Records made by JSON.parse lie scattered in memory; a second walk
 * over them, candidate by candidate, cost as much as the whole pass.
 */
function selectEvery(history: readonly RunRecord[], test: CountTest): Map<string, RunSelection> {
  const tallies = new Map<string, EveryTally>();
  for (const r of history) {
    let t = tallies.get(r.candidate);
    if (!t) {
      t = { params: test.paramsOf(r.candidate), total: 0, latest: undefined, counted: [], ordered: true, samples: new MetricSamples() };
      tallies.set(r.candidate, t);
    }
    t.total++;
    if (!test.counts(r, t.params)) continue;
    if (!t.latest || isLater(r, t.latest)) t.latest = r;
    else {
      t.ordered = false;
      t.samples = undefined; // fed out of start order: summarizeCandidates samples the sorted runs instead
    }
    t.counted.push(r);
    t.samples?.add(r.metrics);
  }
  const out = new Map<string, RunSelection>();
  for (const [candidate, t] of tallies) {
    const runs = t.ordered ? t.counted : t.counted.sort(byStart);
    out.set(candidate, { candidate, runs, notCounted: t.total - runs.length, ...(t.samples ? { samples: t.samples } : {}) });
  }
  return out;
}

/** One candidate's part of the passes for the default scope. */
interface LatestTally {
  params: ParamsTest | undefined;
  total: number;
  /** where the candidate first appears in the history: the order of the selections */
  first: number;
  /** the latest counted run; of several with the same start and id, the first in the history */
  latest: RunRecord | undefined;
  /** the counted runs of the latest run's sweep, in history order */
  sweep: RunRecord[];
}

/** The latest counted run of each candidate, from the newest end of the history (see selectLatest). */
function latestRuns(history: readonly RunRecord[], test: CountTest): Map<string, LatestTally> {
  const tallies = new Map<string, LatestTally>();
  for (let i = history.length - 1; i >= 0; i--) {
    const r = history[i];
    let t = tallies.get(r.candidate);
    if (!t) tallies.set(r.candidate, (t = { params: test.paramsOf(r.candidate), total: 0, first: i, latest: undefined, sweep: [] }));
    t.total++;
    t.first = i;
    // A run that starts before the latest counted run found so far cannot be the latest: it is not tested. A run
    // with the same start and id is, and being earlier in the history it takes the place, as in a forward pass.
    if (!isSuccessful(r) || (t.latest && isLater(t.latest, r))) continue;
    if (test.counts(r, t.params)) t.latest = r;
  }
  return tallies;
}

/** Adds to each candidate's tally the counted runs of its latest run's sweep, in history order. */
function gatherSweeps(history: readonly RunRecord[], test: CountTest, tallies: Map<string, LatestTally>): void {
  const wanted = new Set<string>();
  for (const t of tallies.values()) if (t.latest?.sweepId !== undefined) wanted.add(t.latest.sweepId);
  if (wanted.size === 0) return;
  for (const r of history) {
    if (r.sweepId === undefined || !wanted.has(r.sweepId)) continue;
    const t = tallies.get(r.candidate)!;
    if (r.sweepId === t.latest?.sweepId && test.counts(r, t.params)) t.sweep.push(r);
  }
}

/**
 * The default scope: the latest counted run's sweep, oldest first, or that run alone when it has no sweep. Only the
 * runs that could be the latest and the runs of the latest runs' sweeps are tested for whether they count: walked
 * from the newest end, a history kept in start order has each candidate's latest counted run among its last runs,
 * and every older run is passed over on its start alone.
 */
function selectLatest(history: readonly RunRecord[], test: CountTest): Map<string, RunSelection> {
  const tallies = latestRuns(history, test);
  gatherSweeps(history, test, tallies);
  const out = new Map<string, RunSelection>();
  for (const [candidate, t] of [...tallies].sort((a, b) => a[1].first - b[1].first)) {
    const sweepId = t.latest?.sweepId;
    // Sorting the sweep's runs gives what filtering all the sorted counted runs would: the sort is stable.
    const runs = !t.latest ? [] : sweepId === undefined ? [t.latest] : t.sweep.sort(byStart);
    out.set(candidate, { candidate, runs, ...(sweepId !== undefined ? { sweepId } : {}), notCounted: t.total - runs.length });
  }
  return out;
}

/**
 * Per candidate (in the order first seen in the history), the runs its statistics are over. A candidate that is not
 * in the plan has no current params, so its runs are not told apart by params.
 */
export function selectRuns(history: readonly RunRecord[], plan: ProjectPlan, options: ScopeOptions = {}): Map<string, RunSelection> {
  const test = new CountTest(plan);
  return options.scope === 'all' ? selectEvery(history, test) : selectLatest(history, test);
}
