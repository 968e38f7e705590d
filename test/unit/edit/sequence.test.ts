import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { flow } from '../../../src/core/edit/render';
import { addCandidate, addLiterature, addRealityCheck, appendItem } from '../../../src/core/edit/sequence';

test('block list of flow items: a new `- { ... }` line after the last item, comments kept', () => {
  const text = 'candidates:\n  - { id: a, name: A }   # baseline\n  - { id: b, name: B }\n# after\ndecision: {}\n';
  const out = applyEdits(text, addCandidate(text, { id: 'cnn', name: 'CNN: mel spectrograms', expected_gain: 'high', cost: 'medium' }));
  assert.equal(out, 'candidates:\n  - { id: a, name: A }   # baseline\n  - { id: b, name: B }\n  - { id: cnn, name: "CNN: mel spectrograms", expected_gain: high, cost: medium }\n# after\ndecision: {}\n');
});

test('block list of block mappings: a block item at the same columns', () => {
  const text = 'literature:\n- title: A\n  url: u\nx: 1\n';
  assert.equal(applyEdits(text, addLiterature(text, { title: 'B', takeaway: 'x, y' })), 'literature:\n- title: A\n  url: u\n- title: B\n  takeaway: x, y\nx: 1\n');
});

test('flow list: before the closing bracket; one item per line when the list is written so', () => {
  const text = 'reality_checks: [ { kind: demo } ]\n';
  assert.equal(applyEdits(text, addRealityCheck(text, { kind: 'pilot', plan: 'a week' })), 'reality_checks: [ { kind: demo }, { kind: pilot, plan: a week } ]\n');
  assert.equal(applyEdits('x: []\n', appendItem('x: []\n', ['x'], 'a')), 'x: [ a ]\n');
  const multi = 'x: [\n  1,\n  2,\n]\n';
  assert.equal(applyEdits(multi, appendItem(multi, ['x'], 3)), 'x: [\n  1,\n  2,\n  3,\n]\n');
  const noComma = 'x: [\r\n  1,\r\n  2\r\n]\r\n';
  assert.equal(applyEdits(noComma, appendItem(noComma, ['x'], 3)), 'x: [\r\n  1,\r\n  2,\r\n  3\r\n]\r\n');
});

test('missing or empty list: a new block', () => {
  const text = 'version: 1\nproject: { name: X }\n';
  assert.equal(applyEdits(text, addCandidate(text, { id: 'a', name: 'A', baseline: true })), `${text}candidates:\n  - { id: a, name: A, baseline: true }\n`);
  const empty = 'candidates:   # none yet\nx: 1\n';
  assert.equal(applyEdits(empty, addCandidate(empty, { id: 'a', name: 'A' })), 'candidates:   # none yet\n  - { id: a, name: A }\nx: 1\n');
});

test('a list key holding something else is refused', () => {
  assert.throws(() => addCandidate('candidates: oops\n', { id: 'a', name: 'A' }), /not a list/);
});

test('an item marked flow() stays one flow line even among block items', () => {
  const text = 'literature:\n- title: A\n  url: u\n';
  assert.equal(applyEdits(text, appendItem(text, ['literature'], flow({ title: 'B' }))), 'literature:\n- title: A\n  url: u\n- { title: B }\n');
});

test('a baseline candidate among block-mapping items: `baseline: true` as a key of its own, no gain or cost', () => {
  const text = 'candidates:\n  - id: cnn\n    name: CNN\n    expected_gain: high\n';
  assert.equal(applyEdits(text, addCandidate(text, { id: 'majority', name: 'Majority class', baseline: true })),
    'candidates:\n  - id: cnn\n    name: CNN\n    expected_gain: high\n  - id: majority\n    name: Majority class\n    baseline: true\n');
});

test('a candidate id the list already has is refused', () => {
  assert.throws(() => addCandidate('candidates:\n  - { id: knn, name: kNN }\n', { id: 'knn', name: 'again' }), /"knn" is already a candidate/);
  assert.throws(() => addCandidate('candidates:\n  - id: knn\n    name: kNN\n', { id: 'knn', name: 'again' }), /already a candidate/);
});
