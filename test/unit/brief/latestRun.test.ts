// The latest result a candidate shows in the brief and the decision record: its newest successful run with metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestRunByCandidate, type RunSummary } from '../../../src/core/brief/runs';

const run = (candidate: string, status: string, end: string, metrics: Record<string, number>): RunSummary => ({ candidate, status, end, metrics });

test('a later failed run that left metrics, or a run without metrics, does not replace the last successful result', () => {
  const ok = run('cnn', 'ok', '2026-12-01T10:00:00Z', { acc: 0.81 });
  const latest = latestRunByCandidate([
    ok,
    run('cnn', 'failed', '2026-12-01T11:00:00Z', { acc: 0.99 }),
    run('cnn', 'timeout', '2026-12-01T12:00:00Z', { acc: 0.5 }),
    run('cnn', 'ok', '2026-12-01T13:00:00Z', {}),
    run('knn', 'failed', '2026-12-01T09:00:00Z', { acc: 0.7 }),
  ]);
  assert.equal(latest.get('cnn'), ok);
  assert.equal(latest.has('knn'), false, 'a candidate whose only run failed has no result');
});

test('of successful runs with metrics, the one that ended last', () => {
  const later = run('cnn', 'ok', '2026-12-01T12:00:00Z', { acc: 0.83 });
  assert.equal(latestRunByCandidate([later, run('cnn', 'ok', '2026-12-01T10:00:00Z', { acc: 0.81 })]).get('cnn'), later);
});
