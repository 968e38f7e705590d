// What the runs dashboard draws, computed from the run history and the plan (pure: the webview only renders it):
// for each metric a comparison of the candidates (mean, 95% interval, runs, ranked, verdict vs the baseline;
// dashboardComparison.ts) and a chart of the successful runs per candidate by run order, with the success
// criterion's target and the latest baseline value (dashboardCharts.ts); and a table of the best run per candidate. Each series is downsampled
// (largest-triangle-three-buckets) to a bounded number of points, so a history of 10,000 runs stays responsive in
// the webview and the message that carries it stays small.
import type { ProjectPlan } from '../model';
import { bestRows, type BestRow } from './dashboardBest';
import { firstCriterionByMetric, metricCharts, type MetricChart } from './dashboardCharts';
import { metricComparisons, type MetricComparison } from './dashboardComparison';
import { indexRuns, type CandidateInfo } from './dashboardIndex';
import type { RunRecord } from './runRecord';

export type { BestRow } from './dashboardBest';
export type { ChartPoint, ChartSeries, MetricChart } from './dashboardCharts';
export type { ComparisonRow, MetricComparison } from './dashboardComparison';
export type { CandidateInfo } from './dashboardIndex';
export type { TargetPlacement, ValueAxis } from './dashboardScale';

export interface DashboardOptions {
  /** at most this many points per chart, shared among its series (default 2000) */
  maxPointsPerChart?: number;
  /** never fewer than this many points per series when it has them (default 60) */
  minPointsPerSeries?: number;
  /** at most this many metrics get a chart: criteria metrics first, then by how many runs report them (default 12) */
  maxMetrics?: number;
}

export interface DashboardData {
  project?: string;
  runCount: number;
  okCount: number;
  candidates: CandidateInfo[];
  /** per metric (the same metrics as `charts`, in the same order): which candidate is best */
  comparisons: MetricComparison[];
  charts: MetricChart[];
  best: BestRow[];
  /** metrics that reported values but got no chart because of `maxMetrics` */
  omittedMetrics: string[];
}

export function dashboardData(runs: readonly RunRecord[], plan: ProjectPlan, options: DashboardOptions = {}): DashboardData {
  const maxPerChart = Math.max(2, options.maxPointsPerChart ?? 2000);
  const minPerSeries = Math.max(2, options.minPointsPerSeries ?? 60);
  const maxMetrics = Math.max(1, options.maxMetrics ?? 12);
  const index = indexRuns(runs, plan);
  const criterionOf = firstCriterionByMetric(plan);

  // Criteria metrics first, then the others by how many successful runs report them.
  const criteriaMetrics = [...criterionOf.keys()];
  const others = [...index.metricCount.keys()].filter((m) => !criterionOf.has(m)).sort((a, b) => index.metricCount.get(b)! - index.metricCount.get(a)! || a.localeCompare(b));
  const allMetrics = [...criteriaMetrics, ...others];
  const metrics = allMetrics.slice(0, maxMetrics);
  const omittedMetrics = allMetrics.slice(maxMetrics);

  return {
    ...(plan.project?.name ? { project: plan.project.name } : {}),
    runCount: runs.length,
    okCount: index.ok.length,
    candidates: index.candidates,
    comparisons: metricComparisons(metrics, index.candidates, runs, plan),
    charts: metricCharts(metrics, index, runs, plan, { maxPerChart, minPerSeries }),
    best: bestRows(index, plan),
    omittedMetrics,
  };
}
