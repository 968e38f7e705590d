import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { ProjectPlan } from '../../../src/core/model';
import { dashboardData } from '../../../src/core/runs/dashboardData';
import { lttb } from '../../../src/core/runs/dashboardCharts';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { sampleRun } from './fixtures/sampleRun';

const plan: ProjectPlan = {
  project: { name: 'Genre tagger' },
  goal: {
    success_criteria: [
      { metric: 'macro_f1', target: 0.8, direction: 'maximize', why: 'useful above 0.8' },
      { metric: 'latency_ms', target: 50, direction: 'minimize' },
    ],
  },
  candidates: [
    { id: 'logreg', name: 'Nearest centroid', baseline: true },
    { id: 'knn' },
    { id: 'cnn', name: 'Small net' },
  ],
  decision: { chosen: 'cnn' },
};

function at(i: number): string {
  return new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
}

function run(i: number, candidate: string, metrics: Record<string, number>, over: Partial<RunRecord> = {}): RunRecord {
  return sampleRun({ id: `run-${String(i).padStart(6, '0')}`, candidate, metrics, start: at(i), end: at(i), ...over });
}

test('one chart per metric, criteria metrics first, one series per candidate in time order', () => {
  const runs = [
    run(3, 'knn', { macro_f1: 0.7, latency_ms: 5, accuracy: 0.72 }),
    run(1, 'logreg', { macro_f1: 0.5, latency_ms: 1 }),
    run(2, 'knn', { macro_f1: 0.65, latency_ms: 6 }),
    run(4, 'cnn', { macro_f1: 0.82, latency_ms: 60 }, { status: 'failed' }), // failed: not plotted
    run(5, 'cnn', { macro_f1: 0.84, latency_ms: 40 }),
  ];
  const d = dashboardData(runs, plan);
  assert.deepEqual(d.charts.map((c) => c.metric), ['macro_f1', 'latency_ms', 'accuracy']);
  assert.equal(d.runCount, 5);
  assert.equal(d.okCount, 4);
  const f1 = d.charts[0];
  assert.deepEqual(f1.series.map((s) => s.candidate), ['logreg', 'knn', 'cnn']);
  const knn = f1.series.find((s) => s.candidate === 'knn')!;
  assert.deepEqual(knn.points.map((p) => p.v), [0.65, 0.7]);
  assert.deepEqual(knn.points.map((p) => p.id), ['run-000002', 'run-000003']);
  assert.equal(f1.series.find((s) => s.candidate === 'cnn')!.total, 1);
  // colours are stable per candidate across charts
  assert.equal(d.charts[1].series.find((s) => s.candidate === 'cnn')!.colour, f1.series.find((s) => s.candidate === 'cnn')!.colour);
  assert.equal(d.project, 'Genre tagger');
  assert.deepEqual(d.candidates.map((c) => [c.id, c.baseline, c.chosen]), [['logreg', true, false], ['knn', false, false], ['cnn', false, true]]);
});

test('target, direction and the latest baseline value; the data bounds leave the target to the axis', () => {
  const runs = [
    run(1, 'logreg', { macro_f1: 0.4, latency_ms: 1 }),
    run(2, 'logreg', { macro_f1: 0.5, latency_ms: 2 }),
    run(3, 'logreg', { macro_f1: 0.9 }, { status: 'metrics-error' }), // not a baseline value
    run(4, 'knn', { macro_f1: 0.6, latency_ms: 70 }),
  ];
  const d = dashboardData(runs, plan);
  const f1 = d.charts.find((c) => c.metric === 'macro_f1')!;
  assert.equal(f1.target, 0.8);
  assert.equal(f1.direction, 'maximize');
  assert.equal(f1.why, 'useful above 0.8');
  assert.equal(f1.baselineValue, 0.5);
  assert.equal(f1.baselineRunId, 'run-000002');
  assert.equal(f1.vMin, 0.4);
  assert.equal(f1.vMax, 0.6, 'the data bounds hold the runs and the baseline value, not the target');
  assert.equal(f1.axis.target, 'in', 'a target near the data is on the axis');
  assert.ok(f1.axis.min < 0.4 && f1.axis.max > 0.8);
  // run order: the three successful runs are #1, #2 and #3 (the metrics-error run is not numbered)
  assert.equal(f1.xMin, 1);
  assert.equal(f1.xMax, 3);
  assert.deepEqual(f1.series.find((s) => s.candidate === 'knn')!.points.map((p) => [p.x, p.t]), [[3, Date.parse(at(4))]]);
  const lat = d.charts.find((c) => c.metric === 'latency_ms')!;
  assert.equal(lat.direction, 'minimize');
  assert.equal(lat.target, 50);
  assert.equal(lat.baselineValue, 2);
  assert.equal(lat.vMax, 70);
});

test('best run per candidate by the first criterion, direction-aware, with ✓/✗ per criterion', () => {
  const minimizeFirst: ProjectPlan = { ...plan, goal: { success_criteria: [{ metric: 'latency_ms', target: 50, direction: 'minimize' }] } };
  const runs = [
    run(1, 'knn', { macro_f1: 0.7, latency_ms: 30 }, { note: 'k=7' }),
    run(2, 'knn', { macro_f1: 0.75, latency_ms: 60 }),
    run(3, 'knn', { macro_f1: 0.72, latency_ms: 55 }, { status: 'failed' }),
    run(4, 'cnn', { accuracy: 0.9 }), // never reports the criterion's metric: its latest successful run
    run(5, 'cnn', { accuracy: 0.91 }),
  ];
  const byF1 = dashboardData(runs, plan).best;
  assert.deepEqual(byF1.map((b) => b.candidate), ['logreg', 'knn', 'cnn']);
  const logreg = byF1[0];
  assert.equal(logreg.best, undefined);
  assert.equal(logreg.runCount, 0);
  assert.equal(logreg.targetsMet, false);
  const knn = byF1[1];
  assert.equal(knn.by, 'macro_f1');
  assert.equal(knn.best!.id, 'run-000002');
  assert.equal(knn.runCount, 3);
  assert.equal(knn.latestStatus, 'failed');
  assert.deepEqual(knn.criteria.map((c) => [c.metric, c.status]), [['macro_f1', 'fail'], ['latency_ms', 'fail']]);
  assert.equal(byF1[2].best!.id, 'run-000005');
  assert.deepEqual(byF1[2].criteria.map((c) => c.status), ['missing', 'missing']);

  const byLatency = dashboardData(runs, minimizeFirst).best.find((b) => b.candidate === 'knn')!;
  assert.equal(byLatency.best!.id, 'run-000001', 'lower latency is better');
  assert.equal(byLatency.best!.note, 'k=7');
  assert.equal(byLatency.targetsMet, true);
});

test('runs of candidates missing from the plan get their own series; too many metrics are listed as omitted', () => {
  const metrics: Record<string, number> = {};
  for (let i = 0; i < 20; i++) metrics[`m${String(i).padStart(2, '0')}`] = i;
  const d = dashboardData([run(1, 'ghost', metrics)], plan, { maxMetrics: 5 });
  assert.equal(d.charts.length, 5);
  assert.deepEqual(d.charts.slice(0, 2).map((c) => c.metric), ['macro_f1', 'latency_ms']);
  assert.equal(d.omittedMetrics.length, 17);
  assert.ok(d.candidates.some((c) => c.id === 'ghost' && !c.inPlan));
  assert.deepEqual(d.charts[2].series.map((s) => s.candidate), ['ghost']);
  // a criterion metric nobody reported still gets its chart with the target, and finite bounds
  assert.equal(d.charts[0].series.length, 0);
  assert.equal(d.charts[0].axis.target, 'in');
  assert.ok(d.charts[0].axis.min < 0.8 && d.charts[0].axis.max > 0.8);
});

test('charts over time plot by run order: runs seconds apart get their own x, shared by every chart', () => {
  const second = (i: number): string => new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();
  const runs = [
    run(1, 'logreg', { macro_f1: 0.67, latency_ms: 0.05 }, { start: second(0) }),
    run(2, 'knn', { macro_f1: 0.85, latency_ms: 8.5 }, { start: second(2) }),
    run(3, 'cnn', { macro_f1: 0.82 }, { start: second(3) }), // no latency: #3 has no point in that chart
    run(4, 'cnn', { macro_f1: 0.78, latency_ms: 0.15 }, { start: second(4) }),
    run(5, 'knn', { macro_f1: 0.1 }, { start: second(1), status: 'failed' }),
  ];
  const d = dashboardData(runs, plan);
  const xs = (metric: string, candidate: string): number[] => d.charts.find((c) => c.metric === metric)!.series.find((s) => s.candidate === candidate)!.points.map((p) => p.x);
  assert.deepEqual(xs('macro_f1', 'logreg'), [1]);
  assert.deepEqual(xs('macro_f1', 'knn'), [2]);
  assert.deepEqual(xs('macro_f1', 'cnn'), [3, 4]);
  assert.deepEqual(xs('latency_ms', 'cnn'), [4], 'the same run has the same x in every chart');
  const lat = d.charts.find((c) => c.metric === 'latency_ms')!;
  assert.deepEqual([lat.xMin, lat.xMax], [1, 4]);
  // the 50 ms target is far above runs of 0.05–8.5 ms: off scale, and the axis stays on the data
  assert.equal(lat.axis.target, 'above');
  assert.ok(lat.axis.max < 20 && lat.axis.min < 0.05, JSON.stringify(lat.axis));
});

test('an empty history gives empty charts for the criteria and empty best rows', () => {
  const d = dashboardData([], plan);
  assert.equal(d.runCount, 0);
  assert.deepEqual(d.charts.map((c) => c.series.length), [0, 0]);
  assert.ok(d.charts.every((c) => Number.isFinite(c.xMin) && Number.isFinite(c.vMax) && c.axis.min < c.axis.max));
  assert.deepEqual(d.comparisons.map((c) => [c.metric, c.rows.length, c.missing.length]), [['macro_f1', 0, 3], ['latency_ms', 0, 3]]);
  assert.equal(d.best.every((b) => b.best === undefined), true);
});

test('lttb keeps the first and last points and the extremes, and returns at most the threshold', () => {
  const pts = Array.from({ length: 1000 }, (_, i) => ({ x: i, v: i === 500 ? 100 : i === 700 ? -100 : Math.sin(i / 10) }));
  const out = lttb(pts, 50);
  assert.equal(out.length, 50);
  assert.equal(out[0], pts[0]);
  assert.equal(out[out.length - 1], pts[999]);
  assert.ok(out.some((p) => p.v === 100) && out.some((p) => p.v === -100), 'spikes survive');
  for (let i = 1; i < out.length; i++) assert.ok(out[i].x > out[i - 1].x, 'run order kept');
  assert.equal(lttb(pts.slice(0, 10), 50).length, 10);
  assert.equal(lttb(pts, 2).length, 2);
  assert.deepEqual(lttb([], 10), []);
});

test('10,000 runs: every chart stays within the point bound and the whole computation is fast', () => {
  const candidates = ['logreg', 'knn', 'cnn'];
  const runs: RunRecord[] = [];
  for (let i = 0; i < 10_000; i++) {
    const c = candidates[i % 3];
    runs.push(run(i, c, { macro_f1: 0.5 + (i % 97) / 300, latency_ms: 10 + (i % 13), accuracy: 0.6 + (i % 89) / 400 },
      i % 50 === 0 ? { status: 'failed' } : {}));
  }
  const maxPointsPerChart = 1500;
  dashboardData(runs, plan, { maxPointsPerChart }); // warm-up
  const t0 = performance.now();
  const d = dashboardData(runs, plan, { maxPointsPerChart });
  const ms = performance.now() - t0;
  assert.equal(d.runCount, 10_000);
  assert.equal(d.okCount, 10_000 - 200);
  for (const chart of d.charts) {
    const points = chart.series.reduce((n, s) => n + s.points.length, 0);
    assert.ok(points <= maxPointsPerChart, `${chart.metric}: ${points} points`);
    assert.ok(points >= 3 * 60, `${chart.metric}: kept ${points} points`);
    const total = chart.series.reduce((n, s) => n + s.total, 0);
    assert.equal(total, 9800);
  }
  // the serialised payload the webview receives stays small
  const bytes = JSON.stringify(d).length;
  assert.ok(bytes < 500_000, `payload ${bytes} bytes`);
  assert.ok(ms < 500, `dashboardData took ${ms.toFixed(1)} ms for 10,000 runs`);
});
