import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { removeKey, renameKey, setScalar } from '../../../src/core/edit/keys';

const PLAN = 'version: 1\nproject:\n  name: X   # n\n  brief: docs/brief.md\nevaluation: { command: run }\n';

test('setScalar replaces an existing scalar only, quoting when needed', () => {
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['project', 'name'], 'a: b')), PLAN.replace('name: X ', 'name: "a: b" '));
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['evaluation', 'command'], 'python eval.py, fast')), PLAN.replace('{ command: run }', '{ command: "python eval.py, fast" }'));
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['version'], 1)), PLAN.replace('version: 1', 'version: 1'));
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['project', 'name'], '123')), PLAN.replace('name: X ', 'name: "123" '));
});

test('setScalar inserts a missing key in the schema order of its mapping', () => {
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['project', 'lead'], 'Dana')), PLAN.replace('# n\n', '# n\n  lead: Dana\n'));
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['project', 'runway'], '2027-03-31')), PLAN.replace('brief.md\n', 'brief.md\n  runway: 2027-03-31\n'));
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['evaluation', 'dataset'], 'data/test.csv')), PLAN.replace('run }', 'run, dataset: data/test.csv }'));
});

test('setScalar creates missing mappings where the schema puts them (goal after project, before evaluation)', () => {
  assert.equal(applyEdits(PLAN, setScalar(PLAN, ['goal', 'problem'], 'Tag songs')), PLAN.replace('evaluation:', 'goal:\n  problem: Tag songs\nevaluation:'));
});

test('removeKey removes the whole line(s) of a block pair', () => {
  assert.equal(applyEdits(PLAN, removeKey(PLAN, ['project', 'name'])), 'version: 1\nproject:\n  brief: docs/brief.md\nevaluation: { command: run }\n');
  assert.equal(applyEdits(PLAN, removeKey(PLAN, ['project'])), 'version: 1\nevaluation: { command: run }\n');
  const noBreak = 'a: 1\r\nb: 2';
  assert.equal(applyEdits(noBreak, removeKey(noBreak, ['b'])), 'a: 1');
  assert.deepEqual(removeKey(PLAN, ['nope']), []);
});

test('removeKey in a flow mapping takes one comma with the pair', () => {
  const text = 'x: { a: 1, b: 2, c: 3 }\n';
  assert.equal(applyEdits(text, removeKey(text, ['x', 'a'])), 'x: { b: 2, c: 3 }\n');
  assert.equal(applyEdits(text, removeKey(text, ['x', 'c'])), 'x: { a: 1, b: 2 }\n');
  assert.equal(applyEdits('x: { a: 1 }\n', removeKey('x: { a: 1 }\n', ['x', 'a'])), 'x: {}\n');
});

test('removeKey of the first key of a list item keeps the dash', () => {
  const text = 'c:\n  - id: a\n    name: A\n';
  assert.equal(applyEdits(text, removeKey(text, ['c', 0, 'id'])), 'c:\n  - name: A\n');
});

test('renameKey replaces only the key text', () => {
  const text = 'version: 1\nprojet:   # typo\n  name: X\nchecklist: { Develop: { a: done } }\n';
  assert.equal(applyEdits(text, renameKey(text, ['projet'], 'project')), text.replace('projet:', 'project:'));
  assert.equal(applyEdits(text, renameKey(text, ['checklist', 'Develop'], 'develop')), text.replace('Develop', 'develop'));
  assert.throws(() => renameKey(text, ['nope'], 'x'));
});

test('a block scalar (folded or literal) replaced by a one-line value keeps the next key on its own line', () => {
  for (const indicator of ['>-', '|', '|+', '>']) {
    const text = `decision:\n  rationale: ${indicator}\n    long folded\n    text\n\n  attendees: [a]\n`;
    assert.equal(applyEdits(text, setScalar(text, ['decision', 'rationale'], 'short')), 'decision:\n  rationale: short\n\n  attendees: [a]\n', indicator);
  }
});
