import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFF_SCALE_SPANS, valueAxis } from '../../../src/core/runs/dashboardScale';

test('valueAxis: a target near the data is on the axis, which then spans both', () => {
  const a = valueAxis(0.67, 0.86, 0.8);
  assert.equal(a.target, 'in');
  assert.ok(a.min < 0.67 && a.max > 0.86);
  const below = valueAxis(0.67, 0.86, 0.5); // 0.17 below: within two spans
  assert.equal(below.target, 'in');
  assert.ok(below.min < 0.5);
});

test('valueAxis: a target far from the data is off scale, and the axis is scaled to the data alone', () => {
  const a = valueAxis(0.009, 8.57, 50);
  assert.equal(a.target, 'above');
  assert.ok(a.max < 10 && a.max > 8.57, `max ${a.max}`);
  assert.ok(a.min < 0.009 && a.min > -1, `min ${a.min}`);
  // the boundary: exactly OFF_SCALE_SPANS spans away is still on the axis, a little more is not
  assert.equal(valueAxis(0, 1, 1 + OFF_SCALE_SPANS).target, 'in');
  assert.equal(valueAxis(0, 1, 1 + OFF_SCALE_SPANS + 1e-9).target, 'above');
  assert.equal(valueAxis(10, 11, 10 - OFF_SCALE_SPANS - 0.01).target, 'below');
  assert.deepEqual(valueAxis(10, 11, 1), { ...valueAxis(10, 11), target: 'below' });
});

test('valueAxis: one value takes its magnitude as the span; no data centres on the target; no target, no placement', () => {
  assert.equal(valueAxis(0.67, 0.67, 0.8).target, 'in');
  assert.equal(valueAxis(0.1, 0.1, 50).target, 'above');
  const single = valueAxis(5, 5);
  assert.ok(single.min < 5 && single.max > 5);
  assert.equal(single.target, undefined);
  const empty = valueAxis(Infinity, -Infinity, 0.8);
  assert.equal(empty.target, 'in');
  assert.ok(empty.min < 0.8 && empty.max > 0.8);
  const zero = valueAxis(0, 0);
  assert.ok(zero.min < 0 && zero.max > 0);
});
