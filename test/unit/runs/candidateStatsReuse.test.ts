// The statistics must not depend on what the pass over the history remembers from one run to the next: runs that
// share a command string, a params object or a metrics shape are each judged on their own candidate, id and values,
// and nothing carries over from one plan to the next call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectPlan } from '../../../src/core/model';
import { summarizeCandidates } from '../../../src/core/runs/candidateStats';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { selectRuns } from '../../../src/core/runs/runScope';
import { describeSample } from '../../../src/core/stats/sample';
import { sampleRun } from './fixtures/sampleRun';

let seq = 0;
/** A run at the next second; `command` is taken as given, so runs can share one string. */
function run(candidate: string, command: string, over: Partial<RunRecord> = {}): RunRecord {
  seq++;
  const id = `20261127-10${String(Math.floor(seq / 60)).padStart(2, '0')}${String(seq % 60).padStart(2, '0')}-${seq.toString(16).padStart(4, '0')}`;
  return sampleRun({ id, candidate, start: new Date(Date.UTC(2026, 10, 27, 10, 0, seq)).toISOString(), command, metrics: { f1: seq / 100 }, ...over });
}

/** The ids of each candidate's counted runs, every run in scope. */
function counted(history: RunRecord[], plan: ProjectPlan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [candidate, sel] of selectRuns(history, plan, { scope: 'all' })) out[candidate] = sel.runs.map((r) => r.id);
  return out;
}

const BY_CANDIDATE = 'python3 eval.py --model ${candidate}';

test('one command string, different params: each run is judged on its own params', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn', params: { hidden: 16 } }], evaluation: { command: BY_CANDIDATE } };
  const cmd = "python3 eval.py --model 'cnn'";
  const history = [run('cnn', cmd, { params: { hidden: 16 } }), run('cnn', cmd, { params: { hidden: 32 } }), run('cnn', cmd), run('cnn', cmd, { params: { hidden: 16 } })];
  assert.deepEqual(counted(history, plan), { cnn: [history[0].id, history[3].id] });
});

test('one command string, different candidates: the command must name the run\'s own candidate', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn' }, { id: 'base' }], evaluation: { command: BY_CANDIDATE } };
  const cnnCmd = "python3 eval.py --model 'cnn'";
  // The same string first for cnn (it matches), then for base (it names another candidate), then base's own.
  const history = [run('cnn', cnnCmd), run('base', cnnCmd), run('base', "python3 eval.py --model 'base'"), run('cnn', cnnCmd), run('base', cnnCmd)];
  assert.deepEqual(counted(history, plan), { cnn: [history[0].id, history[3].id], base: [history[2].id] });
});

test('one command string, different run ids: ${runId} must be the run\'s own id', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn' }], evaluation: { command: 'python3 eval.py --tag ${runId}' } };
  const first = run('cnn', '');
  first.command = `python3 eval.py --tag '${first.id}'`;
  const copy = run('cnn', first.command); // another run whose command names the first run's id
  const own = run('cnn', '');
  own.command = `python3 eval.py --tag '${own.id}'`;
  assert.deepEqual(counted([first, copy, own, copy], plan), { cnn: [first.id, own.id] });
});

test('the candidate\'s word is the whole quoted word: one that goes on with \'\\\'\' names another candidate', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn' }, { id: "cnn's" }], evaluation: { command: BY_CANDIDATE + ' --fast' } };
  const longer = "python3 eval.py --model 'cnn'\\''s' --fast"; // shellQuote("cnn's")
  const history = [run('cnn', longer), run("cnn's", longer), run('cnn', "python3 eval.py --model 'cnn' --fast")];
  assert.deepEqual(counted(history, plan), { cnn: [history[2].id], "cnn's": [history[1].id] });
});

test('matching and other command strings interleaved, repeated: each string judged the same way every time', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn' }], evaluation: { command: BY_CANDIDATE + ' --out ${metricsFile}' } };
  const good = (dir: string) => `python3 eval.py --model 'cnn' --out '${dir}/metrics.json'`;
  const bad = (dir: string) => `python3 eval.py --model 'cnn' --out '${dir}/metrics.json' --fast`;
  const history = [run('cnn', good('/a')), run('cnn', bad('/a')), run('cnn', good('/a')), run('cnn', bad('/b')), run('cnn', good('/b')), run('cnn', bad('/a'))];
  assert.deepEqual(counted(history, plan), { cnn: [history[0].id, history[2].id, history[4].id] });
});

test('params: the same keys in another order count; another value, type or key set does not', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn', params: { hidden: 16, lr: 0.1 } }], evaluation: { command: BY_CANDIDATE } };
  const cmd = "python3 eval.py --model 'cnn'";
  const history = [
    run('cnn', cmd, { params: { lr: 0.1, hidden: 16 } }), // another order: the same params
    run('cnn', cmd, { params: { hidden: 16, lr: 0.2 } }),
    run('cnn', cmd, { params: { hidden: '16', lr: 0.1 } }),
    run('cnn', cmd, { params: { hidden: 16 } }),
    run('cnn', cmd, { params: { hidden: 16, lr: 0.1, extra: true } }),
    run('cnn', cmd, { params: { extra: true, hidden: 16 } }),
    run('cnn', cmd, { params: { hidden: 16, lr: 0.1 } }),
  ];
  assert.deepEqual(counted(history, plan), { cnn: [history[0].id, history[6].id] });
});

test('one params object shared by runs of candidates with different plan params', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn', params: { hidden: 16 } }, { id: 'rnn', params: { hidden: 32 } }] };
  const shared = { hidden: 16 };
  const history = [run('cnn', 'x', { params: shared }), run('rnn', 'x', { params: shared }), run('rnn', 'x', { params: { hidden: 32 } })];
  assert.deepEqual(counted(history, plan), { cnn: [history[0].id], rnn: [history[2].id] });
});

test('another plan on the next call: another command and params, nothing kept from the call before', () => {
  const cmdA = "python3 a.py --model 'cnn'";
  const cmdB = "python3 b.py --model 'cnn'";
  const history = [run('cnn', cmdA, { params: { k: 1 } }), run('cnn', cmdB, { params: { k: 1 } }), run('cnn', cmdB, { params: { k: 2 } }), run('cnn', cmdA, { params: { k: 2 } })];
  const planA: ProjectPlan = { candidates: [{ id: 'cnn', params: { k: 1 } }], evaluation: { command: 'python3 a.py --model ${candidate}' } };
  const planB: ProjectPlan = { candidates: [{ id: 'cnn', params: { k: 2 } }], evaluation: { command: 'python3 b.py --model ${candidate}' } };
  const planC: ProjectPlan = { candidates: [{ id: 'cnn', params: { k: 2 } }], evaluation: { command: 'python3 a.py --model ${candidate}' } };
  const ids = history.map((r) => r.id);
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(counted(history, planA), { cnn: [ids[0]] });
    assert.deepEqual(counted(history, planB), { cnn: [ids[2]] });
    assert.deepEqual(counted(history, planC), { cnn: [ids[3]] }); // same template as A, params as B
  }
  assert.deepEqual(summarizeCandidates(history, planB, { scope: 'all' }).map((s) => [s.n, s.notCounted]), [[1, 3]]);
});

test('metrics in varying shapes: each metric is the sample of its own values, criteria first, then as first reported', () => {
  const plan: ProjectPlan = { goal: { success_criteria: [{ metric: 'f1', target: 0.5 }, { metric: 'loss', target: 1, direction: 'minimize' }] }, candidates: [{ id: 'cnn' }] };
  const shapes: Array<Record<string, number>> = [
    { acc: 0.5, f1: 0.61 },
    { f1: 0.62, acc: 0.52, loss: 0.9 },
    { recall: 0.3 },
    { f1: 0.64, loss: 0.7, acc: 0.51, zeta: 2 },
    { loss: 0.8, f1: 0.6, recall: 0.31, acc: 0.55 },
    {},
    { f1: 0.66, acc: 0.5 },
  ];
  const history = shapes.map((metrics) => run('cnn', 'x', { metrics }));
  // One run out of order, and it is the first in the file to report zeta: the sample is still oldest first, and zeta
  // comes after recall, as first reported in start order.
  [history[2], history[3]] = [history[3], history[2]];
  const [cnn] = summarizeCandidates(history, plan, { scope: 'all' });
  const valuesOf = (metric: string) => shapes.filter((m) => metric in m).map((m) => m[metric]);
  const expected = ['f1', 'loss', 'acc', 'recall', 'zeta'].map((metric) => ({
    metric,
    ...describeSample(valuesOf(metric)),
    ...(metric === 'f1' ? { direction: 'maximize' } : metric === 'loss' ? { direction: 'minimize' } : {}),
  }));
  assert.deepEqual(cnn.metrics, expected);
  assert.equal(cnn.n, shapes.length);
});

test('default scope, history out of start order: the latest start wins wherever it stands; of equal start and id, the first', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn' }] };
  const at = (sec: number, id: string, sweepId: string) => sampleRun({ id, candidate: 'cnn', start: new Date(Date.UTC(2026, 10, 28, 9, 0, sec)).toISOString(), sweepId });
  const a = at(10, '20261128-090010-000a', 's1');
  const b = at(5, '20261128-090005-000b', 's2');
  const twin = at(10, '20261128-090010-000a', 's2'); // the same start and id as `a`, later in the file
  const d = at(3, '20261128-090003-000d', 's1');
  const sel = selectRuns([a, b, twin, d], plan).get('cnn')!;
  assert.equal(sel.sweepId, 's1');
  assert.deepEqual(sel.runs, [d, a]); // oldest first
  assert.equal(sel.notCounted, 2);
});

test('default scope: newer runs that do not count leave the latest counted run and its sweep, per candidate', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'cnn', params: { k: 1 } }, { id: 'rnn' }], evaluation: { command: BY_CANDIDATE } };
  const cnn = "python3 eval.py --model 'cnn'";
  const rnn = "python3 eval.py --model 'rnn'";
  const history = [
    run('cnn', cnn, { params: { k: 1 }, sweepId: 'w1' }), run('rnn', rnn, { sweepId: 'w1' }),
    run('cnn', cnn, { params: { k: 1 }, sweepId: 'w1' }), run('rnn', rnn, { sweepId: 'w1', status: 'failed' }),
    run('rnn', rnn), // rnn's latest counted run has no sweep: it alone
    run('cnn', cnn, { params: { k: 2 }, sweepId: 'w2' }), run('cnn', cnn + ' --fast', { params: { k: 1 }, sweepId: 'w2' }),
    run('cnn', cnn, { params: { k: 1 }, sweepId: 'w2', status: 'timeout' }), run('rnn', cnn, { sweepId: 'w2' }),
  ];
  const sel = selectRuns(history, plan);
  assert.deepEqual([sel.get('cnn')!.sweepId, sel.get('cnn')!.runs, sel.get('cnn')!.notCounted], ['w1', [history[0], history[2]], 3]);
  assert.deepEqual([sel.get('rnn')!.sweepId, sel.get('rnn')!.runs, sel.get('rnn')!.notCounted], [undefined, [history[4]], 3]);
});

test('candidates not in the plan are listed in the order first seen, in either scope', () => {
  const history = [run('g2', 'x'), run('g1', 'x'), run('g3', 'x', { status: 'failed' }), run('g2', 'x'), run('g1', 'x')];
  for (const scope of ['latest', 'all'] as const) {
    assert.deepEqual([...selectRuns(history, {}, { scope }).keys()], ['g2', 'g1', 'g3']);
    assert.deepEqual(summarizeCandidates(history, {}, { scope }).map((s) => [s.candidate, s.n]), [['g2', scope === 'all' ? 2 : 1], ['g1', scope === 'all' ? 2 : 1], ['g3', 0]]);
  }
});
