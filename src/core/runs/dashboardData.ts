// What the runs dashboard draws, computed from the run history and the plan (pure: the webview only renders it):
// for each metric one chart with a series of successful runs over time per candidate, the success criterion's
// target line and the latest baseline value; and a table of the best run per candidate. Each series is downsampled
// (largest-triangle-three-buckets) to a bounded number of points, so a history of 10,000 runs stays responsive in
// the webview and the message that carries it stays small.
import type { Direction, ProjectPlan } from '../model';
import { checkCriteria, criteriaOf, isLater, latestBaselineRun, type CriterionCheck } from './compare';
import type { RunRecord, RunStatus } from './runRecord';

export interface DashboardOptions {
  /** at most this many points per chart, shared among its series (default 2000) */
  maxPointsPerChart?: number;
  /** never fewer than this many points per series when it has them (default 60) */
  minPointsPerSeries?: number;
  /** at most this many metrics get a chart: criteria metrics first, then by how many runs report them (default 12) */
  maxMetrics?: number;
}

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

export interface CandidateInfo {
  id: string;
  name?: string;
  baseline: boolean;
  chosen: boolean;
  inPlan: boolean;
}

export interface BestRow {
  candidate: string;
  name?: string;
  baseline: boolean;
  chosen: boolean;
  runCount: number;
  /** the metric the best run was picked by */
  by?: string;
  /** the best successful run: by the first success criterion (direction-aware), else the latest successful run */
  best?: { id: string; start: string; note?: string; metrics: Record<string, number> };
  criteria: CriterionCheck[];
  targetsMet: boolean;
  latestStatus?: RunStatus;
}

export interface DashboardData {
  project?: string;
  runCount: number;
  okCount: number;
  candidates: CandidateInfo[];
  charts: MetricChart[];
  best: BestRow[];
  /** metrics that reported values but got no chart because of `maxMetrics` */
  omittedMetrics: string[];
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

function candidateInfos(runs: readonly RunRecord[], plan: ProjectPlan): CandidateInfo[] {
  const chosen = plan.decision?.chosen;
  const out = new Map<string, CandidateInfo>();
  for (const c of plan.candidates ?? []) {
    if (typeof c?.id !== 'string' || out.has(c.id)) continue;
    out.set(c.id, { id: c.id, ...(c.name ? { name: c.name } : {}), baseline: c.baseline === true, chosen: c.id === chosen, inPlan: true });
  }
  for (const r of runs) {
    if (!out.has(r.candidate)) out.set(r.candidate, { id: r.candidate, baseline: false, chosen: false, inPlan: false });
  }
  return [...out.values()];
}

function better(value: number, than: number, direction: Direction): boolean {
  return direction === 'minimize' ? value < than : value > than;
}

export function dashboardData(runs: readonly RunRecord[], plan: ProjectPlan, options: DashboardOptions = {}): DashboardData {
  const maxPerChart = Math.max(2, options.maxPointsPerChart ?? 2000);
  const minPerSeries = Math.max(2, options.minPointsPerSeries ?? 60);
  const maxMetrics = Math.max(1, options.maxMetrics ?? 12);
  const candidates = candidateInfos(runs, plan);
  const colourOf = new Map(candidates.map((c, i) => [c.id, i]));
  const criteria = criteriaOf(plan);
  const criterionOf = new Map<string, (typeof criteria)[number]>();
  for (const c of criteria) if (!criterionOf.has(c.metric)) criterionOf.set(c.metric, c);

  // One pass: successful runs per candidate in time order, metric counts, run counts, latest run per candidate.
  const ok: { run: RunRecord; t: number }[] = [];
  const runCount = new Map<string, number>();
  const latest = new Map<string, RunRecord>();
  const metricCount = new Map<string, number>();
  for (const r of runs) {
    runCount.set(r.candidate, (runCount.get(r.candidate) ?? 0) + 1);
    const prev = latest.get(r.candidate);
    if (!prev || isLater(r, prev)) latest.set(r.candidate, r);
    if (r.status !== 'ok') continue;
    const t = Date.parse(r.start);
    if (!Number.isFinite(t)) continue;
    ok.push({ run: r, t });
    for (const m in r.metrics) metricCount.set(m, (metricCount.get(m) ?? 0) + 1);
  }
  ok.sort((a, b) => a.t - b.t || (a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0));

  const criteriaMetrics = [...criterionOf.keys()];
  const others = [...metricCount.keys()].filter((m) => !criterionOf.has(m)).sort((a, b) => metricCount.get(b)! - metricCount.get(a)! || a.localeCompare(b));
  const allMetrics = [...criteriaMetrics, ...others];
  const metrics = allMetrics.slice(0, maxMetrics);
  const omittedMetrics = allMetrics.slice(maxMetrics);

  const baselineRun = latestBaselineRun(runs, plan);
  const baselineIds = new Set(candidates.filter((c) => c.baseline).map((c) => c.id));

  const charts: MetricChart[] = metrics.map((metric) => {
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

  // Best run per candidate, by the first success criterion's metric (direction-aware, ties: the later run); a
  // candidate whose successful runs never report that metric (or a plan without criteria): its latest successful run.
  const by = criteria[0]?.metric;
  const dir = criteria[0]?.direction ?? 'maximize';
  const bestRun = new Map<string, RunRecord>();
  const latestOk = new Map<string, RunRecord>();
  for (const { run } of ok) {
    latestOk.set(run.candidate, run); // `ok` is in time order
    if (!by) continue;
    const v = run.metrics[by];
    if (typeof v !== 'number') continue;
    const cur = bestRun.get(run.candidate);
    if (!cur || !better(cur.metrics[by], v, dir)) bestRun.set(run.candidate, run);
  }
  for (const [id, run] of latestOk) if (!bestRun.has(id)) bestRun.set(id, run);
  const best: BestRow[] = candidates.map((info) => {
    const run = bestRun.get(info.id);
    const checks = run ? checkCriteria(run.metrics, plan) : [];
    return {
      candidate: info.id,
      ...(info.name ? { name: info.name } : {}),
      baseline: info.baseline,
      chosen: info.chosen,
      runCount: runCount.get(info.id) ?? 0,
      ...(by ? { by } : {}),
      ...(run ? { best: { id: run.id, start: run.start, ...(run.note ? { note: run.note } : {}), metrics: { ...run.metrics } } } : {}),
      criteria: checks,
      targetsMet: checks.length > 0 && checks.every((x) => x.status === 'pass'),
      ...(latest.get(info.id) ? { latestStatus: latest.get(info.id)!.status } : {}),
    };
  });

  return {
    ...(plan.project?.name ? { project: plan.project.name } : {}),
    runCount: runs.length,
    okCount: ok.length,
    candidates,
    charts,
    best,
    omittedMetrics,
  };
}
