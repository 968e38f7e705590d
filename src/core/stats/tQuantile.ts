// Student t quantiles, from @stdlib (a maintained implementation through the inverse incomplete beta function),
// never from a hand-written approximation. The one place that imports the library.
import quantile from '@stdlib/stats-base-dists-t-quantile';

/** The p-quantile of Student's t distribution with `df` degrees of freedom (df > 0, not necessarily whole). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), not ${p}`);
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`tQuantile: df must be a positive finite number, not ${df}`);
  return quantile(p, df);
}
