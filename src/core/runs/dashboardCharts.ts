// The runs dashboard's charts: for each metric one chart with a series of successful runs over time per candidate,
// the success criterion's target line and the latest baseline value. Each series is downsampled
// (largest-triangle-three-buckets) to a bounded number of points, so a history of 10,000 runs stays responsive in
// the webview and the message that carries it stays small.
import type { Direction, ProjectPlan } from '../model';
import { criteriaOf, latestBaselineRun } from './compare';
import type { RunIndex } from './dashboardIndex';
import type { RunRecord } from './runRecord';

export interface ChartPoint {
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
  /** points after downsampling, in time order */
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
  /** bounds of every point, target and baseline value (tMin === tMax when there is one point in time) */
  tMin: number;
  tMax: number;
  vMin: number;
  vMax: number;
}

interface Sample {
  t: number;
  v: number;
  id: string;
}

/**
 * Largest-triangle-three-buckets downsampling: keeps the first and last point and, from each bucket in between,
 * the point that makes the largest triangle with its neighbours, so peaks and dips survive. O(n).
 */
export function lttb<T extends { t: number; v: number }>(points: readonly T[], threshold: number): T[] {
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
      avgT += points[j].t;
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
      const area = Math.abs((pa.t - avgT) * (points[j].v - pa.v) - (pa.t - points[j].t) * (avgV - pa.v));
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
    const byCandidate = new Map<string, Sample[]>();
    for (const { run, t } of ok) {
      const v = run.metrics[metric];
      if (typeof v !== 'number') continue;
      let list = byCandidate.get(run.candidate);
      if (!list) byCandidate.set(run.candidate, (list = []));
      list.push({ t, v, id: run.id });
    }
    const perSeries = Math.max(minPerSeries, Math.floor(maxPerChart / Math.max(1, byCandidate.size)));
    const c = criterionOf.get(metric);
    const baselineValue = baselineRun?.metrics[metric];
    let tMin = Infinity;
    let tMax = -Infinity;
    let vMin = Infinity;
    let vMax = -Infinity;
    const series: ChartSeries[] = [];
    for (const info of candidates) {
      const samples = byCandidate.get(info.id);
      if (!samples) continue;
      const points = lttb(samples, perSeries).map((p) => ({ t: p.t, v: p.v, id: p.id }));
      for (const p of samples) {
        // bounds from every sample, not only the kept ones, so the axes do not jump as points are dropped
        if (p.v < vMin) vMin = p.v;
        if (p.v > vMax) vMax = p.v;
      }
      tMin = Math.min(tMin, samples[0].t);
      tMax = Math.max(tMax, samples[samples.length - 1].t);
      series.push({ candidate: info.id, colour: colourOf.get(info.id) ?? 0, baseline: baselineIds.has(info.id), points, total: samples.length });
    }
    for (const v of [c?.target, baselineValue]) {
      if (typeof v !== 'number') continue;
      vMin = Math.min(vMin, v);
      vMax = Math.max(vMax, v);
    }
    if (!Number.isFinite(tMin)) tMin = tMax = 0;
    if (!Number.isFinite(vMin)) vMin = vMax = 0;
    return {
      metric,
      ...(c ? { direction: c.direction, target: c.target, ...(c.why ? { why: c.why } : {}) } : {}),
      ...(typeof baselineValue === 'number' ? { baselineValue, baselineRunId: baselineRun!.id } : {}),
      series,
      tMin,
      tMax,
      vMin,
      vMax,
    };
  });
}

/** The first success criterion of each metric. */
export function firstCriterionByMetric(plan: ProjectPlan): Map<string, ReturnType<typeof criteriaOf>[number]> {
  const criterionOf = new Map<string, ReturnType<typeof criteriaOf>[number]>();
  for (const c of criteriaOf(plan)) if (!criterionOf.has(c.metric)) criterionOf.set(c.metric, c);
  return criterionOf;
}
