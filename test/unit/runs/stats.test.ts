// Intervals and verdicts against numbers worked out by hand here, with textbook t-table quantiles as literals
// (two-sided 95%, i.e. t(0.975, df)), never against the implementation's own output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSample } from '../../../src/core/stats/sample';
import { welchDifference } from '../../../src/core/stats/welch';
import { tQuantile } from '../../../src/core/stats/tQuantile';
import { checkTarget, verdictOf } from '../../../src/core/runs/candidateStats';

const T = { 1: 12.7062, 2: 4.3027, 4: 2.7764, 5: 2.5706, 6: 2.4469, 8: 2.306, 29: 2.0452, 58: 2.0017 } as const;

function near(actual: number | undefined, expected: number, tol: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tol, `${what}: ${actual} is not ${expected} ± ${tol}`);
}

test('the t quantiles match the textbook table', () => {
  for (const [df, t] of Object.entries(T)) near(tQuantile(0.975, Number(df)), t, 5e-5, `t(0.975, ${df})`);
  assert.throws(() => tQuantile(0.975, 0), RangeError);
  assert.throws(() => tQuantile(1, 3), RangeError);
});

test('large, close values: no cancellation (the variance of 1e9 + [1, 2, 3] is 1)', () => {
  const s = describeSample([1e9 + 1, 1e9 + 2, 1e9 + 3]);
  near(s.sd, 1, 1e-9, 'sd');
});

test('n = 1: the mean, no standard deviation, no interval', () => {
  const s = describeSample([0.83]);
  assert.deepEqual(s, { n: 1, mean: 0.83 });
});

test('n = 2: [1, 3] → mean 2, sd √2, interval 2 ± 12.7062·√2/√2', () => {
  const s = describeSample([1, 3]);
  assert.equal(s.n, 2);
  near(s.mean, 2, 1e-12, 'mean');
  near(s.sd, Math.SQRT2, 1e-12, 'sd');
  near(s.ci?.low, 2 - 12.7062, 1e-3, 'low');
  near(s.ci?.high, 2 + 12.7062, 1e-3, 'high');
});

test('n = 3: [2, 4, 6] → mean 4, sd 2, interval 4 ± 4.3027·2/√3', () => {
  const s = describeSample([2, 4, 6]);
  near(s.sd, 2, 1e-12, 'sd');
  const half = (4.3027 * 2) / Math.sqrt(3); // 4.96833
  near(s.ci?.low, 4 - half, 1e-4, 'low');
  near(s.ci?.high, 4 + half, 1e-4, 'high');
});

test('n = 5: [0.80, 0.82, 0.81, 0.83, 0.84] → mean 0.82, sd √(0.001/4), interval 0.82 ± 2.7764·sd/√5', () => {
  const s = describeSample([0.8, 0.82, 0.81, 0.83, 0.84]);
  near(s.mean, 0.82, 1e-12, 'mean');
  const sd = Math.sqrt(0.001 / 4); // squared deviations 0.0004 + 0 + 0.0001 + 0.0001 + 0.0004
  near(s.sd, sd, 1e-12, 'sd');
  const half = (2.7764 * sd) / Math.sqrt(5); // 0.019632
  near(s.ci?.low, 0.82 - half, 1e-6, 'low');
  near(s.ci?.high, 0.82 + half, 1e-6, 'high');
});

test('n = 30: 1..30 → mean 15.5, variance 30·31/12, interval 15.5 ± 2.0452·sd/√30', () => {
  const s = describeSample(Array.from({ length: 30 }, (_, i) => i + 1));
  near(s.mean, 15.5, 1e-12, 'mean');
  const sd = Math.sqrt((30 * 31) / 12);
  near(s.sd, sd, 1e-12, 'sd');
  const half = (2.0452 * sd) / Math.sqrt(30); // 3.2872
  near(s.ci?.low, 15.5 - half, 1e-4, 'low');
  near(s.ci?.high, 15.5 + half, 1e-4, 'high');
});

test('Welch with equal n and spread: df = 2(n − 1) = 8, a clear gain is better (maximize) and worse (minimize)', () => {
  const a = describeSample([0.8, 0.82, 0.81, 0.83, 0.84]);
  const b = describeSample([0.7, 0.72, 0.71, 0.73, 0.74]);
  const d = welchDifference(a, b);
  near(d.diff, 0.1, 1e-12, 'diff');
  near(d.df, 8, 1e-9, 'df');
  const se = Math.sqrt(0.00025 / 5 + 0.00025 / 5); // 0.01
  near(d.ci?.low, 0.1 - 2.306 * se, 1e-6, 'low');
  near(d.ci?.high, 0.1 + 2.306 * se, 1e-6, 'high');
  assert.equal(verdictOf(d, 'maximize'), 'better');
  assert.equal(verdictOf(d, 'minimize'), 'worse');
  assert.equal(verdictOf(d, undefined), undefined);
  assert.equal(verdictOf(welchDifference(b, a), 'maximize'), 'worse');
});

test('Welch with unequal variances and sizes: Welch–Satterthwaite df, interval bracketed by the table', () => {
  const a = describeSample([10, 12, 14]); // n 3, mean 12, variance 4
  const b = describeSample([1, 5, 9, 13, 17]); // n 5, mean 9, variance 160/4 = 40
  const va = 4 / 3;
  const vb = 40 / 5;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / 2 + vb ** 2 / 4); // 5.158
  const d = welchDifference(a, b);
  near(d.diff, 3, 1e-12, 'diff');
  near(d.df, df, 1e-9, 'df');
  assert.ok(df > 5 && df < 6);
  // t(0.975, df) falls between the table's t(0.975, 6) and t(0.975, 5)
  const half = (d.ci!.high - d.ci!.low) / 2;
  assert.ok(half > T[6] * se && half < T[5] * se, `${half} not in [${T[6] * se}, ${T[5] * se}]`);
  near((d.ci!.high + d.ci!.low) / 2, 3, 1e-12, 'centre');
  assert.ok(d.ci!.low < 0); // 3 ± ~7.8 crosses 0
  assert.equal(verdictOf(d, 'maximize'), 'within noise');
});

test('n = 2 against n = 2: df = 2, a large difference under large noise is within noise', () => {
  const d = welchDifference(describeSample([1, 3]), describeSample([-1, -3]));
  near(d.df, 2, 1e-9, 'df');
  const se = Math.sqrt(2 / 2 + 2 / 2);
  near(d.ci?.low, 4 - 4.3027 * se, 1e-3, 'low');
  assert.equal(verdictOf(d, 'maximize'), 'within noise');
});

test('n = 30 against n = 30, shifted by 2: df 58, within noise; shifted by 10: better', () => {
  const base = describeSample(Array.from({ length: 30 }, (_, i) => i + 1));
  const near2 = welchDifference(describeSample(Array.from({ length: 30 }, (_, i) => i + 3)), base);
  near(near2.df, 58, 1e-9, 'df');
  const se = Math.sqrt((2 * (30 * 31)) / 12 / 30);
  near(near2.ci?.low, 2 - 2.0017 * se, 1e-3, 'low');
  assert.equal(verdictOf(near2, 'maximize'), 'within noise');
  const far = welchDifference(describeSample(Array.from({ length: 30 }, (_, i) => i + 11)), base);
  near(far.ci?.low, 10 - 2.0017 * se, 1e-3, 'low');
  assert.equal(verdictOf(far, 'maximize'), 'better');
});

test('n = 1 on either side: no interval, within noise, however large the difference', () => {
  const one = welchDifference(describeSample([0.99]), describeSample([0.1, 0.11, 0.12]));
  near(one.diff, 0.88, 1e-12, 'diff');
  assert.equal(one.ci, undefined);
  assert.equal(one.df, undefined);
  assert.equal(verdictOf(one, 'maximize'), 'within noise');
  assert.equal(verdictOf(welchDifference(describeSample([0.1, 0.11]), describeSample([0.5])), 'minimize'), 'within noise');
});

test('two constant samples: the difference is exact; zero difference is within noise', () => {
  const d = welchDifference(describeSample([0.5, 0.5, 0.5]), describeSample([0.4, 0.4]));
  assert.deepEqual(d.ci, { low: d.diff, high: d.diff });
  assert.equal(verdictOf(d, 'maximize'), 'better');
  assert.equal(verdictOf(welchDifference(describeSample([0.5, 0.5]), describeSample([0.5, 0.5])), 'maximize'), 'within noise');
});

test('targets: met with confidence only when the whole interval passes; on the mean only; missed; missing', () => {
  const s = describeSample([0.8, 0.82, 0.81, 0.83, 0.84]); // 0.82, interval ≈ [0.80037, 0.83963]
  const max = (target: number) => checkTarget({ metric: 'f1', target, direction: 'maximize' }, s).status;
  assert.equal(max(0.8), 'met-confident');
  assert.equal(max(0.81), 'met-on-mean');
  assert.equal(max(0.82), 'met-on-mean'); // meeting the target exactly passes, as for one run
  assert.equal(max(0.83), 'missed');
  const min = (target: number) => checkTarget({ metric: 'f1', target, direction: 'minimize' }, s).status;
  assert.equal(min(0.84), 'met-confident');
  assert.equal(min(0.835), 'met-on-mean');
  assert.equal(min(0.81), 'missed');
  assert.equal(checkTarget({ metric: 'f1', target: 0.5, direction: 'maximize' }, describeSample([0.9])).status, 'met-on-mean'); // n = 1: never confident
  assert.equal(checkTarget({ metric: 'f1', target: 0.5, direction: 'maximize' }, undefined).status, 'missing');
});
