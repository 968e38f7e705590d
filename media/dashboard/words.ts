// How the comparison's statistics read in words, the same in the chart's labels, its legend and its text table.
import type { ComparisonRow, MetricComparison } from '../../src/core/runs/dashboardData';
import { fmt } from './dom';

/** "[0.75, 0.87]", or "none (n=1)" when one run gives no interval */
export function intervalText(ci: { low: number; high: number } | undefined, n: number): string {
  return ci ? `[${fmt(ci.low)}, ${fmt(ci.high)}]` : `none (n=${n})`;
}

/** a signed difference: "+0.186", "−0.02" */
export function signed(v: number): string {
  return v > 0 ? `+${fmt(v)}` : v < 0 ? `−${fmt(-v)}` : '0';
}

/** the verdict against the baseline in a word or two: better / worse / within noise / baseline / … */
export function verdictWord(row: ComparisonRow, cmp: MetricComparison): string {
  if (row.reference) return 'baseline';
  if (!row.vsBaseline) return cmp.baseline ? '—' : 'no baseline';
  return row.vsBaseline.verdict ?? 'no direction';
}

/** the verdict with the difference and its interval: "better: +0.186 [0.18, 0.19]" */
export function verdictText(row: ComparisonRow, cmp: MetricComparison): string {
  const word = verdictWord(row, cmp);
  const d = row.vsBaseline;
  if (!d) return word;
  return `${word}: ${signed(d.diff)} ${d.ci ? `[${signed(d.ci.low)}, ${signed(d.ci.high)}]` : '(no interval: n=1 on a side)'}`;
}

const TARGET_WORDS = { 'met-confident': 'met (whole interval)', 'met-on-mean': 'met on the mean only', missed: 'missed', missing: 'not reported' } as const;

export function targetWord(row: ComparisonRow): string {
  return row.target ? TARGET_WORDS[row.target] : '';
}

/** "mean 0.8561 [0.8561, 0.8561], n=3" */
export function meanText(row: ComparisonRow): string {
  return `mean ${fmt(row.mean)} ${row.ci ? intervalText(row.ci, row.n) : '(no interval)'}, n=${row.n}`;
}
