// Text and JSON forms of runs for `mlproject eval` and `mlproject runs`.
import type { ProjectPlan } from '../../core/model';
import { baselineText, compareWithBaseline, isLater, latestBaselineRun, type CriterionCheck, type RunComparison } from '../../core/runs/compare';
import type { RunRecord } from '../../core/runs/runRecord';
import { formatDuration } from '../../core/runs/timeout';
import { formatDelta, formatNumber } from '../../core/runs/format';
import { targetBound } from '../../core/runs/statsWords';

export { formatDelta, formatNumber };


function criterionText(c: CriterionCheck): string {
  if (c.status === 'missing') return `✗ ${c.metric} missing (target ${targetBound(c)})`;
  return `${c.status === 'pass' ? '✓' : '✗'} ${targetBound(c)}`;
}

/** One line: id, candidate, status, duration, each metric with Δ vs baseline and ✓/✗ against its target. */
export function resultLine(cmp: RunComparison): string {
  const r = cmp.run;
  const parts = [`run ${r.id}`, r.candidate, r.status, formatDuration(r.durationMs)];
  const byMetric = new Map(cmp.criteria.map((c) => [c.metric, c]));
  for (const m of cmp.metrics) {
    let s = `${m.metric}=${formatNumber(m.value)}`;
    if (m.delta !== undefined) s += ` (Δ ${formatDelta(m.delta)})`;
    const c = byMetric.get(m.metric);
    if (c) s += ` ${criterionText(c)}`;
    parts.push(s);
  }
  for (const c of cmp.criteria) if (c.status === 'missing') parts.push(criterionText(c));
  parts.push(cmp.baseline ? `${baselineText(cmp)} ${cmp.baseline.id}` : baselineText(cmp));
  let line = parts.join('  ');
  if (r.error) line += `\n  ${r.status}: ${r.error}`;
  return line;
}

/** The JSON form of a compared run: the record plus its comparison. */
export function comparisonJson(cmp: RunComparison): Record<string, unknown> {
  const deltas: Record<string, number> = {};
  for (const m of cmp.metrics) if (m.delta !== undefined) deltas[m.metric] = m.delta;
  return {
    ...cmp.run,
    comparison: {
      baseline: cmp.baseline?.id ?? null,
      deltas,
      criteria: cmp.criteria.map((c) => ({ metric: c.metric, target: c.target, direction: c.direction, value: c.value ?? null, status: c.status })),
      targetsMet: cmp.targetsMet,
    },
  };
}

/** Compares each run with the latest successful baseline run, finding that run once (not once per run). */
export function compareAll(runs: readonly RunRecord[], all: readonly RunRecord[], plan: ProjectPlan): RunComparison[] {
  const latest = latestBaselineRun(all, plan);
  const beforeLatest = latest ? latestBaselineRun(all, plan, latest) : undefined;
  return runs.map((r) => compareWithBaseline(r, latest && r.id === latest.id ? beforeLatest : latest, plan));
}

export function newestFirst(runs: readonly RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => (isLater(a, b) ? -1 : isLater(b, a) ? 1 : 0));
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

/** A plain-text table: one row per run, one column per metric (criteria metrics first). */
export function runsTable(cmps: readonly RunComparison[], plan: ProjectPlan): string {
  const criteriaMetrics = (plan.goal?.success_criteria ?? []).map((c) => c?.metric).filter((m): m is string => typeof m === 'string');
  const metricNames = [...new Set([...criteriaMetrics, ...cmps.flatMap((c) => c.metrics.map((m) => m.metric))])];
  const header = ['run', 'candidate', 'status', 'time', ...metricNames, 'note'];
  const rows = cmps.map((cmp) => {
    const byMetric = new Map(cmp.metrics.map((m) => [m.metric, m]));
    const crit = new Map(cmp.criteria.map((c) => [c.metric, c]));
    const cells = metricNames.map((name) => {
      const m = byMetric.get(name);
      const c = crit.get(name);
      if (!m) return c ? '✗ missing' : '';
      let s = formatNumber(m.value);
      if (m.delta !== undefined) s += ` (${formatDelta(m.delta)})`;
      if (c) s += c.status === 'pass' ? ' ✓' : ' ✗';
      return s;
    });
    const r = cmp.run;
    return [r.id, r.candidate, r.status, formatDuration(r.durationMs), ...cells, r.note ?? ''];
  });
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((row) => [...row[i]].length)));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
