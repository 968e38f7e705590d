// `mlproject eval` and `mlproject runs` statistics end to end, with a tiny node script that reports known values,
// so every printed interval is checked against numbers worked out by hand (t(0.975, 4) = 2.7764, t(0.975, 8) = 2.3060).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evalCommand } from '../../../src/cli/commands/eval';
import { runs } from '../../../src/cli/commands/runs';
import { invokeCli } from '../helpers/plans';

const PLAN = `version: 1
goal:
  success_criteria:
    - { metric: macro_f1, target: 0.75, direction: maximize }
candidates:
  - { id: logreg, baseline: true }
  - { id: cnn }
decision: { chosen: cnn }
evaluation:
  command: node ev.js \${candidate} \${metricsFile}
`;

// Reports the next of the candidate's values on each run.
const SCRIPT = `const fs = require('fs');
const [c, out] = process.argv.slice(2);
const values = JSON.parse(fs.readFileSync('values.json', 'utf8'))[c];
const counter = 'count-' + c;
const i = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;
fs.writeFileSync(counter, String(i + 1));
fs.writeFileSync(out, JSON.stringify({ macro_f1: values[i % values.length] }));
`;

const invoke = invokeCli;

let ws = '';
before(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'mlp-eval-stats-'));
  writeFileSync(path.join(ws, '.mlproject.yaml'), PLAN);
  writeFileSync(path.join(ws, 'ev.js'), SCRIPT);
  writeFileSync(path.join(ws, 'values.json'), JSON.stringify({ logreg: [0.7, 0.72, 0.71, 0.73, 0.74], cnn: [0.8, 0.82, 0.81, 0.83, 0.84] }));
});
after(() => rmSync(ws, { recursive: true, force: true }));

test('one run: n=1, no interval; --require-targets passes on the mean, =confident does not', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await invoke(evalCommand, ['--candidate', 'logreg'], ws)).code, 0);
  const first = await invoke(evalCommand, ['--require-targets=confident'], ws);
  assert.equal(first.code, 1);
  assert.match(first.stdout, /^ {2}cnn: n=1 \(latest run\): no interval from one run; --sample all counts every matching run$/m);
  assert.match(first.stderr, /success criteria not met with confidence: macro_f1 \(n=1: one run has no interval; repeat the run\)/);
  const again = await invoke(evalCommand, ['--require-targets'], ws); // 0.82 ≥ 0.75 on the mean
  assert.equal(again.code, 0, again.stderr);
  assert.equal((await invoke(evalCommand, ['--require-targets=sure'], ws)).code, 2);
  assert.equal((await invoke(evalCommand, ['--sample', 'most'], ws)).code, 2);
});

test('five runs with --sample all: the interval, the Welch difference, better, and met with confidence', async () => {
  for (let i = 0; i < 2; i++) assert.equal((await invoke(evalCommand, [], ws)).code, 0);
  const r = await invoke(evalCommand, ['--sample', 'all', '--require-targets=confident'], ws); // the fifth cnn run
  assert.equal(r.code, 0, r.stderr + r.stdout);
  // mean 0.82, sd √(0.001/4): 0.82 ± 2.7764·0.0070711 = [0.80037, 0.83963]; Δ 0.1 ± 2.3060·0.01 = [0.07694, 0.12306]
  assert.match(r.stdout, /^ {2}cnn: n=5 \(all matching runs\), 95% intervals vs logreg \(n=5\):$/m);
  assert.match(r.stdout, /^ {4}macro_f1=0\.82 \[0\.8004, 0\.8396\] Δ \+0\.1 \[\+0\.07694, \+0\.1231\] better ✓ ≥ 0\.75 met with confidence$/m);

  const table = await invoke(runs, ['--sample', 'all'], ws);
  assert.match(table.stdout, /^logreg\s+5\s+all matching runs\s+macro_f1\s+0\.72\s+\[0\.7004, 0\.7396\]\s+baseline\s+✗ ≥ 0\.75 missed$/m);
  assert.match(table.stdout, /^cnn\s+5\s+all matching runs\s+macro_f1\s+0\.82\s+\[0\.8004, 0\.8396\]\s+\+0\.1\s+\[\+0\.07694, \+0\.1231\]\s+better\s+✓ ≥ 0\.75 met with confidence$/m);

  const json = JSON.parse((await invoke(runs, ['--sample', 'all', '--format', 'json', '--candidate', 'cnn'], ws)).stdout);
  assert.equal(json.statistics.sample, 'all');
  const [cnn] = json.statistics.candidates;
  assert.equal(cnn.n, 5);
  assert.equal(cnn.vsBaseline.metrics[0].verdict, 'better');
  assert.ok(Math.abs(cnn.vsBaseline.metrics[0].df - 8) < 1e-9);
  assert.equal(cnn.targets[0].status, 'met-confident');
});

test('a change of the command starts a new sample: the old runs no longer count', async () => {
  writeFileSync(path.join(ws, '.mlproject.yaml'), PLAN.replace('node ev.js', 'node ./ev.js'));
  const r = await invoke(evalCommand, ['--sample', 'all', '--json'], ws);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.statistics.n, 1);
  assert.equal(out.statistics.notCounted, 5);
  assert.equal(out.statistics.vsBaseline, undefined); // no logreg run under the new command
});
