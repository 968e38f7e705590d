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

/** A running sample (Welford's algorithm: one pass, no list kept, no cancellation for large, close values). */
export interface SampleAccumulator {
  n: number;
  mean: number;
  /** the sum of squared deviations from the running mean */
  m2: number;
}

export function newAccumulator(): SampleAccumulator {
  return { n: 0, mean: 0, m2: 0 };
}

export function accumulate(acc: SampleAccumulator, value: number): void {
  acc.n++;
  const d = value - acc.mean;
  acc.mean += d / acc.n;
  acc.m2 += d * (value - acc.mean);
}

/** The statistics of a non-empty accumulated sample. */
export function statsOf(acc: SampleAccumulator): SampleStats {
  const { n, mean } = acc;
  if (n === 0) throw new RangeError('statsOf: no values');
  if (n < 2) return { n, mean };
  const sd = Math.sqrt(Math.max(0, acc.m2) / (n - 1));
  const half = tQuantile(1 - (1 - CONFIDENCE) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci: { low: mean - half, high: mean + half } };
}

/** The statistics of a non-empty list of finite values. */
export function describeSample(values: readonly number[]): SampleStats {
  const acc = newAccumulator();
  for (const v of values) accumulate(acc, v);
  return statsOf(acc);
}
