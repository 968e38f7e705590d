// Which runs the statistics count. A run counts for its candidate when it is `ok`, was run by the plan's current
// `evaluation.command` (compared without the values that change from run to run: run id, run folder, metrics
// file, workspace folder, environment variables) and with the candidate's current `params`. Of those, the default
// sample is the latest run's sweep (every counted run with the latest run's `sweepId`) or, when the latest run has
// no sweep, that run alone (n = 1); `scope: 'all'` takes every counted run.
import type { ProjectPlan } from '../model';
import { CommandTemplate, type CommandTest } from './commandMatch';
import { isLater } from './compare';
import { MetricSamples } from './metricSamples';
import { ParamsTest } from './paramsMatch';
import { isSuccessful, type RunRecord } from './runRecord';

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

/** The test of whether a run counts, built once per call: the plan's command and each plan candidate's params. */
class CountTest {
  private readonly command: CommandTemplate | undefined;
  private readonly params = new Map<string, ParamsTest>();

  constructor(plan: ProjectPlan) {
    this.command = CommandTemplate.parse(plan.evaluation?.command);
    for (const c of plan.candidates ?? []) if (typeof c?.id === 'string' && !this.params.has(c.id)) this.params.set(c.id, new ParamsTest(c.params));
  }

  /** The tests for one candidate's runs: its params (none when it is not in the plan) and the command with its name. */
  testsOf(candidate: string): CandidateTests {
    return { params: this.params.get(candidate), command: this.command?.testFor(candidate) };
  }
}

/**
 * What tells whether a run of one candidate counts: undefined `params` when the candidate is not in the plan (it has
 * no current params to compare), undefined `command` when the plan has no command to compare with.
 */
interface CandidateTests {
  params: ParamsTest | undefined;
  command: CommandTest | undefined;
}

/** True when `run` is ok, with its candidate's current params and by the current command. */
function counts(run: RunRecord, t: CandidateTests): boolean {
  return isSuccessful(run) && (!t.params || t.params.matches(run.params)) && (!t.command || t.command.matches(run));
}

function byStart(a: RunRecord, b: RunRecord): number {
  return isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0;
}

/** One candidate's part of the pass for `scope: 'all'`. */
interface EveryTally {
  tests: CandidateTests;
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
      t = { tests: test.testsOf(r.candidate), total: 0, latest: undefined, counted: [], ordered: true, samples: new MetricSamples() };
      tallies.set(r.candidate, t);
    }
    t.total++;
    if (!counts(r, t.tests)) continue;
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
  tests: CandidateTests;
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
    if (!t) tallies.set(r.candidate, (t = { tests: test.testsOf(r.candidate), total: 0, first: i, latest: undefined, sweep: [] }));
    t.total++;
    t.first = i;
    // A run that starts before the latest counted run found so far cannot be the latest: it is not tested. A run
    // with the same start and id is, and being earlier in the history it takes the place, as in a forward pass.
    if (!isSuccessful(r) || (t.latest && isLater(t.latest, r))) continue;
    if (counts(r, t.tests)) t.latest = r;
  }
  return tallies;
}

/** Adds to each candidate's tally the counted runs of its latest run's sweep, in history order. */
function gatherSweeps(history: readonly RunRecord[], tallies: Map<string, LatestTally>): void {
  const wanted = new Set<string>();
  for (const t of tallies.values()) if (t.latest?.sweepId !== undefined) wanted.add(t.latest.sweepId);
  if (wanted.size === 0) return;
  for (const r of history) {
    if (r.sweepId === undefined || !wanted.has(r.sweepId)) continue;
    const t = tallies.get(r.candidate)!;
    if (r.sweepId === t.latest?.sweepId && counts(r, t.tests)) t.sweep.push(r);
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
  gatherSweeps(history, tallies);
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
