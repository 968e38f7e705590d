// Mark Steps with Evidence as Done: several steps in one set of minimal edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { markStepsDone } from '../../../src/core/edit/markStepsDone';

test('existing steps change only their status scalars; each edit is its own small range', () => {
  const text = 'checklist:\n  discover: { business-understanding: in-progress, data-understanding: todo }   # keep\n  develop:\n    literature-review: { status: todo, evidence: docs/lit.md }\n';
  const edits = markStepsDone(text, [
    { phase: 'discover', id: 'business-understanding' },
    { phase: 'discover', id: 'data-understanding' },
    { phase: 'develop', id: 'literature-review' },
  ]);
  assert.equal(edits.length, 3);
  for (const e of edits) assert.ok(e.end - e.start <= 'in-progress'.length, JSON.stringify(e));
  assert.equal(applyEdits(text, edits), 'checklist:\n  discover: { business-understanding: done, data-understanding: done }   # keep\n  develop:\n    literature-review: { status: done, evidence: docs/lit.md }\n');
});

test('two new steps of a missing phase share one new phase entry; a missing checklist is added once', () => {
  const text = 'version: 1\nchecklist:\n  discover: { business-understanding: done }\n';
  const out = applyEdits(text, markStepsDone(text, [{ phase: 'define', id: 'data-preparation' }, { phase: 'define', id: 'baseline' }]));
  assert.equal(out, 'version: 1\nchecklist:\n  discover: { business-understanding: done }\n  define: { data-preparation: done, baseline: done }\n');
  const none = 'version: 1\r\n';
  const added = applyEdits(none, markStepsDone(none, [{ phase: 'develop', id: 'brainstorming' }, { phase: 'discover', id: 'project-brief' }]));
  assert.ok(added.startsWith('version: 1\r\n') && !/[^\r]\n/.test(added), JSON.stringify(added));
  assert.deepEqual(parse(added).checklist, { develop: { brainstorming: 'done' }, discover: { 'project-brief': 'done' } });
});
