// The outcome of a sweep per candidate: how many runs succeeded out of how many, and the mean of the primary metric
// (the first success criterion's metric, else the first metric a successful run reported) over the successful runs.
import type { ProjectPlan } from '../model';
import { criteriaOf } from './compare';
import { isSuccessful, type RunRecord } from './runRecord';

export interface CandidateSweepSummary {
  candidate: string;
  ok: number;
  total: number;
  /** mean of the primary metric over the successful runs that reported it; absent when none did */
  mean?: number;
  /** how many successful runs reported the primary metric */
  n: number;
}

export interface SweepSummary {
  /** the metric the means are of; absent when no successful run reported any metric */
  metric?: string;
  candidates: CandidateSweepSummary[];
  ok: number;
  total: number;
}

/** The primary metric of a plan and a set of runs. */
export function primaryMetric(plan: ProjectPlan, runs: readonly RunRecord[]): string | undefined {
  const first = criteriaOf(plan)[0]?.metric;
  if (first) return first;
  for (const r of runs) if (isSuccessful(r)) for (const m in r.metrics) return m;
  return undefined;
}

/** Per candidate (in the order the runs come), ok / total and the mean of the primary metric. */
export function summariseSweep(runs: readonly RunRecord[], plan: ProjectPlan): SweepSummary {
  const metric = primaryMetric(plan, runs);
  const byCandidate = new Map<string, { ok: number; total: number; values: number[] }>();
  for (const r of runs) {
    let s = byCandidate.get(r.candidate);
    if (!s) byCandidate.set(r.candidate, (s = { ok: 0, total: 0, values: [] }));
    s.total++;
    if (!isSuccessful(r)) continue;
    s.ok++;
    const v = metric === undefined ? undefined : r.metrics[metric];
    if (typeof v === 'number') s.values.push(v);
  }
  const candidates = [...byCandidate].map(([candidate, s]) => ({
    candidate, ok: s.ok, total: s.total, n: s.values.length,
    ...(s.values.length > 0 ? { mean: s.values.reduce((a, b) => a + b, 0) / s.values.length } : {}),
  }));
  return { ...(metric ? { metric } : {}), candidates, ok: runs.filter(isSuccessful).length, total: runs.length };
}
