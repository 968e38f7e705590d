// How a run compares with the baseline and the success criteria, and a summary of the whole history per candidate.
// Directions come from `goal.success_criteria` (default maximize); meeting a target exactly passes.
import type { Direction, ProjectPlan } from '../model';
import { isSuccessful, type RunRecord } from './runRecord';

export interface Criterion {
  metric: string;
  target: number;
  direction: Direction;
  why?: string;
}

export type CriterionStatus = 'pass' | 'fail' | 'missing';

export interface CriterionCheck extends Criterion {
  /** the run's value of the metric; absent when the run did not report it */
  value?: number;
  status: CriterionStatus;
}

export interface MetricComparison {
  metric: string;
  value: number;
  /** the baseline run's value, when the baseline reported this metric */
  baseline?: number;
  /** value - baseline */
  delta?: number;
  /** whether the delta is an improvement; absent when no criterion gives the metric a direction, or no delta */
  improved?: boolean;
}

export interface RunComparison {
  run: RunRecord;
  /** the latest successful run of a baseline candidate (other than `run`) */
  baseline?: RunRecord;
  metrics: MetricComparison[];
  criteria: CriterionCheck[];
  /** true when every criterion passes (and there is at least one) */
  targetsMet: boolean;
  /** true when the run is of a baseline candidate */
  ofBaseline: boolean;
}

/** How a comparison's reference reads in one line: "vs baseline x", "the baseline itself", or "no baseline run yet". */
export function baselineText(cmp: RunComparison): string {
  if (cmp.baseline) return `vs baseline ${cmp.baseline.candidate}`;
  return cmp.ofBaseline ? 'the first baseline run' : 'no baseline run yet';
}

/** The well-formed success criteria of a plan. */
export function criteriaOf(plan: ProjectPlan): Criterion[] {
  const out: Criterion[] = [];
  for (const c of plan.goal?.success_criteria ?? []) {
    if (typeof c?.metric !== 'string' || typeof c.target !== 'number' || !Number.isFinite(c.target)) continue;
    out.push({ metric: c.metric, target: c.target, direction: c.direction === 'minimize' ? 'minimize' : 'maximize', why: c.why });
  }
  return out;
}

/** metric -> direction, from the success criteria (the first criterion naming a metric wins). */
export function directionsOf(plan: ProjectPlan): Map<string, Direction> {
  const m = new Map<string, Direction>();
  for (const c of criteriaOf(plan)) if (!m.has(c.metric)) m.set(c.metric, c.direction);
  return m;
}

export function baselineIds(plan: ProjectPlan): Set<string> {
  return new Set((plan.candidates ?? []).filter((c) => c?.baseline === true && typeof c.id === 'string').map((c) => c.id as string));
}

/** True when run `a` is later than run `b` (by start time; equal starts: by id). */
export function isLater(a: RunRecord, b: RunRecord): boolean {
  return a.start > b.start || (a.start === b.start && a.id > b.id);
}

/** The latest successful run of a baseline candidate, optionally ignoring one run. */
export function latestBaselineRun(runs: readonly RunRecord[], plan: ProjectPlan, except?: RunRecord): RunRecord | undefined {
  const ids = baselineIds(plan);
  let best: RunRecord | undefined;
  for (const r of runs) {
    if (r === except || (except && r.id === except.id) || !ids.has(r.candidate) || !isSuccessful(r)) continue;
    if (!best || isLater(r, best)) best = r;
  }
  return best;
}

/**
 * True when a baseline candidate of the plan has a successful run: the number the process asks for before Develop,
 * tuning and the model decision (the same run the comparisons measure against).
 */
export function baselineHasSuccessfulRun(plan: ProjectPlan, runs: readonly RunRecord[]): boolean {
  return latestBaselineRun(runs, plan) !== undefined;
}

/** Whether a candidate has a successful run in `runs`: one test, built once, for the pickers' order of many candidates. */
export function hasSuccessfulRunIn(runs: readonly RunRecord[]): (candidateId: string) => boolean {
  const ran = new Set(runs.filter(isSuccessful).map((r) => r.candidate));
  return (candidateId) => ran.has(candidateId);
}

export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'minimize' ? value <= target : value >= target;
}

export function checkCriteria(metrics: Record<string, number>, plan: ProjectPlan): CriterionCheck[] {
  return criteriaOf(plan).map((c) => {
    const value = metrics[c.metric];
    if (typeof value !== 'number') return { ...c, status: 'missing' };
    return { ...c, value, status: meetsTarget(value, c.target, c.direction) ? 'pass' : 'fail' };
  });
}

/** Compares a run with the latest successful baseline run of `runs` (other than itself) and with the criteria. */
export function compareRun(run: RunRecord, runs: readonly RunRecord[], plan: ProjectPlan): RunComparison {
  return compareWithBaseline(run, latestBaselineRun(runs, plan, run), plan);
}

/** Compares a run with a given baseline run (e.g. one found once for a whole table) and with the criteria. */
export function compareWithBaseline(run: RunRecord, baseline: RunRecord | undefined, plan: ProjectPlan): RunComparison {
  const directions = directionsOf(plan);
  const metrics: MetricComparison[] = Object.entries(run.metrics).map(([metric, value]) => {
    const base = baseline?.metrics[metric];
    if (typeof base !== 'number') return { metric, value };
    const delta = value - base;
    const dir = directions.get(metric);
    const improved = dir === undefined ? undefined : dir === 'minimize' ? delta < 0 : delta > 0;
    return { metric, value, baseline: base, delta, ...(improved === undefined ? {} : { improved }) };
  });
  const criteria = checkCriteria(run.metrics, plan);
  return {
    run, baseline, metrics, criteria, targetsMet: criteria.length > 0 && criteria.every((c) => c.status === 'pass'),
    ofBaseline: baselineIds(plan).has(run.candidate),
  };
}

export interface CandidateSummary {
  candidate: string;
  /** the candidate's name from the plan, when it is there */
  name?: string;
  inPlan: boolean;
  baseline: boolean;
  runCount: number;
  /** the latest run, whatever its status */
  latest?: RunRecord;
  /** metric -> the successful run with the best value (direction from the success criteria, default maximize) */
  best: Record<string, RunRecord>;
}

export interface HistorySummary {
  /** plan candidates first, in plan order, then candidates found only in the history */
  candidates: CandidateSummary[];
  latestBaseline?: RunRecord;
  runCount: number;
}

/** One pass over the history: per candidate the latest run, the best run per metric and the run count. */
export function summariseHistory(runs: readonly RunRecord[], plan: ProjectPlan): HistorySummary {
  const directions = directionsOf(plan);
  const byId = new Map<string, CandidateSummary>();
  for (const c of plan.candidates ?? []) {
    if (typeof c?.id !== 'string' || byId.has(c.id)) continue;
    byId.set(c.id, { candidate: c.id, name: c.name, inPlan: true, baseline: c.baseline === true, runCount: 0, best: {} });
  }
  let latestBaseline: RunRecord | undefined;
  for (const r of runs) {
    let s = byId.get(r.candidate);
    if (!s) {
      s = { candidate: r.candidate, inPlan: false, baseline: false, runCount: 0, best: {} };
      byId.set(r.candidate, s);
    }
    s.runCount++;
    if (!s.latest || isLater(r, s.latest)) s.latest = r;
    if (r.status !== 'ok') continue;
    if (s.baseline && (!latestBaseline || isLater(r, latestBaseline))) latestBaseline = r;
    for (const metric in r.metrics) {
      const value = r.metrics[metric];
      const current = s.best[metric];
      if (!current) {
        s.best[metric] = r;
        continue;
      }
      const cv = current.metrics[metric];
      const better = directions.get(metric) === 'minimize' ? value < cv : value > cv;
      if (better) s.best[metric] = r;
    }
  }
  return { candidates: [...byId.values()], latestBaseline, runCount: runs.length };
}
