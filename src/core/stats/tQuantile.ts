// Student t quantiles from jstat (through its inverse regularised incomplete beta function), never from a
// hand-written approximation. The one place that imports the library. jstat was chosen over
// @stdlib/stats-base-dists-t-quantile for its size in the bundles (about 52 KB minified against 114 KB; both agree with
// the t table to well below the 4 significant digits mlproject shows).
import { jStat } from 'jstat';

/** The p-quantile of Student's t distribution with `df` degrees of freedom (df > 0, not necessarily whole). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), not ${p}`);
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`tQuantile: df must be a positive finite number, not ${df}`);
  return jStat.studentt.inv(p, df);
}
