import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TIMEOUT_MS, formatDuration, parseTimeout, TimeoutFormatError } from '../../../src/core/runs/timeout';

test('durations with units and plain seconds', () => {
  assert.equal(parseTimeout('90s'), 90_000);
  assert.equal(parseTimeout('30m'), 1_800_000);
  assert.equal(parseTimeout('2h'), 7_200_000);
  assert.equal(parseTimeout('1.5h'), 5_400_000);
  assert.equal(parseTimeout(' 45 '), 45_000);
  assert.equal(parseTimeout('10M'), 600_000);
  assert.equal(parseTimeout(120), 120_000);
  assert.equal(parseTimeout(0.5), 500);
});

test('absent means the 30 minute default', () => {
  assert.equal(parseTimeout(undefined), DEFAULT_TIMEOUT_MS);
  assert.equal(DEFAULT_TIMEOUT_MS, 30 * 60 * 1000);
});

test('bad durations are clear errors', () => {
  for (const bad of ['ten minutes', '5d', '-5s', '', 'm', '1e3s', '5 s m']) {
    assert.throws(() => parseTimeout(bad), (e: unknown) => e instanceof TimeoutFormatError && /e\.g\. 90s, 30m, 2h/.test(e.message), bad);
  }
  assert.throws(() => parseTimeout('0s'), /greater than zero/);
  assert.throws(() => parseTimeout(-3), /greater than zero/);
  assert.throws(() => parseTimeout(Number.NaN), /not a finite number/);
  assert.throws(() => parseTimeout('1000h'), /maximum of 24 days/);
});

test('formatDuration', () => {
  assert.equal(formatDuration(850), '850ms');
  assert.equal(formatDuration(12_340), '12.3s');
  assert.equal(formatDuration(245_000), '4m 05s');
  assert.equal(formatDuration(7_380_000), '2h 03m');
});
