// The dashboard's first chart, per metric: which candidate is best. Each candidate's mean with its 95% interval and
// its counted runs (the sample the statistics are over, core/runs/candidateStats.ts: by default the latest sweep,
// else the latest run), ranked best first by the metric's direction; the reference baseline's band (its 95%
// interval of the mean), the target, and per candidate the verdict against the baseline (better / worse / within
// noise) and the target's status. No statistics are computed here: they all come from summarizeCandidates.
import type { Direction, ProjectPlan } from '../model';
import type { Interval } from '../stats/sample';
import { referenceBaseline, summarizeCandidates, type TargetStatus, type Verdict } from './candidateStats';
import { firstCriterionByMetric } from './dashboardCharts';
import type { CandidateInfo } from './dashboardIndex';
import { valueAxis, type ValueAxis } from './dashboardScale';
import type { RunRecord } from './runRecord';

/** at most this many runs of a candidate are drawn as dots (the latest ones); `n` always counts them all */
export const MAX_DOTS_PER_CANDIDATE = 300;

export interface ComparisonRow {
  candidate: string;
  name?: string;
  /** index of the candidate in `DashboardData.candidates`, the colour it has in every chart */
  colour: number;
  baseline: boolean;
  /** the reference baseline the verdicts are against */
  reference: boolean;
  n: number;
  mean: number;
  sd?: number;
  /** the 95% interval of the mean; absent when n = 1 */
  ci?: Interval;
  /** the counted runs that reported the metric, oldest first (the latest MAX_DOTS_PER_CANDIDATE) */
  runs: { id: string; v: number }[];
  sweepId?: string;
  /** candidate − reference baseline; absent for the baseline itself and without a baseline */
  vsBaseline?: { diff: number; ci?: Interval; verdict?: Verdict };
  /** the success criterion of the metric on this candidate's sample */
  target?: TargetStatus;
}

export interface MetricComparison {
  metric: string;
  direction?: Direction;
  target?: number;
  /** true when the rows are best first; false (no criterion gives a direction): in plan order */
  ranked: boolean;
  /** the reference baseline's statistics of the metric (the band is its interval) */
  baseline?: { candidate: string; n: number; mean: number; ci?: Interval };
  rows: ComparisonRow[];
  /** candidates with no counted run that reported the metric */
  missing: string[];
  axis: ValueAxis;
}

/** One comparison per metric, in the order given. */
export function metricComparisons(metrics: readonly string[], candidates: readonly CandidateInfo[], history: readonly RunRecord[], plan: ProjectPlan): MetricComparison[] {
  const stats = summarizeCandidates(history, plan);
  const ref = referenceBaseline(stats);
  const colourOf = new Map(candidates.map((c, i) => [c.id, i]));
  const criterionOf = firstCriterionByMetric(plan);
  const order = [...candidates.map((c) => c.id), ...stats.map((s) => s.candidate).filter((id) => !colourOf.has(id))];
  const byId = new Map(stats.map((s) => [s.candidate, s]));

  return metrics.map((metric): MetricComparison => {
    const criterion = criterionOf.get(metric);
    const direction = criterion?.direction;
    const rows: ComparisonRow[] = [];
    const missing: string[] = [];
    for (const id of order) {
      const s = byId.get(id);
      const m = s?.metrics.find((x) => x.metric === metric);
      if (!s || !m) {
        missing.push(id);
        continue;
      }
      const runs: ComparisonRow['runs'] = [];
      for (const r of s.runs) {
        const v = r.metrics[metric];
        if (typeof v === 'number' && Number.isFinite(v)) runs.push({ id: r.id, v });
      }
      const d = s.vsBaseline?.metrics.find((x) => x.metric === metric);
      const t = s.targets.find((x) => x.metric === metric);
      rows.push({
        candidate: id,
        ...(s.name !== undefined ? { name: s.name } : {}),
        colour: colourOf.get(id) ?? candidates.length,
        baseline: s.baseline,
        reference: s === ref,
        n: m.n,
        mean: m.mean,
        ...(m.sd !== undefined ? { sd: m.sd } : {}),
        ...(m.ci ? { ci: { ...m.ci } } : {}),
        runs: runs.slice(-MAX_DOTS_PER_CANDIDATE),
        ...(s.sweepId !== undefined ? { sweepId: s.sweepId } : {}),
        ...(d ? { vsBaseline: { diff: d.diff, ...(d.ci ? { ci: { ...d.ci } } : {}), ...(d.verdict ? { verdict: d.verdict } : {}) } } : {}),
        ...(t ? { target: t.status } : {}),
      });
    }
    // best first; Array.prototype.sort is stable, so equal means keep the plan's order
    if (direction) rows.sort((a, b) => (direction === 'minimize' ? a.mean - b.mean : b.mean - a.mean));
    const refMetric = ref?.metrics.find((x) => x.metric === metric);
    let lo = Infinity;
    let hi = -Infinity;
    const see = (v: number): void => {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    };
    for (const r of rows) {
      see(r.mean);
      if (r.ci) (see(r.ci.low), see(r.ci.high));
      for (const p of r.runs) see(p.v);
    }
    return {
      metric,
      ...(criterion ? { direction: criterion.direction, target: criterion.target } : {}),
      ranked: direction !== undefined,
      ...(ref && refMetric ? { baseline: { candidate: ref.candidate, n: refMetric.n, mean: refMetric.mean, ...(refMetric.ci ? { ci: { ...refMetric.ci } } : {}) } } : {}),
      rows,
      missing,
      axis: valueAxis(lo, hi, criterion?.target),
    };
  });
}
