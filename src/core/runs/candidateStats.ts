// Statistics per candidate and metric over the runs that count (see runScope.ts), the comparison with the baseline
// candidate, and the success criteria checked on the mean and on the interval. The CLI, the Runs view, the status bar
// and the brief all read this one shape. Statistics are honest: without a spread to measure (n = 1 on either side)
// or with an interval that crosses 0, the verdict is "within noise".
//
//   summarizeCandidates(history, plan, { scope }) → CandidateStats[]   (plan order, then history-only candidates)
//   compareCandidates(candidate, baseline, plan)   → BaselineDifference[] (candidate − baseline, per shared metric)
//   targetsMet(stats, 'mean' | 'confident')        → the gate of `--require-targets[=confident]`
import type { Direction, ProjectPlan } from '../model';
import { statsOf, type Interval, type SampleAccumulator, type SampleStats } from '../stats/sample';
import { welchDifference, type MeanDifference } from '../stats/welch';
import { criteriaOf, directionsOf, isLater, meetsTarget, type Criterion } from './compare';
import { samplesOf, type MetricSamples } from './metricSamples';
import type { RunRecord } from './runRecord';
import { selectRuns, type RunScope, type ScopeOptions } from './runScope';

export type { Interval, RunScope, ScopeOptions };

export interface MetricStats extends SampleStats {
  metric: string;
  /** from the success criteria; absent when no criterion names the metric */
  direction?: Direction;
}

/** `met-confident`: the whole interval is on the right side of the target; `met-on-mean`: only the mean is. */
export type TargetStatus = 'met-confident' | 'met-on-mean' | 'missed' | 'missing';

export interface TargetCheck extends Criterion {
  status: TargetStatus;
  /** how many counted runs reported the metric (0: `missing`) */
  n: number;
  mean?: number;
  ci?: Interval;
}

export type Verdict = 'better' | 'worse' | 'within noise';

export interface BaselineDifference extends MeanDifference {
  metric: string;
  /** the runs behind each mean */
  n: number;
  baselineN: number;
  /** absent when no success criterion gives the metric a direction */
  verdict?: Verdict;
}

export interface BaselineComparison {
  /** the baseline candidate's id */
  baseline: string;
  metrics: BaselineDifference[];
}

export interface CandidateStats {
  candidate: string;
  name?: string;
  inPlan: boolean;
  baseline: boolean;
  /** the counted runs, oldest first (shared with the selection: do not modify) */
  runs: readonly RunRecord[];
  /** the number of counted runs */
  n: number;
  /** the sweep the counted runs belong to (default scope, when the latest run has a sweep id) */
  sweepId?: string;
  /** the candidate's other runs in the history: not ok, another command or params, another sweep */
  notCounted: number;
  /** the latest counted run */
  latest?: RunRecord;
  /** criteria metrics first, then the others as first reported */
  metrics: MetricStats[];
  targets: TargetCheck[];
  /** absent for the reference baseline itself and when no baseline candidate has a counted run */
  vsBaseline?: BaselineComparison;
}

/** better / worse when the interval of the difference lies wholly on one side of 0, else within noise. */
export function verdictOf(d: MeanDifference, direction: Direction | undefined): Verdict | undefined {
  if (direction === undefined) return undefined;
  if (!d.ci) return 'within noise';
  const higher = d.ci.low > 0;
  const lower = d.ci.high < 0;
  if (!higher && !lower) return 'within noise';
  return higher === (direction === 'maximize') ? 'better' : 'worse';
}

/** A criterion against a sample: missed when the mean misses, met-confident when the whole interval passes. */
export function checkTarget(c: Criterion, s: SampleStats | undefined): TargetCheck {
  if (!s) return { ...c, status: 'missing', n: 0 };
  const base = { ...c, n: s.n, mean: s.mean, ...(s.ci ? { ci: s.ci } : {}) };
  if (!meetsTarget(s.mean, c.target, c.direction)) return { ...base, status: 'missed' };
  const worstEnd = s.ci ? (c.direction === 'minimize' ? s.ci.high : s.ci.low) : undefined;
  const confident = worstEnd !== undefined && meetsTarget(worstEnd, c.target, c.direction);
  return { ...base, status: confident ? 'met-confident' : 'met-on-mean' };
}

/** True when there is at least one criterion and every one passes: on the mean, or with the whole interval. */
export function targetsMet(stats: CandidateStats, gate: 'mean' | 'confident'): boolean {
  const pass = (t: TargetCheck): boolean => t.status === 'met-confident' || (gate === 'mean' && t.status === 'met-on-mean');
  return stats.targets.length > 0 && stats.targets.every(pass);
}

/** candidate − baseline for every metric both report, with the Welch interval and the verdict. */
export function compareCandidates(candidate: CandidateStats, baseline: CandidateStats, plan: ProjectPlan): BaselineDifference[] {
  const directions = directionsOf(plan);
  const base = new Map(baseline.metrics.map((m) => [m.metric, m]));
  const out: BaselineDifference[] = [];
  for (const m of candidate.metrics) {
    const b = base.get(m.metric);
    if (!b) continue;
    const d = welchDifference(m, b);
    const verdict = verdictOf(d, directions.get(m.metric));
    out.push({ metric: m.metric, ...d, n: m.n, baselineN: b.n, ...(verdict ? { verdict } : {}) });
  }
  return out;
}

/** The statistics of each metric with values: the criteria's metrics first, in criteria order, then the others as first reported. */
function metricStats(samples: MetricSamples, criteriaMetrics: readonly string[], directions: Map<string, Direction>): MetricStats[] {
  const out: MetricStats[] = [];
  const add = (metric: string, acc: SampleAccumulator | undefined): void => {
    if (!acc || acc.n === 0) return;
    const dir = directions.get(metric);
    out.push({ metric, ...statsOf(acc), ...(dir ? { direction: dir } : {}) });
  };
  for (const metric of criteriaMetrics) add(metric, samples.get(metric));
  for (const [metric, acc] of samples.entries()) if (!directions.has(metric)) add(metric, acc);
  return out;
}

/** The reference baseline: of the baseline candidates with counted runs, the one whose latest counted run is latest. */
export function referenceBaseline(stats: readonly CandidateStats[]): CandidateStats | undefined {
  let best: CandidateStats | undefined;
  for (const s of stats) {
    if (!s.baseline || !s.latest) continue;
    if (!best || isLater(s.latest, best.latest!)) best = s;
  }
  return best;
}

/** Per candidate: n, mean, sd and 95% interval per metric, the criteria, and the difference from the baseline. */
export function summarizeCandidates(history: readonly RunRecord[], plan: ProjectPlan, options: ScopeOptions = {}): CandidateStats[] {
  const selections = selectRuns(history, plan, options);
  const criteria = criteriaOf(plan);
  const directions = directionsOf(plan);
  const criteriaMetrics = [...directions.keys()];
  const order: Array<{ candidate: string; name?: string; inPlan: boolean; baseline: boolean }> = [];
  const seen = new Set<string>();
  for (const c of plan.candidates ?? []) {
    if (typeof c?.id !== 'string' || seen.has(c.id)) continue;
    seen.add(c.id);
    order.push({ candidate: c.id, ...(c.name !== undefined ? { name: c.name } : {}), inPlan: true, baseline: c.baseline === true });
  }
  for (const id of selections.keys()) if (!seen.has(id)) order.push({ candidate: id, inPlan: false, baseline: false });

  const stats = order.map((o): CandidateStats => {
    const sel = selections.get(o.candidate);
    const runs = sel?.runs ?? [];
    const metrics = metricStats(sel?.samples ?? samplesOf(runs), criteriaMetrics, directions);
    const byMetric = new Map(metrics.map((m) => [m.metric, m]));
    return {
      ...o,
      runs,
      n: runs.length,
      ...(sel?.sweepId !== undefined ? { sweepId: sel.sweepId } : {}),
      notCounted: sel?.notCounted ?? 0,
      ...(runs.length > 0 ? { latest: runs[runs.length - 1] } : {}),
      metrics,
      targets: criteria.map((c) => checkTarget(c, byMetric.get(c.metric))),
    };
  });
  const ref = referenceBaseline(stats);
  if (ref) {
    for (const s of stats) {
      if (s === ref || s.n === 0) continue;
      s.vsBaseline = { baseline: ref.candidate, metrics: compareCandidates(s, ref, plan) };
    }
  }
  return stats;
}
