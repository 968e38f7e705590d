// Which runs count (current command and params, ok, latest sweep or all) and the per-candidate summary built on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectPlan } from '../../../src/core/model';
import { summarizeCandidates, targetsMet } from '../../../src/core/runs/candidateStats';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { commandMatcher } from '../../../src/core/runs/commandMatch';
import { sameParams } from '../../../src/core/runs/paramsMatch';
import { selectRuns } from '../../../src/core/runs/runScope';
import { substituteCommand } from '../../../src/core/runs/substitute';
import { sampleRun } from './fixtures/sampleRun';

const TEMPLATE = 'python3 eval.py --model ${candidate} --data ${env:DATA} --out ${metricsFile} --tag ${runId}';
const plan: ProjectPlan = {
  goal: { success_criteria: [{ metric: 'f1', target: 0.75, direction: 'maximize' }] },
  candidates: [{ id: 'base', baseline: true }, { id: 'cnn', params: { hidden: 16 } }, { id: 'idle' }],
  evaluation: { command: TEMPLATE },
};

let seq = 0;
/** A run as prepareRun/finishRun would record it under `template`, on a machine rooted at `root`. */
function run(candidate: string, f1: number, over: Partial<RunRecord> = {}, template = TEMPLATE, root = '/home/dana/proj'): RunRecord {
  seq++;
  const id = `20261126-12${String(Math.floor(seq / 60)).padStart(2, '0')}${String(seq % 60).padStart(2, '0')}-${seq.toString(16).padStart(4, '0')}`;
  const runDir = `${root}/.mlproject/runs/${id}`;
  const command = substituteCommand(template, { candidate, runId: id, runDir, metricsFile: `${runDir}/metrics.json`, workspaceFolder: root, seed: "0" }, { DATA: `data/${seq % 2}.csv` });
  const params = plan.candidates?.find((c) => c.id === candidate)?.params;
  return sampleRun({ id, candidate, start: new Date(Date.UTC(2026, 10, 26, 12, 0, seq)).toISOString(), command, metrics: { f1 }, ...(params ? { params } : {}), ...over });
}

test('the command matcher ignores run id, folders and environment, but not the rest of the command or the candidate', () => {
  const match = commandMatcher(TEMPLATE)!;
  assert.equal(match(run('cnn', 0.8)), true);
  assert.equal(match(run('cnn', 0.8, {}, TEMPLATE, "/tmp/it's here")), true); // a quote in the path, quoted as '\''
  assert.equal(match(run('cnn', 0.8, {}, TEMPLATE.replace('eval.py', 'eval2.py'))), false);
  assert.equal(match(run('cnn', 0.8, {}, TEMPLATE + ' --fast')), false);
  const other = run('cnn', 0.8);
  assert.equal(match({ ...other, candidate: 'base' }), false); // the command names another candidate
  assert.equal(match({ ...other, id: '20261126-120000-ffff' }), false); // ${runId} is the run's own id
  assert.equal(commandMatcher(undefined), undefined);
  assert.equal(commandMatcher('echo "${candidate}"'), undefined); // cannot be substituted: no command filter
});

test('params compare by keys and values; none equals {}', () => {
  assert.equal(sameParams(undefined, {}), true);
  assert.equal(sameParams({ a: 1, b: 'x' }, { b: 'x', a: 1 }), true);
  assert.equal(sameParams({ a: 1 }, { a: '1' }), false);
  assert.equal(sameParams({ a: 1 }, { a: 1, b: true }), false);
});

test('only ok runs under the current command and params count; by default the latest run alone (n = 1)', () => {
  const history = [
    run('cnn', 0.7), run('cnn', 0.71), run('cnn', 0.9, { params: { hidden: 32 } }), run('cnn', 0.2, { status: 'failed', exitCode: 1 }),
    run('cnn', 0.99, {}, 'python3 old.py ${candidate} ${metricsFile}'), run('cnn', 0.72),
  ];
  const latest = selectRuns(history, plan).get('cnn')!;
  assert.deepEqual(latest.runs.map((r) => r.metrics.f1), [0.72]);
  assert.equal(latest.notCounted, 5);
  const all = selectRuns(history, plan, { scope: 'all' }).get('cnn')!;
  assert.deepEqual(all.runs.map((r) => r.metrics.f1), [0.7, 0.71, 0.72]);
  assert.equal(all.notCounted, 3);
});

test('the default scope is the latest run\'s sweep', () => {
  const history = [
    run('cnn', 0.6, { sweepId: 's1' }), run('cnn', 0.61, { sweepId: 's1' }),
    run('cnn', 0.8, { sweepId: 's2' }), run('cnn', 0.5), run('cnn', 0.81, { sweepId: 's2' }), run('cnn', 0.82, { sweepId: 's2', status: 'timeout' }),
  ];
  const sel = selectRuns(history, plan).get('cnn')!;
  assert.equal(sel.sweepId, 's2');
  assert.deepEqual(sel.runs.map((r) => r.metrics.f1), [0.8, 0.81]);
  assert.equal(selectRuns([...history, run('cnn', 0.4)], plan).get('cnn')!.runs.length, 1); // a later lone run wins
});

test('summarizeCandidates: plan order, n, interval, targets and the verdict against the baseline', () => {
  const history = [
    ...[0.7, 0.72, 0.71, 0.73, 0.74].map((f1) => run('base', f1, { sweepId: 'w' })),
    ...[0.8, 0.82, 0.81, 0.83, 0.84].map((f1) => run('cnn', f1, { sweepId: 'w' })),
    run('ghost', 0.5),
  ];
  const stats = summarizeCandidates(history, plan);
  assert.deepEqual(stats.map((s) => [s.candidate, s.n, s.inPlan]), [['base', 5, true], ['cnn', 5, true], ['idle', 0, true], ['ghost', 1, false]]);
  const [base, cnn, idle, ghost] = stats;
  assert.equal(base.vsBaseline, undefined); // the reference itself
  assert.equal(idle.vsBaseline, undefined);
  assert.deepEqual(idle.targets.map((t) => t.status), ['missing']);
  const f1 = cnn.metrics[0];
  assert.equal(f1.metric, 'f1');
  assert.equal(f1.direction, 'maximize');
  const half = (2.7764 * Math.sqrt(0.001 / 4)) / Math.sqrt(5);
  assert.ok(Math.abs(f1.ci!.low - (0.82 - half)) < 1e-6);
  const d = cnn.vsBaseline!.metrics[0];
  assert.equal(cnn.vsBaseline!.baseline, 'base');
  assert.ok(Math.abs(d.ci!.low - (0.1 - 2.306 * 0.01)) < 1e-6); // df 8
  assert.equal(d.verdict, 'better');
  assert.deepEqual([d.n, d.baselineN], [5, 5]);
  assert.equal(cnn.targets[0].status, 'met-confident'); // 0.82 ± 0.0196 ≥ 0.75
  assert.equal(targetsMet(cnn, 'confident'), true);
  assert.equal(base.targets[0].status, 'missed'); // mean 0.72 < 0.75
  assert.equal(targetsMet(base, 'mean'), false);
  assert.equal(ghost.vsBaseline!.metrics[0].verdict, 'within noise'); // n = 1
});

test('n = 1 works as before: the mean is the run\'s value, no interval, gate on the mean only', () => {
  const stats = summarizeCandidates([run('base', 0.7), run('cnn', 0.8)], plan);
  const cnn = stats[1];
  assert.equal(cnn.n, 1);
  assert.equal(cnn.metrics[0].ci, undefined);
  assert.ok(Math.abs(cnn.vsBaseline!.metrics[0].diff - 0.1) < 1e-12);
  assert.equal(cnn.vsBaseline!.metrics[0].verdict, 'within noise');
  assert.equal(cnn.targets[0].status, 'met-on-mean');
  assert.equal(targetsMet(cnn, 'mean'), true);
  assert.equal(targetsMet(cnn, 'confident'), false);
});
