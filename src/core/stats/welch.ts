// The difference of two means with its Welch interval (unequal variances; Welch–Satterthwaite degrees of freedom).
import { CONFIDENCE, type Interval, type SampleStats } from './sample';
import { tQuantile } from './tQuantile';

export interface MeanDifference {
  /** a.mean - b.mean */
  diff: number;
  /** the 95% Welch interval of the difference; absent when either sample has fewer than 2 values */
  ci?: Interval;
  /** Welch–Satterthwaite degrees of freedom; absent without an interval, or when both samples have no spread */
  df?: number;
}

/** The difference a - b of two samples' means and, when both have a standard deviation, its Welch interval. */
export function welchDifference(a: SampleStats, b: SampleStats): MeanDifference {
  const diff = a.mean - b.mean;
  if (a.sd === undefined || b.sd === undefined || a.n < 2 || b.n < 2) return { diff };
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { diff, ci: { low: diff, high: diff } }; // both samples constant: the difference is exact
  const df = ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = tQuantile(1 - (1 - CONFIDENCE) / 2, df) * se;
  return { diff, ci: { low: diff - half, high: diff + half }, df };
}
