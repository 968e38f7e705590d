import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { assertRange, textOf } from '../helpers/plans';

// line 0 starts at 0, 1 at 11, 2 at 20, 3 at 33, 4 at 42, 5 at 50, 6 at 83, 7 at 99, 8 at 117, 9 at 128
const TEXT = [
  'version: 1',
  'project:',
  '  name: Demo',
  '  brief:',
  '  team:',
  '    - { name: Dana, role: lead }',
  '    - name: Lee',
  '      role: owner',
  'checklist:',
  '  develop: { brainstorming: done }',
  '',
].join('\n');
const source = parsePlan(TEXT).source;

test('a block key and its scalar value', () => {
  assertRange(source.keyRange(['project', 'name'])!, [2, 2, 2, 6], [22, 26]);
  assertRange(source.valueRange(['project', 'name'])!, [2, 8, 2, 12], [28, 32]);
  assert.equal(textOf(TEXT, source.valueRange(['project', 'name'])!), 'Demo');
});

test('a null value (`key:`): an empty value range right after the colon', () => {
  assertRange(source.keyRange(['project', 'brief'])!, [3, 2, 3, 7], [35, 40]);
  assertRange(source.valueRange(['project', 'brief'])!, [3, 8, 3, 8], [41, 41]);
  assert.equal(source.has(['project', 'brief']), true);
});

test('sequence items: a value range and no key range', () => {
  assertRange(source.valueRange(['project', 'team', 0])!, [5, 6, 5, 32], [56, 82]);
  assert.equal(textOf(TEXT, source.valueRange(['project', 'team', 0])!), '{ name: Dana, role: lead }');
  assert.equal(source.keyRange(['project', 'team', 0]), undefined);
  // rangeOf a sequence item falls back to its value
  assertRange(source.rangeOf(['project', 'team', 0])!, [5, 6, 5, 32], [56, 82]);
  // a block-mapping item starts at its first key
  assert.deepEqual([source.valueRange(['project', 'team', 1])!.start.line, source.valueRange(['project', 'team', 1])!.start.character], [6, 6]);
});

test('keys inside a flow map inside a sequence, and inside a block item', () => {
  assertRange(source.keyRange(['project', 'team', 0, 'name'])!, [5, 8, 5, 12], [58, 62]);
  assertRange(source.valueRange(['project', 'team', 0, 'name'])!, [5, 14, 5, 18], [64, 68]);
  assertRange(source.keyRange(['project', 'team', 1, 'role'])!, [7, 6, 7, 10], [105, 109]);
  assertRange(source.valueRange(['project', 'team', 1, 'role'])!, [7, 12, 7, 17], [111, 116]);
});

test('a flow map value and its nested key', () => {
  assertRange(source.valueRange(['checklist', 'develop'])!, [9, 11, 9, 34], [139, 162]);
  assertRange(source.keyRange(['checklist', 'develop', 'brainstorming'])!, [9, 13, 9, 26], [141, 154]);
  assertRange(source.valueRange(['checklist', 'develop', 'brainstorming'])!, [9, 28, 9, 32], [156, 160]);
});

test('rangeOf prefers the key, and falls back to the nearest existing ancestor', () => {
  assertRange(source.rangeOf(['project', 'name'])!, [2, 2, 2, 6]);
  assertRange(source.rangeOf(['project', 'lead'])!, [1, 0, 1, 7], [11, 18]);
  assertRange(source.rangeOf(['project', 'nope', 'deeper'])!, [1, 0, 1, 7], [11, 18]);
  assert.equal(source.keyRange(['project', 'lead']), undefined);
  assert.equal(source.valueRange(['project', 'lead']), undefined);
  assert.equal(source.has(['project', 'lead']), false);
  assert.equal(source.has(['project', 'team', 1, 'role']), true);
});

test('pathAt finds the deepest path under an offset, in keys and in values', () => {
  assert.deepEqual(source.pathAt(0), ['version']);
  assert.deepEqual(source.pathAt(24), ['project', 'name']); // in the key "name"
  assert.deepEqual(source.pathAt(30), ['project', 'name']); // in the value "Demo"
  assert.deepEqual(source.pathAt(41), ['project', 'brief']); // the empty value of `brief:`
  assert.deepEqual(source.pathAt(66), ['project', 'team', 0, 'name']);
  assert.deepEqual(source.pathAt(112), ['project', 'team', 1, 'role']);
  assert.deepEqual(source.pathAt(150), ['checklist', 'develop', 'brainstorming']);
  assert.deepEqual(source.pathAt(157), ['checklist', 'develop', 'brainstorming']);
  assert.deepEqual(source.pathAt(135), ['checklist', 'develop']);
});

test('an unreadable text has an empty source map: rangeOf falls back to 0:0', () => {
  const empty = parsePlan('').source;
  assert.equal(empty.has(['project']), false);
  assert.equal(empty.pathAt(0), undefined);
  assertRange(empty.rangeOf(['project', 'name'])!, [0, 0, 0, 0], [0, 0]);
});

test('ranges in a CRLF text: same line/character as LF', () => {
  const crlf = TEXT.replace(/\n/g, '\r\n');
  const s = parsePlan(crlf).source;
  assertRange(s.valueRange(['project', 'team', 1, 'role'])!, [7, 12, 7, 17], [118, 123]);
  assert.equal(textOf(crlf, s.valueRange(['project', 'team', 1, 'role'])!), 'owner');
});
