// The one report of `mlproject eval` once its runs have ended, for the local path (result lines printed as each run
// finished) and the Slurm path (result lines printed here, records in any order): over records built by hand, so
// every interval is checked against numbers worked out by hand (t(0.975, 2) = 4.3027, t(0.975, 4) = 2.7764).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectPlan } from '../../../src/core/model';
import { compareRun } from '../../../src/core/runs/compare';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { EXIT_FAILED, EXIT_OK } from '../../../src/cli/io';
import { reportEval, type EvalOutcome, type EvalReportArgs } from '../../../src/cli/commands/evalReport';
import { inSweepOrder } from '../../../src/cli/commands/evalSlurm';
import { fakeIO } from '../helpers/plans';
import { sampleRun } from '../runs/fixtures/sampleRun';

const plan: ProjectPlan = {
  goal: { success_criteria: [{ metric: 'f1', target: 0.75, direction: 'maximize' }] },
  candidates: [{ id: 'base', baseline: true }, { id: 'cnn' }],
};

const SWEEP = 'sweep-20261126-120000-ab12';
let seq = 0;
function run(candidate: string, f1: number | undefined, over: Partial<RunRecord> = {}): RunRecord {
  seq++;
  return sampleRun({
    id: `20261126-1200${String(seq).padStart(2, '0')}-${seq.toString(16).padStart(4, '0')}`,
    candidate,
    start: new Date(Date.UTC(2026, 10, 26, 12, 0, seq)).toISOString(),
    metrics: f1 === undefined ? {} : { f1 },
    ...over,
  });
}

// One sweep: base 0.70, 0.72, 0.74 and cnn 0.80, 0.82, 0.84 (three seeds each).
const sweep = [0.7, 0.72, 0.74].map((v, seed) => run('base', v, { sweepId: SWEEP, seed }))
  .concat([0.8, 0.82, 0.84].map((v, seed) => run('cnn', v, { sweepId: SWEEP, seed })));

const args = (over: Partial<EvalReportArgs> = {}): EvalReportArgs => ({ json: false, scope: 'latest', requireTargets: undefined, ...over });

function outcome(records: readonly RunRecord[], history: readonly RunRecord[], over: Partial<EvalOutcome> = {}): EvalOutcome {
  return {
    comparisons: records.map((r) => compareRun(r, history, plan)),
    history,
    sweep: records.length > 1,
    ended: records.length > 1 ? { sweepId: SWEEP, cancelled: false } : undefined,
    unrecorded: 0,
    resultLines: true,
    ...over,
  };
}

test('the Slurm shape: each result line, then the statistics of each candidate, then the sweep summary', () => {
  const io = fakeIO('/');
  assert.equal(reportEval(io, plan, args(), outcome(sweep, sweep)), EXIT_OK);
  const lines = io.stdoutText.split('\n');
  assert.deepEqual(lines.slice(0, 6).map((l) => l.split('  ').slice(0, 2).join(' ')), sweep.map((r) => `run ${r.id} ${r.candidate}`));
  // base: 0.72 ± 4.3027·0.02/√3 = [0.6703, 0.7697]; cnn − base: 0.1 ± 2.7764·√(0.0004/3 · 2) = [0.05466, 0.1453]
  assert.deepEqual(lines.slice(6), [
    `  base: n=3 (sweep ${SWEEP}), 95% intervals:`,
    '    f1=0.72 [0.6703, 0.7697] ✗ ≥ 0.75 missed',
    `  cnn: n=3 (sweep ${SWEEP}), 95% intervals vs base (n=3):`,
    '    f1=0.82 [0.7703, 0.8697] Δ +0.1 [+0.05466, +0.1453] better ✓ ≥ 0.75 met with confidence',
    `sweep ${SWEEP}: 6/6 runs ok`,
    '  base  3/3 ok  f1 mean 0.72 (n=3)',
    '  cnn   3/3 ok  f1 mean 0.82 (n=3)',
    '',
  ]);
  assert.equal(io.stderrText, '');
});

test('the local shape: no result lines (printed as each run finished); the history warning comes after the summary', () => {
  const io = fakeIO('/');
  assert.equal(reportEval(io, plan, args(), outcome(sweep, sweep, { resultLines: false, ended: { sweepId: SWEEP, cancelled: true }, warning: 'warning: corrupt\n' })), EXIT_OK);
  assert.match(io.stdoutText, /^ {2}base: n=3/);
  assert.doesNotMatch(io.stdoutText, /^run /m);
  assert.match(io.stdoutText, new RegExp(`^sweep ${SWEEP}: 6/6 runs ok \\(cancelled\\)$`, 'm'));
  assert.equal(io.stderrText, 'warning: corrupt\n');
});

test('JSON: an array for a sweep, each run with its candidate\'s statistics; the summary goes to stderr', () => {
  const io = fakeIO('/');
  assert.equal(reportEval(io, plan, args({ json: true }), outcome(sweep, sweep)), EXIT_OK);
  const json = JSON.parse(io.stdoutText) as Array<{ id: string; comparison: { baseline: string | null }; statistics: { candidate: string; n: number; runIds: string[]; sweepId: string } }>;
  assert.deepEqual(json.map((j) => j.id), sweep.map((r) => r.id));
  assert.deepEqual(json.map((j) => [j.statistics.candidate, j.statistics.n, j.statistics.sweepId]), sweep.map((r) => [r.candidate, 3, SWEEP]));
  assert.deepEqual(json[5].statistics.runIds, sweep.slice(3).map((r) => r.id));
  assert.match(io.stderrText, new RegExp(`^sweep ${SWEEP}: 6/6 runs ok\n`));
});

test('JSON: a single object for one run, with no summary; a failed run\'s statistics count nothing', () => {
  const one = run('cnn', 0.9);
  const io = fakeIO('/');
  assert.equal(reportEval(io, plan, args({ json: true }), outcome([one], [one])), EXIT_OK);
  const json = JSON.parse(io.stdoutText) as { id: string; statistics: { n: number; latestRunId: string } };
  assert.equal(json.id, one.id);
  assert.deepEqual([json.statistics.n, json.statistics.latestRunId], [1, one.id]);
  assert.equal(io.stderrText, '');

  const failed = run('cnn', undefined, { status: 'failed', exitCode: 1, error: 'the command exited with code 1.' });
  const io2 = fakeIO('/');
  assert.equal(reportEval(io2, plan, args({ json: true }), outcome([failed], [failed])), EXIT_FAILED);
  const st = (JSON.parse(io2.stdoutText) as { statistics: { n: number; notCounted: number; targets: Array<{ status: string }> } }).statistics;
  assert.deepEqual([st.n, st.notCounted, st.targets.map((t) => t.status)], [0, 1, ['missing']]);
});

test('a run that failed: its line, no statistics for a candidate without a successful run, exit 1 before the gate', () => {
  const failed = run('cnn', undefined, { status: 'failed', exitCode: 1, error: 'the command exited with code 1.', sweepId: SWEEP, seed: 1 });
  const records = [sweep[0], failed];
  const io = fakeIO('/');
  assert.equal(reportEval(io, plan, args({ requireTargets: 'mean' }), outcome(records, records)), EXIT_FAILED);
  assert.match(io.stdoutText, /^run \S+ {2}cnn {2}failed .*\n {2}failed: the command exited with code 1\.$/m);
  assert.match(io.stdoutText, /^ {2}base: n=1 /m);
  assert.doesNotMatch(io.stdoutText, /^ {2}cnn: /m);
  assert.match(io.stdoutText, new RegExp(`^sweep ${SWEEP}: 1/2 runs ok\n  base  1/1 ok  f1 mean 0.7 \\(n=1\\)\n  cnn   0/1 ok  f1 mean –$`, 'm'));
  assert.equal(io.stderrText, '', 'the gate is not reached');
});

test('a run that could not be recorded fails the invocation even when every recorded run succeeded', () => {
  const io = fakeIO('/');
  assert.equal(reportEval(io, plan, args(), outcome(sweep, sweep, { unrecorded: 1 })), EXIT_FAILED);
});

test('--require-targets: the gate over the candidates of the invocation, on the mean or with confidence', () => {
  const cnn = sweep.slice(3);
  const mean = fakeIO('/');
  assert.equal(reportEval(mean, plan, args({ requireTargets: 'confident' }), outcome(cnn, sweep)), EXIT_OK);
  const both = fakeIO('/');
  assert.equal(reportEval(both, plan, args({ requireTargets: 'mean' }), outcome(sweep, sweep)), EXIT_FAILED);
  assert.equal(both.stderrText, 'error: success criteria not met by 1 of 2 candidates: base (f1)\n');
});

test('the Slurm records (refused ones first) are put back in the order of the sweep', () => {
  const ids = sweep.map((r) => r.id);
  const refusedFirst = [sweep[4], sweep[1], sweep[0], sweep[2], sweep[3], sweep[5]];
  assert.deepEqual(inSweepOrder(refusedFirst, ids).map((r) => r.id), ids);
  const stranger = run('cnn', 0.5);
  assert.deepEqual(inSweepOrder([stranger, sweep[1], sweep[0]], ids).map((r) => r.id), [sweep[0].id, sweep[1].id, stranger.id]);
});
