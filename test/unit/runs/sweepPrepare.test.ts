// prepareSweepRuns: every run of a sweep prepared (candidate, seed, sweep id, note, env, source), or none: a failure
// midway takes back the run folders already made, so nothing is left under the runs folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ProjectPlan } from '../../../src/core/model';
import { RUNS_DIR, RunSetupError } from '../../../src/core/runs/prepare';
import { planSweep } from '../../../src/core/runs/sweep';
import { prepareSweepRuns } from '../../../src/core/runs/sweepPrepare';
import { withTempDir } from '../helpers/plans';

const env = { PATH: process.env.PATH, DATA: 'jazz' };

const withDir = withTempDir('mlp-sweep-prepare-');

function plan(evaluation: ProjectPlan['evaluation'] = {}): ProjectPlan {
  return {
    candidates: [{ id: 'logreg', baseline: true }, { id: 'knn', params: { k: 3 } }],
    decision: { chosen: 'knn' },
    evaluation: { command: 'run ${candidate} ${seed} ${env:DATA} ${metricsFile}', ...evaluation },
  };
}

const runsFolder = (root: string): string[] => {
  const dir = path.join(root, RUNS_DIR);
  return existsSync(dir) ? readdirSync(dir) : [];
};

test('prepareSweepRuns: every run of the sweep, in order, with its seed, sweep id, note, environment and source', withDir(async (root) => {
  const p = plan();
  const spec = planSweep(p, { all: true, repeats: 2 });
  const seen: string[] = [];
  const prepared = await prepareSweepRuns(p, spec, {
    root, env, note: 'does knn beat logreg?', source: 'editor',
    onPrepared: (run, item) => seen.push(`${item.label}=${run.runId}`),
  });
  assert.deepEqual(prepared.map((r) => [r.candidate, r.seed]), [['logreg', 0], ['logreg', 1], ['knn', 0], ['knn', 1]]);
  assert.deepEqual(seen, prepared.map((r, i) => `${spec.items[i].label}=${r.runId}`));
  assert.ok(spec.sweepId);
  for (const r of prepared) {
    assert.equal(r.sweepId, spec.sweepId);
    assert.equal(r.env.MLPROJECT_SWEEP_ID, spec.sweepId);
    assert.equal(r.env.MLPROJECT_SEED, String(r.seed));
    assert.equal(r.note, 'does knn beat logreg?');
    assert.equal(r.source, 'editor');
    assert.equal(r.root, path.resolve(root));
    assert.ok(r.command.includes(" 'jazz' "), r.command); // ${env:DATA} from the given environment, quoted
    assert.ok(existsSync(r.runDir));
  }
  assert.deepEqual(prepared[2].params, { k: 3 });
  assert.equal(new Set(prepared.map((r) => r.runId)).size, 4);
  assert.deepEqual(runsFolder(root).sort(), prepared.map((r) => r.runId).sort());
}));

test('prepareSweepRuns: one run is not a sweep (no sweep id); the source defaults to cli', withDir(async (root) => {
  const p = plan();
  const [run] = await prepareSweepRuns(p, planSweep(p), { root, env });
  assert.equal(run.candidate, 'knn');
  assert.equal(run.sweepId, undefined);
  assert.equal(run.env.MLPROJECT_SWEEP_ID, undefined);
  assert.equal(run.source, 'cli');
}));

test('prepareSweepRuns: a run that cannot be prepared after its folder was made leaves nothing under the runs folder', withDir(async (root) => {
  // knn's metrics folder is a file: knn's preparation fails after its run folder was made, logreg's runs are done.
  const p = plan({ metrics_file: 'out-${candidate}/metrics.json' });
  writeFileSync(path.join(root, 'out-knn'), 'not a folder');
  const spec = planSweep(p, { all: true, repeats: 2 });
  const queued: string[] = [];
  await assert.rejects(
    prepareSweepRuns(p, spec, { root, env, onPrepared: (run) => queued.push(run.runId) }),
    (e: unknown) => e instanceof RunSetupError && /out-knn is not a folder/.test(e.message),
  );
  assert.equal(queued.length, 2, 'the two logreg runs were prepared before knn failed');
  assert.deepEqual(runsFolder(root), []);
}));

test('prepareSweepRuns: a candidate whose command cannot be prepared fails the sweep and takes back the runs before it', withDir(async (root) => {
  // A metrics file outside the workspace for one candidate only: refused before its folder is made.
  const p = plan({ metrics_file: '${candidate}/metrics.json' });
  p.candidates!.push({ id: '../escape' });
  const spec = planSweep(p, { all: true });
  assert.equal(spec.items.length, 3);
  await assert.rejects(prepareSweepRuns(p, spec, { root, env }), (e: unknown) => e instanceof RunSetupError && /outside the workspace/.test(e.message));
  assert.deepEqual(runsFolder(root), []);
  assert.equal(existsSync(path.join(path.dirname(root), 'escape')), false);
}));

test('prepareSweepRuns: an onPrepared that throws fails the preparation, and that run is taken back too', withDir(async (root) => {
  const p = plan();
  const spec = planSweep(p, { all: true });
  let calls = 0;
  await assert.rejects(prepareSweepRuns(p, spec, {
    root, env,
    onPrepared: () => {
      if (++calls === 2) throw new Error('listener broke');
    },
  }), /listener broke/);
  assert.equal(calls, 2);
  assert.deepEqual(runsFolder(root), []);
}));
