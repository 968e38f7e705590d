// Dates the schema's YYYY-MM-DD pattern accepts but the calendar does not: every date field the schema has is
// checked, in list items too, each reported once on its own path, in document order, and nothing else is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { impossibleDateProblems } from '../../../src/core/schema/dates';

test('impossible dates in the runway, the decision and each reality check, in order, with their paths', () => {
  const problems = impossibleDateProblems({
    project: { name: 'X', runway: '2027-02-30' },
    decision: { date: '2026-04-31' },
    reality_checks: [{ kind: 'demo', date: '2026-02-28' }, { kind: 'demo', date: '2026-02-29' }, { kind: 'x' }, { date: '2026-13-01' }],
  });
  assert.deepEqual(problems.map((p) => [p.path, p.prune, p.on]), [
    [['project', 'runway'], ['project', 'runway'], 'value'],
    [['decision', 'date'], ['decision', 'date'], 'value'],
    [['reality_checks', 1, 'date'], ['reality_checks', 1, 'date'], 'value'],
    [['reality_checks', 3, 'date'], ['reality_checks', 3, 'date'], 'value'],
  ]);
  assert.equal(problems[2].message, 'Invalid date "2026-02-29" for reality_checks[1].date: there is no such day in the calendar. Write a real date as YYYY-MM-DD.');
  // each problem has a path of its own, not a shared one
  assert.notEqual(problems[2].path, problems[3].path);
});

test('real dates, other shapes and values that are not text are not reported', () => {
  assert.deepEqual(impossibleDateProblems({
    project: { runway: '2028-02-29' }, decision: { date: '31.04.2026' }, reality_checks: [{ date: 20260431 }, 'not a mapping', null],
  }), []);
  assert.deepEqual(impossibleDateProblems({ reality_checks: { not: 'a list' }, project: null }), []);
  assert.deepEqual(impossibleDateProblems('text'), []);
});
