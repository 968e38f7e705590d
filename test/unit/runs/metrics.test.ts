import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import * as path from 'node:path';
import { MAX_METRICS_BYTES, MetricsError, parseMetrics, readMetrics } from '../../../src/core/runs/metrics';
import { firstJsonErrorOffset } from '../../../src/core/runs/jsonPosition';
import { withTempDir } from '../helpers/plans';

const withDir = withTempDir('mlp-metrics-');

test('a JSON object of finite numbers is read as is', () => {
  assert.deepEqual(parseMetrics('{"macro_f1": 0.81, "accuracy": 0.8, "latency_ms": 12, "loss": -1.5e-3}'),
    { macro_f1: 0.81, accuracy: 0.8, latency_ms: 12, loss: -0.0015 });
  assert.deepEqual(parseMetrics('\uFEFF{"a": 1}\n'), { a: 1 });
  assert.deepEqual(parseMetrics('{}'), {});
});

test('not JSON: the error gives line and column', () => {
  assert.throws(() => parseMetrics('{\n  "a": 1,\n  "b": 2,\n}'), (e: unknown) => {
    assert.ok(e instanceof MetricsError);
    assert.match(e.message, /not valid JSON at line 4, column 1/);
    return true;
  });
  assert.throws(() => parseMetrics('{"a": 1 "b": 2}'), /line 1, column 9/);
  assert.throws(() => parseMetrics('accuracy=0.8'), /not valid JSON at line 1, column 1/);
  assert.throws(() => parseMetrics('{"a": 1'), /line 1, column 8/);
  assert.throws(() => parseMetrics('   \n'), /is empty/);
});

test('NaN and Infinity as Python writes them name the metric', () => {
  assert.throws(() => parseMetrics('{"acc": 0.9, "f1": NaN}'), /metric "f1" is NaN.*Python/);
  assert.throws(() => parseMetrics('{"loss": -Infinity}'), /metric "loss" is -Infinity/);
});

test('values that are not numbers name the key and say what they are', () => {
  assert.throws(() => parseMetrics('{"acc": "0.9"}'), /metric "acc" is a string \("0.9"\), not a number/);
  assert.throws(() => parseMetrics('{"acc": null}'), /metric "acc" is null, not a number/);
  assert.throws(() => parseMetrics('{"acc": true}'), /metric "acc" is a boolean/);
  assert.throws(() => parseMetrics('{"acc": {"mean": 1}}'), /metric "acc" is an object/);
  assert.throws(() => parseMetrics('{"acc": [1]}'), /metric "acc" is an array/);
  assert.throws(() => parseMetrics('{"big": 1e999}'), /metric "big" is not a finite number/);
});

test('the top level must be an object', () => {
  assert.throws(() => parseMetrics('[0.9]'), /JSON object of metric name -> number, not an array/);
  assert.throws(() => parseMetrics('0.9'), /not a number/);
  assert.throws(() => parseMetrics('null'), /not null/);
});

test('readMetrics: missing file, directory, huge file, and a good file', withDir(async (dir) => {
  const file = path.join(dir, 'metrics.json');
  await assert.rejects(readMetrics(file, dir), (e: unknown) => e instanceof MetricsError && /was not written/.test(e.message) && e.message.includes(file));
  mkdirSync(path.join(dir, 'd'));
  await assert.rejects(readMetrics(path.join(dir, 'd'), dir), /is not a file/);
  const big = path.join(dir, 'big.json');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, MAX_METRICS_BYTES + 1);
  closeSync(fd);
  await assert.rejects(readMetrics(big, dir), /over the 10 MB limit/);
  writeFileSync(file, JSON.stringify({ macro_f1: 0.8 }));
  assert.deepEqual(await readMetrics(file, dir), { macro_f1: 0.8 });
  writeFileSync(file, '{"macro_f1": NaN}');
  await assert.rejects(readMetrics(file, dir), (e: unknown) => e instanceof MetricsError && e.message.includes(file) && /"macro_f1" is NaN/.test(e.message));
}));

test('firstJsonErrorOffset agrees with JSON.parse on what is valid', () => {
  const samples = ['{}', '[]', '{"a":[1,2,{"b":null}]}', '"\\u00e9"', '-0.5e+3', ' true ', '{"a":1,}', '[1 2]', '01', '"\t"', '{"a"}', 'nul', '[', ''];
  for (const s of samples) {
    let valid = true;
    try {
      JSON.parse(s);
    } catch {
      valid = false;
    }
    assert.equal(firstJsonErrorOffset(s) === -1, valid, JSON.stringify(s));
  }
});
