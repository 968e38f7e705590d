// `mlproject eval` on Slurm without a cluster: an `sbatch` on PATH that refuses every job, so each run is recorded
// as failed at submission and the Slurm path reports it with the same report as a local sweep (the statistics, the
// sweep summary, the exit code). The runs that reach a real cluster are tested in test/slurm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evalCommand } from '../../../src/cli/commands/eval';
import { invokeCli } from '../helpers/plans';

const PLAN = `version: 1
goal:
  success_criteria:
    - { metric: acc, target: 0.7, direction: maximize }
candidates:
  - { id: logreg, baseline: true }
  - { id: knn }
decision: { chosen: knn }
evaluation:
  executor: slurm
  command: echo '{"acc":0.8}' > \${metricsFile}
  timeout: 5m
`;

let ws = '';
let env: NodeJS.ProcessEnv = {};
before(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'mlp-eval-slurm-'));
  writeFileSync(path.join(ws, '.mlproject.yaml'), PLAN);
  const bin = path.join(ws, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'sbatch'), '#!/bin/sh\necho "sbatch: error: invalid partition specified: gpu" >&2\nexit 1\n');
  chmodSync(path.join(bin, 'sbatch'), 0o755);
  env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
});
after(() => rmSync(ws, { recursive: true, force: true }));

test('--wait, a sweep refused at submission: each run\'s line, the sweep summary, exit 1', async () => {
  const r = await invokeCli(evalCommand, ['--all', '--wait'], ws, env);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^run \S+ {2}logreg {2}failed .*\n {2}failed: the job was not submitted: sbatch failed \(exit 1\): sbatch: error: invalid partition specified: gpu$/m);
  assert.match(r.stdout, /^run \S+ {2}knn {2}failed /m);
  assert.match(r.stdout, /^sweep sweep-\S+: 0\/2 runs ok\n {2}logreg {2}0\/1 ok {2}acc mean –\n {2}knn {5}0\/1 ok {2}acc mean –\n$/m);
  assert.doesNotMatch(r.stdout, /^ {2}(logreg|knn): n=/m, 'no statistics for a candidate without a successful run');
});

test('--wait --json: the array of the runs, each with its statistics; the summary on stderr', async () => {
  const r = await invokeCli(evalCommand, ['--all', '--wait', '--json'], ws, env);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout) as Array<{ candidate: string; status: string; statistics: { candidate: string; n: number; notCounted: number } }>;
  assert.deepEqual(json.map((j) => [j.candidate, j.status, j.statistics.candidate, j.statistics.n]), [['logreg', 'failed', 'logreg', 0], ['knn', 'failed', 'knn', 0]]);
  assert.equal(json[1].statistics.notCounted, 2, 'both refused knn runs so far are in the history');
  assert.match(r.stderr, /^sweep sweep-\S+: 0\/2 runs ok$/m);
});

test('without --wait the refused runs are reported, but the sweep has no summary yet', async () => {
  const r = await invokeCli(evalCommand, ['--all'], ws, env);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^run \S+ {2}logreg {2}failed /m);
  assert.doesNotMatch(r.stdout + r.stderr, /^sweep /m);
});

test('without --wait --json: one JSON document, the queued runs and the refused ones with their statistics', async () => {
  const r = await invokeCli(evalCommand, ['--all', '--json'], ws, env);
  assert.equal(r.code, 1, r.stderr);
  const doc = JSON.parse(r.stdout) as { pending: unknown[]; refused: Array<{ candidate: string; status: string; statistics: { candidate: string } }> };
  assert.deepEqual(doc.pending, []);
  assert.deepEqual(doc.refused.map((j) => [j.candidate, j.status, j.statistics.candidate]), [['logreg', 'failed', 'logreg'], ['knn', 'failed', 'knn']]);
});
