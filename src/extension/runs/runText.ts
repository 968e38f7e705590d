// Short texts about runs for the Runs view, the verdict message and the dashboard: metric values, deltas against
// the baseline, ✓/✗ per criterion, relative times. Pure (no vscode), so they read the same everywhere.
import { baselineText, type CriterionCheck, type RunComparison } from '../../core/runs/compare';
import type { RunRecord, RunStatus } from '../../core/runs/runRecord';
import type { ProjectPlan } from '../../core/model';
import { DEFAULT_METRICS_FILE, RUNS_DIR } from '../../core/runs/prepare';
import { substitutePath } from '../../core/runs/substitute';
import { formatDelta, formatNumber } from '../../core/runs/format';

export { formatDelta, formatNumber };


/** How a person reads a run's status (never the history's `metrics-error`). */
export const STATUS_TEXT: Record<RunStatus, string> = {
  ok: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  timeout: 'timed out',
  'metrics-error': 'metrics missing',
};

/** The three outcomes a person tells apart: ok and every target met, ok but a target missed, not ok. */
export type RunOutcomeKind = 'met' | 'missed' | 'not-ok';

/** ok with no success criteria counts as `met`: it has nothing to miss. */
export function outcomeKind(cmp: RunComparison): RunOutcomeKind {
  if (cmp.run.status !== 'ok') return 'not-ok';
  return cmp.criteria.length === 0 || cmp.targetsMet ? 'met' : 'missed';
}

/** The outcome in words: `succeeded, every target met` / `succeeded, 1 of 2 targets missed` / `failed`. */
export function outcomeText(cmp: RunComparison): string {
  const kind = outcomeKind(cmp);
  if (kind === 'not-ok') return STATUS_TEXT[cmp.run.status];
  if (cmp.criteria.length === 0) return 'succeeded (no success criteria)';
  const missed = cmp.criteria.filter((c) => c.status !== 'pass').length;
  return kind === 'met' ? 'succeeded, every target met' : `succeeded, ${missed} of ${cmp.criteria.length} targets missed`;
}

/** How a run that did not succeed ended, as the head of a sentence: `was cancelled`, `timed out`. */
const ENDED_TEXT: Record<Exclude<RunStatus, 'ok'>, string> = {
  failed: 'failed',
  cancelled: 'was cancelled',
  timeout: 'timed out',
  'metrics-error': 'finished, but its metrics are missing',
};

export function criterionMark(c: CriterionCheck): string {
  return c.status === 'pass' ? '✓' : '✗';
}

/** `macro_f1 0.81 (+0.12) ✓ · latency_ms 0.05 ✓`: criteria metrics first, at most `max` metrics. */
export function metricsSummary(cmp: RunComparison, max = 3): string {
  const crit = new Map(cmp.criteria.map((c) => [c.metric, c]));
  const byMetric = new Map(cmp.metrics.map((m) => [m.metric, m]));
  const names = [...new Set([...cmp.criteria.map((c) => c.metric), ...cmp.metrics.map((m) => m.metric)])];
  const parts: string[] = [];
  for (const name of names) {
    if (parts.length >= max) break;
    const m = byMetric.get(name);
    const c = crit.get(name);
    if (!m) {
      if (c && cmp.run.status === 'ok') parts.push(`${name} missing ✗`);
      continue;
    }
    let s = `${name} ${formatNumber(m.value)}`;
    if (m.delta !== undefined) s += ` (${formatDelta(m.delta)})`;
    if (c) s += ` ${criterionMark(c)}`;
    parts.push(s);
  }
  return parts.join(' · ');
}

/** One-line verdict: `all 2 targets met`, `1 of 2 targets met`, or the status when the run did not succeed. */
export function verdict(cmp: RunComparison): string {
  if (cmp.run.status !== 'ok') return STATUS_TEXT[cmp.run.status];
  if (cmp.criteria.length === 0) return 'no success criteria';
  const met = cmp.criteria.filter((c) => c.status === 'pass').length;
  return met === cmp.criteria.length ? `✓ all ${met} target${met === 1 ? '' : 's'} met` : `✗ ${met} of ${cmp.criteria.length} targets met`;
}

/** The message after a run: candidate, verdict, each metric with Δ and ✓/✗. */
export function verdictMessage(cmp: RunComparison): string {
  const r = cmp.run;
  if (r.status !== 'ok') {
    const why = r.error?.trim().replace(/\.$/, '');
    return `Evaluation of ${r.candidate} ${ENDED_TEXT[r.status]}${why ? ` (${why})` : ''}.`;
  }
  const head = `Evaluation of ${r.candidate} finished`;
  const metrics = metricsSummary(cmp, 6);
  const base = cmp.baseline ? `Δ ${baselineText(cmp)}` : baselineText(cmp);
  return `${head}: ${verdict(cmp)}. ${metrics}${metrics ? ` (${base})` : ''}`;
}

export function relativeTime(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 30) return `${d} d ago`;
  return iso.slice(0, 10);
}

/** The workspace-relative metrics file of a recorded run (the plan's `metrics_file` with the run's variables). */
export function metricsFileOf(run: RunRecord, plan: ProjectPlan): string | undefined {
  try {
    return substitutePath(plan.evaluation?.metrics_file ?? DEFAULT_METRICS_FILE, { runDir: `${RUNS_DIR}/${run.id}`, runId: run.id, candidate: run.candidate, seed: String(run.seed ?? 0) });
  } catch {
    return undefined;
  }
}
