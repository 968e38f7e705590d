import { test } from 'node:test';
import assert from 'node:assert/strict';
import { align } from '../../../media/dashboard/align';
import type { MetricChart } from '../../../src/core/runs/dashboardData';

function chart(over: Partial<MetricChart>): MetricChart {
  return { metric: 'macro_f1', series: [], xMin: 0, xMax: 0, vMin: 0, vMax: 1, axis: { min: 0, max: 1 }, ...over };
}

const T = Date.UTC(2026, 11, 1);

test('align: one x column in run order for every series, undefined where a series has no run, padded by half a run', () => {
  const c = chart({
    target: 0.8,
    axis: { min: 0.5, max: 0.9, target: 'in' },
    baselineValue: 0.6,
    xMin: 1,
    xMax: 5,
    series: [
      { candidate: 'logreg', colour: 0, baseline: true, total: 2, points: [{ x: 1, t: T, v: 0.6, id: 'a' }, { x: 3, t: T + 2000, v: 0.61, id: 'c' }] },
      // runs one second apart (and #4 of another metric's only) still get their own x
      { candidate: 'cnn', colour: 2, baseline: false, total: 2, points: [{ x: 2, t: T + 1000, v: 0.7, id: 'b' }, { x: 5, t: T + 3000, v: 0.85, id: 'd' }] },
    ],
  });
  const { data, ids, times } = align(c);
  assert.deepEqual(data[0], [0.5, 1, 2, 3, 5, 5.5]);
  assert.deepEqual(data[1], [undefined, 0.6, undefined, 0.61, undefined, undefined]);
  assert.deepEqual(data[2], [undefined, undefined, 0.7, undefined, 0.85, undefined]);
  assert.deepEqual(data[3], [0.8, 0.8, 0.8, 0.8, 0.8, 0.8]); // target
  assert.deepEqual(data[4], [0.6, 0.6, 0.6, 0.6, 0.6, 0.6]); // latest baseline
  assert.deepEqual(ids, [
    [undefined, 'a', undefined, 'c', undefined, undefined],
    [undefined, undefined, 'b', undefined, 'd', undefined],
  ]);
  assert.deepEqual(times, [undefined, T, T + 1000, T + 2000, T + 3000, undefined]);
});

test('align: a target off the scale leaves its column empty (the chart draws a marker); one run still has a width', () => {
  const c = chart({
    metric: 'latency_ms',
    target: 50,
    direction: 'minimize',
    axis: { min: 0, max: 9, target: 'above' },
    xMin: 7,
    xMax: 7,
    series: [{ candidate: 'knn', colour: 1, baseline: false, total: 1, points: [{ x: 7, t: T, v: 8.5, id: 'k1' }] }],
  });
  const { data } = align(c);
  assert.deepEqual(data[0], [6.5, 7, 7.5]);
  assert.deepEqual(data[1], [undefined, 8.5, undefined]);
  assert.deepEqual(data[2], [undefined, undefined, undefined]);
  assert.equal(data.length, 3); // no baseline
});
