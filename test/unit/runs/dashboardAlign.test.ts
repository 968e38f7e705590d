import { test } from 'node:test';
import assert from 'node:assert/strict';
import { align } from '../../../media/dashboard/align';
import type { MetricChart } from '../../../src/core/runs/dashboardData';

const H = 3_600_000;

function chart(over: Partial<MetricChart>): MetricChart {
  return { metric: 'macro_f1', series: [], tMin: 0, tMax: 0, vMin: 0, vMax: 1, ...over };
}

test('align: one x column for every series, undefined where a series has no run, padded on both sides', () => {
  const c = chart({
    target: 0.8,
    baselineValue: 0.6,
    tMin: 1_000_000,
    tMax: 4_000_000,
    series: [
      { candidate: 'logreg', colour: 0, baseline: true, total: 2, points: [{ t: 1_000_000, v: 0.6, id: 'a' }, { t: 3_000_000, v: 0.61, id: 'c' }] },
      { candidate: 'cnn', colour: 2, baseline: false, total: 2, points: [{ t: 2_000_000, v: 0.7, id: 'b' }, { t: 4_000_000, v: 0.85, id: 'd' }] },
    ],
  });
  const { data, ids } = align(c);
  const pad = 3_000_000 * 0.03;
  assert.deepEqual(data[0], [1_000_000 - pad, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 4_000_000 + pad]);
  assert.deepEqual(data[1], [undefined, 0.6, undefined, 0.61, undefined, undefined]);
  assert.deepEqual(data[2], [undefined, undefined, 0.7, undefined, 0.85, undefined]);
  assert.deepEqual(data[3], [0.8, 0.8, 0.8, 0.8, 0.8, 0.8]); // target
  assert.deepEqual(data[4], [0.6, 0.6, 0.6, 0.6, 0.6, 0.6]); // latest baseline
  assert.deepEqual(ids, [
    [undefined, 'a', undefined, 'c', undefined, undefined],
    [undefined, undefined, 'b', undefined, 'd', undefined],
  ]);
});

test('align: two candidates at one instant share a slot; two runs of one candidate at one instant get two', () => {
  const c = chart({
    tMin: 5 * H,
    tMax: 5 * H,
    series: [
      { candidate: 'knn', colour: 1, baseline: false, total: 2, points: [{ t: 5 * H, v: 0.7, id: 'k1' }, { t: 5 * H, v: 0.72, id: 'k2' }] },
      { candidate: 'cnn', colour: 2, baseline: false, total: 1, points: [{ t: 5 * H, v: 0.8, id: 'c1' }] },
    ],
  });
  const { data, ids } = align(c);
  // a single instant: an hour of room on each side, so the chart has a width
  assert.deepEqual(data[0], [4 * H, 5 * H, 5 * H, 6 * H]);
  assert.deepEqual(data[1], [undefined, 0.7, 0.72, undefined]);
  assert.deepEqual(data[2], [undefined, 0.8, undefined, undefined]);
  assert.equal(data.length, 3); // no target, no baseline
  assert.deepEqual(ids[0], [undefined, 'k1', 'k2', undefined]);
  assert.deepEqual(ids[1], [undefined, 'c1', undefined, undefined]);
});
