// The runs dashboard's charts over time: for each metric one chart with a series of successful runs per candidate,
// plotted by run order (the n-th successful run of the history, whatever its candidate, is at x = n, so runs minutes
// apart do not stack on one x), the success criterion's target (on the axis or, far from the data, off scale; see
// dashboardScale.ts) and the latest baseline value. Each series is downsampled
// (largest-triangle-three-buckets) to a bounded number of points, so a history of 10,000 runs stays responsive in
// the webview and the message that carries it stays small.
import type { Direction, ProjectPlan } from '../model';
import { criteriaOf, latestBaselineRun } from './compare';
import type { RunIndex } from './dashboardIndex';
import { valueAxis, type ValueAxis } from './dashboardScale';
import type { RunRecord } from './runRecord';

export interface ChartPoint {
  /** run order: the run's position (1-based) among the history's successful runs, oldest first */
  x: number;
  /** start time, ms since the epoch */
  t: number;
  v: number;
  /** the run's id */
  id: string;
}

export interface ChartSeries {
  candidate: string;
  /** index of the candidate in `DashboardData.candidates`, for a stable colour across charts */
  colour: number;
  baseline: boolean;
  /** points after downsampling, in run order */
  points: ChartPoint[];
  /** successful runs that reported the metric, before downsampling */
  total: number;
}

export interface MetricChart {
  metric: string;
  /** from the success criteria; absent when no criterion names the metric */
  direction?: Direction;
  target?: number;
  why?: string;
  /** the latest successful baseline run's value of the metric */
  baselineValue?: number;
  baselineRunId?: string;
  series: ChartSeries[];
  /** run-order bounds of the points (xMin === xMax with one run; 0 without runs) */
  xMin: number;
  xMax: number;
  /** bounds of every point and the baseline value (not the target: see `axis`) */
  vMin: number;
  vMax: number;
  /** the value axis: scaled to the data, the target on it or off scale */
  axis: ValueAxis;
}

/**
 * Largest-triangle-three-buckets downsampling: keeps the first and last point and, from each bucket in between,
 * the point that makes the largest triangle with its neighbours, so peaks and dips survive. O(n).
 */
export function lttb<T extends { x: number; v: number }>(points: readonly T[], threshold: number): T[] {
  const n = points.length;
  if (threshold >= n) return [...points];
  if (threshold <= 2) return n === 0 ? [] : threshold <= 1 ? [points[n - 1]] : [points[0], points[n - 1]];
  const out: T[] = [points[0]];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgT = 0;
    let avgV = 0;
    const len = nextEnd - nextStart;
    for (let j = nextStart; j < nextEnd; j++) {
      avgT += points[j].x;
      avgV += points[j].v;
    }
    avgT /= len || 1;
    avgV /= len || 1;
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    const pa = points[a];
    let maxArea = -1;
    let chosen = start;
    for (let j = start; j < end; j++) {
      const area = Math.abs((pa.x - avgT) * (points[j].v - pa.v) - (pa.x - points[j].x) * (avgV - pa.v));
      if (area > maxArea) {
        maxArea = area;
        chosen = j;
      }
    }
    out.push(points[chosen]);
    a = chosen;
  }
  out.push(points[n - 1]);
  return out;
}

export interface ChartOptions {
  maxPerChart: number;
  minPerSeries: number;
}

/** One chart per metric, in the order given. */
export function metricCharts(metrics: readonly string[], index: RunIndex, runs: readonly RunRecord[], plan: ProjectPlan, options: ChartOptions): MetricChart[] {
  const { candidates, ok } = index;
  const { maxPerChart, minPerSeries } = options;
  const colourOf = new Map(candidates.map((c, i) => [c.id, i]));
  const criterionOf = firstCriterionByMetric(plan);
  const baselineRun = latestBaselineRun(runs, plan);
  const baselineIds = new Set(candidates.filter((c) => c.baseline).map((c) => c.id));

  return metrics.map((metric): MetricChart => {
    const byCandidate = new Map<string, ChartPoint[]>();
    ok.forEach(({ run, t }, i) => {
      const v = run.metrics[metric];
      if (typeof v !== 'number') return;
      let list = byCandidate.get(run.candidate);
      if (!list) byCandidate.set(run.candidate, (list = []));
      list.push({ x: i + 1, t, v, id: run.id });
    });
    const perSeries = Math.max(minPerSeries, Math.floor(maxPerChart / Math.max(1, byCandidate.size)));
    const c = criterionOf.get(metric);
    const baselineValue = baselineRun?.metrics[metric];
    let xMin = Infinity;
    let xMax = -Infinity;
    let vMin = Infinity;
    let vMax = -Infinity;
    const series: ChartSeries[] = [];
    for (const info of candidates) {
      const samples = byCandidate.get(info.id);
      if (!samples) continue;
      const points = lttb(samples, perSeries);
      for (const p of samples) {
        // bounds from every sample, not only the kept ones, so the axes do not jump as points are dropped
        if (p.v < vMin) vMin = p.v;
        if (p.v > vMax) vMax = p.v;
      }
      xMin = Math.min(xMin, samples[0].x);
      xMax = Math.max(xMax, samples[samples.length - 1].x);
      series.push({ candidate: info.id, colour: colourOf.get(info.id) ?? 0, baseline: baselineIds.has(info.id), points, total: samples.length });
    }
    if (typeof baselineValue === 'number' && series.length > 0) {
      vMin = Math.min(vMin, baselineValue);
      vMax = Math.max(vMax, baselineValue);
    }
    const axis = valueAxis(vMin, vMax, c?.target);
    if (!Number.isFinite(xMin)) xMin = xMax = 0;
    if (!Number.isFinite(vMin)) vMin = vMax = 0;
    return {
      metric,
      ...(c ? { direction: c.direction, target: c.target, ...(c.why ? { why: c.why } : {}) } : {}),
      ...(typeof baselineValue === 'number' ? { baselineValue, baselineRunId: baselineRun!.id } : {}),
      series,
      xMin,
      xMax,
      vMin,
      vMax,
      axis,
    };
  });
}

/** The first success criterion of each metric. */
export function firstCriterionByMetric(plan: ProjectPlan): Map<string, ReturnType<typeof criteriaOf>[number]> {
  const criterionOf = new Map<string, ReturnType<typeof criteriaOf>[number]>();
  for (const c of criteriaOf(plan)) if (!criterionOf.has(c.metric)) criterionOf.set(c.metric, c);
  return criterionOf;
}
