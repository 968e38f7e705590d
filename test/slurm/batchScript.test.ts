// The batch script and sbatch argv of a Slurm run, and the checked evaluation.slurm settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { prepareRun } from '../../src/core/runs/prepare';
import { batchScript, sbatchArgv, slurmFilePattern } from '../../src/core/runs/slurm/batchScript';
import { executorOf, slurmSettings, SlurmSettingsError } from '../../src/core/runs/slurm/settings';
import type { ProjectPlan } from '../../src/core/model';

const HOSTILE = [`x; touch pwned`, `$(touch pwned)`, '`touch pwned`', `a'b"c\\d`, `new\nline`, `-rf --`, `%j %u`];

function plan(candidate: string, evaluation: NonNullable<ProjectPlan['evaluation']> = {}): ProjectPlan {
  return { version: 1, candidates: [{ id: candidate, baseline: true }], decision: { chosen: candidate }, evaluation: { executor: 'slurm', command: 'printf %s ${candidate} > ${runDir}/cand.txt', ...evaluation } };
}

test('the batch script is set -eu, cd, exports, then exec: hostile candidate names stay one literal word', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mlp-batch-'));
  try {
    for (const name of HOSTILE) {
      const prepared = await prepareRun(plan(name), { root, env: {} });
      const script = batchScript(prepared);
      const lines = script.trimEnd().split('\n');
      assert.equal(lines[0], '#!/bin/sh');
      assert.equal(lines[2], 'set -eu');
      assert.match(script, /\nexec \/bin\/sh -c '[^]*'\n$/, 'the script ends with exec of the quoted command');
      assert.equal(script.split('\nexec ').length, 2, 'one exec');
      const file = path.join(prepared.runDir, 'batch.sh');
      writeFileSync(file, script, { mode: 0o755 });
      const r = spawnSync('/bin/sh', [file], { encoding: 'utf8', cwd: '/' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(path.join(prepared.runDir, 'cand.txt'), 'utf8'), name, JSON.stringify(name));
      assert.throws(() => readFileSync(path.join(root, 'pwned')), /ENOENT/);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the batch script carries the MLPROJECT_* environment and fails with the command', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mlp-batch-'));
  try {
    const prepared = await prepareRun(plan('m', { command: 'echo "$MLPROJECT_RUN_ID|$MLPROJECT_CANDIDATE|$PWD"; exit 3' }), { root, env: {} });
    const file = path.join(prepared.runDir, 'batch.sh');
    writeFileSync(file, batchScript(prepared));
    const r = spawnSync('/bin/sh', [file], { encoding: 'utf8', cwd: '/', env: { PATH: process.env.PATH } });
    assert.equal(r.status, 3);
    assert.equal(r.stdout.trim(), `${prepared.runId}|m|${root}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('sbatch argv: every value is an item of its own; the log path escapes %', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mlp-batch-%j-'));
  try {
    const p = plan('m', { slurm: { partition: 'gpu; rm -rf /', cpus: 2, mem: '4G', gres: 'gpu:1', account: 'proj a', sbatch_args: ['--qos=high'] } });
    const prepared = await prepareRun(p, { root, env: {} });
    const argv = sbatchArgv(prepared, slurmSettings(p));
    const after = (opt: string) => argv[argv.indexOf(opt) + 1];
    assert.equal(argv[0], '--parsable');
    assert.equal(after('--partition'), 'gpu; rm -rf /');
    assert.equal(after('--account'), 'proj a');
    assert.equal(after('--cpus-per-task'), '2');
    assert.equal(after('--mem'), '4G');
    assert.equal(after('--gres'), 'gpu:1');
    assert.equal(after('--time'), '30');
    assert.equal(after('--job-name'), `mlp-${prepared.runId}`);
    assert.equal(after('--output'), slurmFilePattern(path.join(prepared.runDir, 'log.txt')));
    assert.equal(after('--error'), after('--output'));
    assert.ok(after('--output').includes('%%j'), after('--output'));
    assert.ok(argv.includes('--qos=high'));
    assert.equal(argv[argv.length - 1], path.join(prepared.runDir, 'batch.sh'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('evaluation.slurm is checked: time from evaluation.timeout, reserved and non-option sbatch_args refused', () => {
  assert.equal(executorOf({}), 'local');
  assert.equal(executorOf(plan('m')), 'slurm');
  assert.equal(slurmSettings(plan('m', { timeout: '90s' })).time, '2');
  assert.equal(slurmSettings(plan('m', { timeout: '2h' })).time, '120');
  assert.equal(slurmSettings(plan('m', { timeout: '2h', slurm: { time: '1-00:00' } })).time, '1-00:00');
  assert.equal(slurmSettings(plan('m', { slurm: { time: 5 } })).time, '5');
  for (const bad of [{ time: 'soon' }, { time: 0 }, { cpus: 0 }, { mem: 'lots' }, { partition: '' }, { sbatch_args: ['high'] }, { sbatch_args: ['--output=/x'] }, { sbatch_args: ['--wrap', 'id'] }, { sbatch_args: ['-o/x'] }, { sbatch_args: ['--array=1-3'] }]) {
    assert.throws(() => slurmSettings(plan('m', { slurm: bad as never })), SlurmSettingsError, JSON.stringify(bad));
  }
});
