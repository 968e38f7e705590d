import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adaptiveDelay, CheckCost, DELAY_COST_MULTIPLE, DELAY_FLOOR_MS, nextCostEstimate } from '../../../src/core/adaptiveDelay';

test('a cheap check waits the floor, not the setting', () => {
  assert.equal(adaptiveDelay(2, 250), DELAY_FLOOR_MS);
  assert.equal(adaptiveDelay(0, 250), DELAY_FLOOR_MS);
});

test('a check of moderate cost waits a multiple of it', () => {
  assert.equal(adaptiveDelay(10, 250), 10 * DELAY_COST_MULTIPLE);
  assert.equal(adaptiveDelay(12.3, 250), Math.round(12.3 * DELAY_COST_MULTIPLE));
});

test('the setting is the ceiling: an expensive check never waits longer', () => {
  assert.equal(adaptiveDelay(200, 250), 250);
  assert.equal(adaptiveDelay(200, 1000), 1000);
});

test('a ceiling below the floor wins (0 = re-check on every keystroke); a bad ceiling counts as 0', () => {
  assert.equal(adaptiveDelay(2, 10), 10);
  assert.equal(adaptiveDelay(2, 0), 0);
  assert.equal(adaptiveDelay(2, -5), 0);
  assert.equal(adaptiveDelay(2, Number.NaN), 0);
});

test('before any measurement the delay is the setting', () => {
  assert.equal(adaptiveDelay(undefined, 250), 250);
  assert.equal(new CheckCost().delay(400), 400);
});

test('the moving average starts at the first sample, moves toward new ones and ignores invalid samples', () => {
  assert.equal(nextCostEstimate(undefined, 8), 8);
  assert.equal(nextCostEstimate(10, 20, 0.5), 15);
  assert.equal(nextCostEstimate(10, Number.NaN), 10);
  assert.equal(nextCostEstimate(10, -1), 10);
  assert.equal(nextCostEstimate(undefined, Number.POSITIVE_INFINITY), undefined);
});

test('CheckCost.keystroke: a key after a pause is checked at once, keys within the delay wait for the burst to end', () => {
  const cost = new CheckCost();
  for (let i = 0; i < 3; i++) cost.record(2); // delay: the 30 ms floor
  assert.equal(cost.keystroke(1000, 250), 0, 'the first key');
  assert.equal(cost.keystroke(1010, 250), DELAY_FLOOR_MS, '10 ms later: part of a burst');
  assert.equal(cost.keystroke(1025, 250), DELAY_FLOOR_MS, 'the gap is measured from the previous key, not the first');
  assert.equal(cost.keystroke(1055, 250), 0, 'a pause as long as the delay');
  for (let i = 0; i < 10; i++) cost.record(40); // an expensive plan: the delay grows to 200 ms
  assert.equal(cost.keystroke(1155, 250), cost.delay(250), '100 ms after a key is still within a 200 ms delay');
  assert.equal(cost.keystroke(1600, 250), 0);
});

test('CheckCost: one slow outlier raises the delay for a while, then cheap checks bring it back to the floor', () => {
  const cost = new CheckCost();
  for (let i = 0; i < 5; i++) cost.record(2);
  assert.equal(cost.delay(250), DELAY_FLOOR_MS);
  cost.record(300); // e.g. facts re-gathered after a file change
  const after = cost.delay(250);
  assert.ok(after > DELAY_FLOOR_MS && after <= 250, `delay after an outlier: ${after}`);
  for (let i = 0; i < 30; i++) cost.record(2);
  assert.equal(cost.delay(250), DELAY_FLOOR_MS);
  assert.ok(cost.estimateMs! < 3);
});
