// The process fits a baseline first: pickers list a baseline without a run first, and Record Model Decision warns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineFirst } from '../../../src/core/process/pickOrder';
import { baselineGap } from '../../../src/core/decision/baselineCheck';
import { byPitfallNumber } from '../../../src/core/pitfallsByStep';
import { allRuleInfo } from '../../../src/core/rules/ruleInfo';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { baselineHasSuccessfulRun, hasSuccessfulRunIn } from '../../../src/core/runs/compare';
import { milestones } from '../../../src/core/milestones';
import { evidenceFor } from '../../../src/core/state/evidence';
import { emptyFacts } from '../../../src/core/state/facts';

const CANDIDATES = [{ id: 'cnn' }, { id: 'knn' }, { id: 'logreg', baseline: true }, { id: 'majority', baseline: true }];

test('baselines without a run come first, in their order; once they have one the given order stands', () => {
  assert.deepEqual(baselineFirst(CANDIDATES, () => false).map((c) => c.id), ['logreg', 'majority', 'cnn', 'knn']);
  assert.deepEqual(baselineFirst(CANDIDATES, (id) => id === 'logreg').map((c) => c.id), ['majority', 'cnn', 'knn', 'logreg']);
  assert.deepEqual(baselineFirst(CANDIDATES, () => true).map((c) => c.id), ['cnn', 'knn', 'logreg', 'majority']);
});

const run = (candidate: string, status: RunRecord['status']) => ({ candidate, status }) as RunRecord;

test('baselineGap: nothing once a baseline has a successful run; says which baseline lacks one, or that none is marked', () => {
  const plan = { candidates: CANDIDATES };
  assert.equal(baselineGap(plan, [run('logreg', 'ok')]), undefined);
  const failed = baselineGap(plan, [run('logreg', 'failed'), run('cnn', 'ok')]);
  assert.deepEqual(failed?.baselines, ['logreg', 'majority']);
  assert.match(failed!.message, /logreg, majority has no successful evaluation run/);
  const none = baselineGap({ candidates: [{ id: 'cnn' }] }, [run('cnn', 'ok')]);
  assert.deepEqual(none?.baselines, []);
  assert.match(none!.message, /No candidate is marked as the baseline/);
});

test('one meaning of "the baseline has a successful run": the decision warning, the milestone, the evidence and the pickers agree', () => {
  const plan = { candidates: CANDIDATES };
  const histories = [[], [run('logreg', 'failed')], [run('cnn', 'ok')], [run('majority', 'metrics-error'), run('majority', 'ok')], [run('logreg', 'timeout'), run('knn', 'ok')]];
  const expected = [false, false, false, true, false];
  histories.forEach((runs, i) => {
    const facts = { ...emptyFacts(), runs };
    assert.equal(baselineHasSuccessfulRun(plan, runs), expected[i], `history ${i}`);
    assert.equal(baselineGap(plan, runs) === undefined, expected[i], `baselineGap, history ${i}`);
    assert.equal(milestones(plan, facts).baselineRun, expected[i], `milestone, history ${i}`);
    assert.equal(evidenceFor('baseline', undefined, plan, facts)?.seen, expected[i], `evidence, history ${i}`);
  });
  // the pickers: a baseline whose runs all failed still comes first; one with an ok run takes its place again
  assert.deepEqual(baselineFirst(CANDIDATES, hasSuccessfulRunIn([run('logreg', 'failed'), run('majority', 'ok'), run('cnn', 'ok')])).map((c) => c.id), ['logreg', 'cnn', 'knn', 'majority']);
});

test('pitfalls by number, other codes last, ties in their order', () => {
  const pitfalls = allRuleInfo().filter((r) => r.pitfall !== undefined);
  assert.ok(pitfalls.length >= 5);
  const byNumber = [...pitfalls].sort((a, b) => b.pitfall! - a.pitfall!); // descending, to be reordered
  const items = [{ code: 'schema', n: 0 }, ...byNumber.map((r, i) => ({ code: r.code, n: i + 1 }))];
  const sorted = byPitfallNumber(items, (i) => i.code);
  const numbers = sorted.map((i) => allRuleInfo().find((r) => r.code === i.code)?.pitfall ?? Infinity);
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
  assert.equal(sorted[sorted.length - 1].code, 'schema');
  // Ties: no two rules share a pitfall number, but several diagnostics of one rule share its number and every code
  // without one shares the last place; each keeps its order.
  const [first, second] = [...pitfalls].sort((a, b) => a.pitfall! - b.pitfall!);
  assert.ok(first.pitfall! < second.pitfall!);
  const tied = [{ code: 'schema', n: 0 }, { code: second.code, n: 1 }, { code: first.code, n: 2 }, { code: 'not-a-rule', n: 3 }, { code: second.code, n: 4 }, { code: first.code, n: 5 }];
  assert.deepEqual(byPitfallNumber(tied, (i) => i.code).map((i) => i.n), [2, 5, 1, 4, 0, 3]);
});
