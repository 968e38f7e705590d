import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectPlan } from '../../../src/core/model';
import { summarizeCandidates } from '../../../src/core/runs/candidateStats';
import { dashboardData } from '../../../src/core/runs/dashboardData';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { describeSample } from '../../../src/core/stats/sample';
import { sampleRun } from './fixtures/sampleRun';

const plan: ProjectPlan = {
  goal: {
    success_criteria: [
      { metric: 'macro_f1', target: 0.8, direction: 'maximize' },
      { metric: 'latency_ms', target: 50, direction: 'minimize' },
    ],
  },
  candidates: [{ id: 'logreg', baseline: true }, { id: 'knn' }, { id: 'cnn' }, { id: 'solo' }],
};

let clock = 0;
function run(candidate: string, macro_f1: number, latency_ms: number, over: Partial<RunRecord> = {}): RunRecord {
  const start = new Date(Date.UTC(2026, 11, 1) + clock++ * 1000).toISOString();
  return sampleRun({ id: `run-${String(clock).padStart(4, '0')}`, candidate, start, end: start, metrics: { macro_f1, latency_ms, accuracy: macro_f1 }, ...over });
}

const sweep = { sweepId: 'sweep-1' };
const history: RunRecord[] = [
  run('logreg', 0.1, 1, { sweepId: 'sweep-0' }), // an older sweep: not counted, not a dot
  run('logreg', 0.6, 0.05, sweep), run('logreg', 0.62, 0.08, sweep), run('logreg', 0.61, 0.01, sweep),
  run('knn', 0.85, 8.5, sweep), run('knn', 0.86, 5, sweep), run('knn', 0.84, 6.7, sweep),
  run('cnn', 0.8, 0.15, sweep), run('cnn', 1.0, 0.19, sweep), run('cnn', 0.65, 0.14, sweep),
  run('solo', 0.65, 0.3), // one run, no sweep: n = 1
];

test('comparison: candidates ranked best first by the direction, n=1 without an interval, verdicts vs the baseline', () => {
  const d = dashboardData(history, plan);
  assert.deepEqual(d.comparisons.map((c) => c.metric), d.charts.map((c) => c.metric));
  const f1 = d.comparisons.find((c) => c.metric === 'macro_f1')!;
  assert.equal(f1.ranked, true);
  assert.deepEqual(f1.rows.map((r) => r.candidate), ['knn', 'cnn', 'solo', 'logreg'], 'higher macro_f1 first');
  const lat = d.comparisons.find((c) => c.metric === 'latency_ms')!;
  assert.deepEqual(lat.rows.map((r) => r.candidate), ['logreg', 'cnn', 'solo', 'knn'], 'lower latency first');
  const acc = d.comparisons.find((c) => c.metric === 'accuracy')!;
  assert.equal(acc.ranked, false);
  assert.deepEqual(acc.rows.map((r) => r.candidate), ['logreg', 'knn', 'cnn', 'solo'], 'no direction: plan order');
  assert.ok(acc.rows.every((r) => r.reference || (r.vsBaseline && r.vsBaseline.verdict === undefined)), 'no direction, no verdict');

  const row = (id: string) => f1.rows.find((r) => r.candidate === id)!;
  assert.equal(row('knn').vsBaseline!.verdict, 'better');
  assert.equal(row('cnn').vsBaseline!.verdict, 'within noise', 'a wide interval crossing 0 cannot tell');
  assert.equal(row('solo').vsBaseline!.verdict, 'within noise', 'n=1 has no spread to measure');
  assert.equal(row('logreg').reference, true);
  assert.equal(row('logreg').vsBaseline, undefined);
  assert.equal(row('solo').n, 1);
  assert.equal(row('solo').ci, undefined, 'n=1: the dot and the mean, no error bar');
  assert.equal(row('knn').target, 'met-confident');
  assert.equal(row('cnn').target, 'met-on-mean');
  assert.equal(row('logreg').target, 'missed');
  // colours are the candidates' indices, the same as in the charts over time
  assert.deepEqual(f1.rows.map((r) => r.colour), [1, 2, 3, 0]);
});

test('comparison: error bars are the core statistics, the runs are the counted runs, the band is the baseline interval', () => {
  const d = dashboardData(history, plan);
  const f1 = d.comparisons.find((c) => c.metric === 'macro_f1')!;
  const stats = summarizeCandidates(history, plan);
  for (const r of f1.rows) {
    const m = stats.find((s) => s.candidate === r.candidate)!.metrics.find((x) => x.metric === 'macro_f1')!;
    assert.equal(r.mean, m.mean);
    assert.deepEqual(r.ci, m.ci);
    assert.equal(r.n, m.n);
  }
  const knn = f1.rows.find((r) => r.candidate === 'knn')!;
  const expected = describeSample([0.85, 0.86, 0.84]);
  assert.ok(Math.abs(knn.mean - 0.85) < 1e-12);
  assert.ok(Math.abs(knn.ci!.low - expected.ci!.low) < 1e-12 && knn.ci!.low < 0.85 && knn.ci!.high > 0.85);
  assert.equal(knn.sweepId, 'sweep-1');
  const logreg = f1.rows.find((r) => r.candidate === 'logreg')!;
  assert.deepEqual(logreg.runs.map((p) => p.v), [0.6, 0.62, 0.61], 'the older sweep is not a dot');
  assert.deepEqual(logreg.runs.map((p) => p.id), ['run-0002', 'run-0003', 'run-0004']);
  assert.equal(logreg.n, 3);
  // the band: the reference baseline's 95% interval of the mean
  assert.equal(f1.baseline!.candidate, 'logreg');
  assert.deepEqual(f1.baseline!.ci, logreg.ci);
  assert.equal(f1.baseline!.mean, logreg.mean);
  // the target: on the axis for macro_f1, off scale above the data for latency (runs of 0.01–8.5 ms, target 50)
  assert.equal(f1.target, 0.8);
  assert.equal(f1.axis.target, 'in');
  assert.ok(f1.axis.min <= Math.min(...f1.rows.flatMap((r) => [r.ci?.low ?? r.mean, ...r.runs.map((p) => p.v)])));
  const lat = d.comparisons.find((c) => c.metric === 'latency_ms')!;
  assert.equal(lat.axis.target, 'above');
  assert.ok(lat.axis.max < 50);
});

test('comparison: no baseline run, candidates without a counted run, an empty history', () => {
  const noBaseline = history.filter((r) => r.candidate !== 'logreg');
  const f1 = dashboardData(noBaseline, plan).comparisons[0];
  assert.equal(f1.baseline, undefined);
  assert.deepEqual(f1.missing, ['logreg']);
  assert.ok(f1.rows.every((r) => r.vsBaseline === undefined && !r.reference));
  const failed = dashboardData([run('knn', 0.9, 1, { status: 'failed' })], plan).comparisons[0];
  assert.deepEqual(failed.rows, []);
  assert.deepEqual(failed.missing, ['logreg', 'knn', 'cnn', 'solo']);
});
