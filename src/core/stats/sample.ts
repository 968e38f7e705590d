// Descriptive statistics of one sample of metric values: n, mean, sample standard deviation and a two-sided
// Student t confidence interval for the mean. With one value there is no standard deviation and no interval.
import { tQuantile } from './tQuantile';

/** The confidence level of every interval mlproject reports. */
export const CONFIDENCE = 0.95;

export interface Interval {
  low: number;
  high: number;
}

export interface SampleStats {
  n: number;
  mean: number;
  /** sample standard deviation (divisor n - 1); absent when n < 2 */
  sd?: number;
  /** the 95% Student t interval for the mean, mean ± t(0.975, n-1)·sd/√n; absent when n < 2 */
  ci?: Interval;
}

/** The statistics of a non-empty list of finite values. */
export function describeSample(values: readonly number[]): SampleStats {
  const n = values.length;
  if (n === 0) throw new RangeError('describeSample: no values');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { n, mean };
  let squares = 0; // two passes: no cancellation when the values are large and close together
  for (const v of values) squares += (v - mean) * (v - mean);
  const sd = Math.sqrt(squares / (n - 1));
  const half = tQuantile(1 - (1 - CONFIDENCE) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci: { low: mean - half, high: mean + half } };
}
