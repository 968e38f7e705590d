// The words of the per-candidate statistics (candidateStats.ts) that the CLI (`mlproject runs`, `mlproject eval`),
// the brief's results and the Runs view all print, kept in one place so a target or an interval reads the same
// wherever it is shown. Pure.
import { referenceBaseline, type CandidateStats, type Interval, type TargetStatus } from './candidateStats';
import type { Criterion } from './compare';
import { formatDelta, formatNumber } from './format';

/** How a success criterion fares against a candidate's sample. */
export const TARGET_WORDS: Readonly<Record<TargetStatus, string>> = {
  'met-confident': 'met with confidence',
  'met-on-mean': 'met on the mean only',
  missed: 'missed',
  missing: 'missing',
};

/** `[0.8348, 0.8774]`, signed for a difference: `[+0.15, +0.21]`. */
export function intervalText(ci: Interval, signed = false): string {
  const f = signed ? formatDelta : formatNumber;
  return `[${f(ci.low)}, ${f(ci.high)}]`;
}

/** The target of a criterion with its direction: `≥ 0.8` for a metric to maximise, `≤ 0.8` for one to minimise. */
export function targetBound(c: Pick<Criterion, 'direction' | 'target'>): string {
  return `${c.direction === 'minimize' ? '≤' : '≥'} ${formatNumber(c.target)}`;
}

/**
 * The candidate the others of a summary are compared with (referenceBaseline), named in "Δ vs …" and marked
 * "baseline", also while it is the only candidate with counted runs: it is the baseline then too, with nothing to
 * compare with it yet.
 */
export function referenceOf(all: readonly CandidateStats[]): string | undefined {
  return referenceBaseline(all)?.candidate;
}
