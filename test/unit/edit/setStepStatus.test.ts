import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { setStepStatus, type StepStatusOptions } from '../../../src/core/edit/setStepStatus';
import type { PhaseId, StepStatus } from '../../../src/core/model';

function set(text: string, phase: PhaseId, step: string, status: StepStatus, options?: StepStatusOptions): string {
  return applyEdits(text, setStepStatus(text, phase, step, status, options));
}

const lines = (...l: string[]): string => l.join('\n');

const PLAN = lines(
  '# the plan',
  'version: 1',
  'project:',
  '  name: "Genre tagger"   # quoted on purpose',
  'checklist:               # status per step',
  '  discover: { business-understanding: done, data-understanding: todo }   # flow phase',
  '  define:',
  '    data-preparation: todo   # bare step',
  '    baseline:',
  '      status: todo         # block step',
  '      title: Baseline',
  '',
  '  deliver:',
  "    label-audit: { status: 'todo', title: Audit labels }",
  'candidates: []',
  '',
);

test('bare step: only the scalar changes, its comment stays', () => {
  assert.equal(set(PLAN, 'define', 'data-preparation', 'in-progress'), PLAN.replace('data-preparation: todo   # bare', 'data-preparation: in-progress   # bare'));
});

test('step in a flow phase mapping', () => {
  assert.equal(set(PLAN, 'discover', 'data-understanding', 'done'), PLAN.replace('data-understanding: todo }', 'data-understanding: done }'));
});

test('block step mapping: the status value only', () => {
  assert.equal(set(PLAN, 'define', 'baseline', 'done'), PLAN.replace('status: todo         # block', 'status: done         # block'));
});

test('a quoted status in a flow step mapping keeps its quotes', () => {
  assert.equal(set(PLAN, 'deliver', 'label-audit', 'skipped'), PLAN.replace("{ status: 'todo', title", "{ status: 'skipped', title"));
});

test('the same status again gives no edits', () => {
  assert.deepEqual(setStepStatus(PLAN, 'discover', 'business-understanding', 'done'), []);
  assert.deepEqual(setStepStatus(PLAN, 'define', 'baseline', 'todo'), []);
});

test('missing step in a block phase: one new line after the last entry, at the sibling indentation', () => {
  assert.equal(set(PLAN, 'define', 'new-step', 'done'), PLAN.replace('      title: Baseline\n', '      title: Baseline\n    new-step: done\n'));
});

test('missing step in a flow phase: before the closing brace', () => {
  assert.equal(set(PLAN, 'discover', 'project-brief', 'in-progress'), PLAN.replace('data-understanding: todo }', 'data-understanding: todo, project-brief: in-progress }'));
});

test('missing phase: inserted under checklist in phase order, as a block next to block phases', () => {
  const expected = PLAN.replace('      title: Baseline\n', '      title: Baseline\n  develop:\n    literature-review: done\n');
  assert.equal(set(PLAN, 'develop', 'literature-review', 'done'), expected);
  const last = set(PLAN, 'deployment', 'serving', 'todo');
  assert.equal(last, PLAN.replace('title: Audit labels }\n', 'title: Audit labels }\n  deployment:\n    serving: todo\n'));
});

test('missing first phase goes before the first existing one; flow next to flow phases', () => {
  const text = lines('version: 1', 'checklist:', '  define: { baseline: done }', '  develop: { brainstorming: todo }', '');
  assert.equal(set(text, 'discover', 'project-brief', 'done'), lines('version: 1', 'checklist:', '  discover: { project-brief: done }', '  define: { baseline: done }', '  develop: { brainstorming: todo }', ''));
  assert.equal(set(text, 'deliver', 'tuning', 'todo'), lines('version: 1', 'checklist:', '  define: { baseline: done }', '  develop: { brainstorming: todo }', '  deliver: { tuning: todo }', ''));
});

test('checklist written as a flow mapping', () => {
  const text = 'version: 1\nchecklist: { develop: { a: todo } }\n';
  assert.equal(set(text, 'define', 'baseline', 'done'), 'version: 1\nchecklist: { define: { baseline: done }, develop: { a: todo } }\n');
  assert.equal(set(text, 'deliver', 'tuning', 'done'), 'version: 1\nchecklist: { develop: { a: todo }, deliver: { tuning: done } }\n');
});

test('missing checklist: a block after the keys the schema puts before it', () => {
  const text = 'version: 1\nproject:\n  name: X\n# end\n';
  assert.equal(set(text, 'define', 'baseline', 'done'), 'version: 1\nproject:\n  name: X\nchecklist:\n  define:\n    baseline: done\n# end\n');
  assert.equal(set('version: 1', 'define', 'baseline', 'done'), 'version: 1\nchecklist:\n  define:\n    baseline: done');
  assert.equal(set('', 'define', 'baseline', 'done'), 'checklist:\n  define:\n    baseline: done\n');
});

test('the file indentation unit is kept for new blocks', () => {
  const text = 'version: 1\nproject:\n    name: X\n';
  assert.equal(set(text, 'define', 'baseline', 'done'), `${text}checklist:\n    define:\n        baseline: done\n`);
});

test('empty checklist and empty phase values are filled below their key', () => {
  assert.equal(set('version: 1\nchecklist:   # later\nx: 1\n', 'define', 'baseline', 'done'), 'version: 1\nchecklist:   # later\n  define:\n    baseline: done\nx: 1\n');
  assert.equal(set('version: 1\nchecklist: ~\n', 'define', 'baseline', 'done'), 'version: 1\nchecklist:\n  define:\n    baseline: done\n');
  assert.equal(set('checklist:\n  develop:\n  deliver: {}\n', 'develop', 'x', 'done'), 'checklist:\n  develop:\n    x: done\n  deliver: {}\n');
  assert.equal(set('checklist:\n  develop:\n  deliver: {}\n', 'deliver', 'x', 'done'), 'checklist:\n  develop:\n  deliver: { x: done }\n');
  assert.equal(set('checklist:\n  develop:\n    x:\n', 'develop', 'x', 'done'), 'checklist:\n  develop:\n    x: done\n');
});

test('CRLF file: CRLF in inserted lines, the rest byte for byte', () => {
  const text = 'version: 1\r\nchecklist:\r\n  define:\r\n    baseline: todo # b\r\nx: 1\r\n';
  assert.equal(set(text, 'define', 'baseline', 'done'), 'version: 1\r\nchecklist:\r\n  define:\r\n    baseline: done # b\r\nx: 1\r\n');
  assert.equal(set(text, 'define', 'data-preparation', 'done'), 'version: 1\r\nchecklist:\r\n  define:\r\n    baseline: todo # b\r\n    data-preparation: done\r\nx: 1\r\n');
  assert.equal(set(text, 'deliver', 'tuning', 'done'), 'version: 1\r\nchecklist:\r\n  define:\r\n    baseline: todo # b\r\n  deliver:\r\n    tuning: done\r\nx: 1\r\n');
  assert.equal(set('version: 1\r\n', 'deliver', 'tuning', 'done'), 'version: 1\r\nchecklist:\r\n  deliver:\r\n    tuning: done\r\n');
});

test('skipped with a reason: a bare step becomes a flow mapping, reason quoted only when needed', () => {
  assert.equal(
    set(PLAN, 'define', 'data-preparation', 'skipped', { reason: 'the data is fixed: a public benchmark' }),
    PLAN.replace('data-preparation: todo', 'data-preparation: { status: skipped, reason: "the data is fixed: a public benchmark" }'),
  );
  assert.equal(
    set(PLAN, 'discover', 'data-understanding', 'skipped', { reason: 'known data' }),
    PLAN.replace('data-understanding: todo }', 'data-understanding: { status: skipped, reason: known data } }'),
  );
  assert.equal(
    set(PLAN, 'discover', 'data-understanding', 'skipped', { reason: 'a, b' }),
    PLAN.replace('data-understanding: todo }', 'data-understanding: { status: skipped, reason: "a, b" } }'),
  );
});

test('skipped with a reason: a reason key is inserted in a mapping, or replaced', () => {
  assert.equal(
    set(PLAN, 'define', 'baseline', 'skipped', { reason: 'no data yet' }),
    PLAN.replace('status: todo         # block step\n      title: Baseline\n', 'status: skipped         # block step\n      title: Baseline\n      reason: no data yet\n'),
  );
  assert.equal(
    set(PLAN, 'deliver', 'label-audit', 'skipped', { reason: 'done upstream' }),
    PLAN.replace("{ status: 'todo', title: Audit labels }", "{ status: 'skipped', title: Audit labels, reason: done upstream }"),
  );
  const withReason = 'checklist:\n  define:\n    baseline: { status: skipped, reason: old }\n';
  assert.equal(set(withReason, 'define', 'baseline', 'skipped', { reason: 'new one' }), 'checklist:\n  define:\n    baseline: { status: skipped, reason: new one }\n');
});

test('a step mapping without status gets it first; a missing custom step gets its title', () => {
  assert.equal(set('checklist:\n  develop:\n    x: { title: X }\n', 'develop', 'x', 'done'), 'checklist:\n  develop:\n    x: { status: done, title: X }\n');
  assert.equal(set('checklist:\n  develop:\n    x:\n      title: X\n', 'develop', 'x', 'done'), 'checklist:\n  develop:\n    x:\n      status: done\n      title: X\n');
  assert.equal(set('checklist:\n  develop: { a: done }\n', 'develop', 'label-audit', 'todo', { title: 'Audit 500 labels' }), 'checklist:\n  develop: { a: done, label-audit: { status: todo, title: Audit 500 labels } }\n');
});
