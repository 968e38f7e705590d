import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { ProjectPlan } from '../../../src/core/model';
import { baselineHasSuccessfulRun, checkCriteria, compareRun, hasSuccessfulRunIn, latestBaselineRun, summariseHistory } from '../../../src/core/runs/compare';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { sampleRun } from './fixtures/sampleRun';

const plan: ProjectPlan = {
  goal: {
    success_criteria: [
      { metric: 'macro_f1', target: 0.8, direction: 'maximize' },
      { metric: 'latency_ms', target: 50, direction: 'minimize' },
      { metric: 'recall' as string, target: 0.5 }, // no direction: maximize
      { metric: 'broken' }, // no target: ignored
    ],
  },
  candidates: [{ id: 'logreg', baseline: true }, { id: 'knn' }, { id: 'cnn' }],
  decision: { chosen: 'cnn' },
};

let seq = 0;
function run(candidate: string, metrics: Record<string, number>, over: Partial<RunRecord> = {}): RunRecord {
  seq++;
  const t = new Date(Date.UTC(2026, 10, 26, 12, 0, seq));
  return sampleRun({ id: `20261126-12${String(Math.floor(seq / 60)).padStart(2, '0')}${String(seq % 60).padStart(2, '0')}-${String(seq).padStart(4, '0')}`, candidate, metrics, start: t.toISOString(), ...over });
}

test('criteria are direction-aware; meeting a target exactly passes; an absent metric is missing', () => {
  const checks = checkCriteria({ macro_f1: 0.8, latency_ms: 50.5 }, plan);
  assert.deepEqual(checks.map((c) => [c.metric, c.direction, c.status]), [
    ['macro_f1', 'maximize', 'pass'],
    ['latency_ms', 'minimize', 'fail'],
    ['recall', 'maximize', 'missing'],
  ]);
  assert.deepEqual(checkCriteria({ macro_f1: 0.7999, latency_ms: 50, recall: 0.9 }, plan).map((c) => c.status), ['fail', 'pass', 'pass']);
});

test('Δ against the latest successful baseline run, with improvement by direction', () => {
  const old = run('logreg', { macro_f1: 0.5, latency_ms: 10 });
  const base = run('logreg', { macro_f1: 0.6, latency_ms: 10, accuracy: 0.7 });
  const failedBase = run('logreg', { macro_f1: 0.1 }, { status: 'failed', exitCode: 1 });
  const errBase = run('logreg', {}, { status: 'metrics-error' });
  const r = run('knn', { macro_f1: 0.85, latency_ms: 40, other: 3 });
  const runs = [old, base, failedBase, errBase, r];
  assert.equal(latestBaselineRun(runs, plan), base);
  const cmp = compareRun(r, runs, plan);
  assert.equal(cmp.baseline, base);
  const byMetric = Object.fromEntries(cmp.metrics.map((m) => [m.metric, m]));
  assert.ok(Math.abs((byMetric.macro_f1.delta as number) - 0.25) < 1e-12);
  assert.equal(byMetric.macro_f1.improved, true);
  assert.equal(byMetric.latency_ms.delta, 30);
  assert.equal(byMetric.latency_ms.improved, false); // minimize: higher latency is worse
  assert.equal(byMetric.other.delta, undefined); // the baseline did not report it
  assert.equal(byMetric.other.baseline, undefined);
  assert.equal(cmp.targetsMet, false); // recall missing
});

test('a baseline run is compared with the previous baseline run, not with itself', () => {
  const a = run('logreg', { macro_f1: 0.5 });
  const b = run('logreg', { macro_f1: 0.55 });
  const cmpB = compareRun(b, [a, b], plan);
  assert.equal(cmpB.baseline, a);
  assert.ok(Math.abs((cmpB.metrics[0].delta as number) - 0.05) < 1e-12);
  assert.equal(compareRun(a, [a], plan).baseline, undefined);
  assert.equal(compareRun(run('knn', { x: 1 }), [a, b], { candidates: [{ id: 'knn' }] }).baseline, undefined); // no baseline candidate
});

test('latest is by start time, not file order', () => {
  const later = run('logreg', { macro_f1: 0.7 });
  const earlier = run('logreg', { macro_f1: 0.6 }, { start: '2026-01-01T00:00:00.000Z' });
  assert.equal(latestBaselineRun([later, earlier], plan), later);
});

test('the baseline has a successful run: only an ok run of a candidate marked baseline counts', () => {
  const ok = run('logreg', { macro_f1: 0.5 });
  const failed = run('logreg', { macro_f1: 0.5 }, { status: 'failed', exitCode: 1 });
  assert.equal(baselineHasSuccessfulRun(plan, []), false);
  assert.equal(baselineHasSuccessfulRun(plan, [failed, run('cnn', { macro_f1: 0.9 })]), false, 'a failed baseline run, even with metrics, or another candidate\'s run');
  assert.equal(baselineHasSuccessfulRun(plan, [failed, ok]), true);
  assert.equal(baselineHasSuccessfulRun({ candidates: [{ id: 'logreg' }] }, [ok]), false, 'no candidate is marked baseline');
  assert.equal(baselineHasSuccessfulRun({ candidates: [{ id: 'logreg', baseline: true }, { id: 'knn', baseline: true }] }, [run('knn', {})]), true, 'any baseline');
});

test('hasSuccessfulRunIn: per candidate, only ok runs', () => {
  const ran = hasSuccessfulRunIn([run('cnn', { macro_f1: 0.9 }), run('knn', { macro_f1: 0.5 }, { status: 'metrics-error' }), run('logreg', {}, { status: 'timeout' })]);
  assert.deepEqual(['cnn', 'knn', 'logreg', 'other'].map(ran), [true, false, false, false]);
});

test('summariseHistory: latest, best per metric by direction, counts, latest baseline', () => {
  const l1 = run('logreg', { macro_f1: 0.6, latency_ms: 5 });
  const k1 = run('knn', { macro_f1: 0.82, latency_ms: 60 });
  const k2 = run('knn', { macro_f1: 0.78, latency_ms: 30 });
  const k3 = run('knn', { macro_f1: 0.99 }, { status: 'failed', exitCode: 1 });
  const x1 = run('ghost', { macro_f1: 0.1 });
  const s = summariseHistory([l1, k1, k2, k3, x1], plan);
  assert.deepEqual(s.candidates.map((c) => [c.candidate, c.runCount, c.inPlan]), [
    ['logreg', 1, true], ['knn', 3, true], ['cnn', 0, true], ['ghost', 1, false],
  ]);
  const knn = s.candidates[1];
  assert.equal(knn.latest, k3);
  assert.equal(knn.best.macro_f1, k1); // the failed run's 0.99 does not count
  assert.equal(knn.best.latency_ms, k2); // minimize
  assert.equal(s.candidates[2].latest, undefined);
  assert.equal(s.latestBaseline, l1);
  assert.equal(s.runCount, 5);
});

test('summariseHistory handles 100,000 runs well under 300 ms', () => {
  const candidates = ['logreg', 'knn', 'cnn', 'ast', 'extra'];
  const runs: RunRecord[] = [];
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 100_000; i++) {
    const c = candidates[i % candidates.length];
    runs.push(sampleRun({
      id: `r${i}`, candidate: c, start: new Date(t0 + i * 1000).toISOString(),
      status: i % 17 === 0 ? 'failed' : 'ok',
      metrics: { macro_f1: ((i * 7919) % 1000) / 1000, accuracy: ((i * 104729) % 1000) / 1000, latency_ms: (i % 97) + 1 },
    }));
  }
  summariseHistory(runs, plan); // warm up
  const started = performance.now();
  const s = summariseHistory(runs, plan);
  const ms = performance.now() - started;
  console.log(`summariseHistory(100k runs): ${ms.toFixed(1)} ms`);
  assert.ok(ms < 300, `took ${ms} ms`);
  assert.equal(s.runCount, 100_000);
  assert.equal(s.candidates.find((c) => c.candidate === 'knn')?.runCount, 20_000);
  assert.equal(s.latestBaseline?.id, 'r99995');
  // the best macro_f1 of knn, checked against a plain scan
  const knnOk = runs.filter((r) => r.candidate === 'knn' && r.status === 'ok');
  const bestF1 = Math.max(...knnOk.map((r) => r.metrics.macro_f1));
  assert.equal(s.candidates.find((c) => c.candidate === 'knn')?.best.macro_f1.metrics.macro_f1, bestF1);
  const bestLatency = Math.min(...knnOk.map((r) => r.metrics.latency_ms));
  assert.equal(s.candidates.find((c) => c.candidate === 'knn')?.best.latency_ms.metrics.latency_ms, bestLatency);
});
