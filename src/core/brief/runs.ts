import { formatNumber } from '../runs/format';
// The slice of an evaluation run that the brief and the decision record show. Callers map their run records to
// this shape, so the brief does not depend on the run history's format.

export interface RunSummary {
  candidate: string;
  status: string;
  metrics: Record<string, number>;
  /** ISO 8601 end time */
  end: string;
}

function endTime(run: RunSummary): number {
  const t = Date.parse(run.end);
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * The latest successful run (by end time) of each candidate that produced at least one metric; the others are
 * skipped, so that a crash does not hide the last real result, and the metrics a failed, timed-out or cancelled run
 * left behind are never shown as a candidate's result.
 */
export function latestRunByCandidate(runs: readonly RunSummary[]): Map<string, RunSummary> {
  const out = new Map<string, RunSummary>();
  for (const run of runs) {
    if (typeof run.candidate !== 'string' || run.status !== 'ok' || !run.metrics || Object.keys(run.metrics).length === 0) continue;
    const prev = out.get(run.candidate);
    if (!prev || endTime(run) >= endTime(prev)) out.set(run.candidate, run);
  }
  return out;
}

/** A metric value for a table cell: up to four significant decimals, no trailing zeros. */
export function formatMetric(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : formatNumber(value);
}
