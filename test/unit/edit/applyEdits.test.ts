import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, OverlappingEditsError } from '../../../src/core/edit/applyEdits';

test('edits in any order, touching edits and insertions at one offset in the given order', () => {
  assert.equal(applyEdits('abcdef', [{ start: 4, end: 6, newText: 'X' }, { start: 0, end: 1, newText: 'Y' }]), 'YbcdX');
  assert.equal(applyEdits('abc', [{ start: 1, end: 2, newText: 'B' }, { start: 2, end: 2, newText: '+' }]), 'aB+c');
  assert.equal(applyEdits('abc', [{ start: 1, end: 1, newText: '1' }, { start: 1, end: 1, newText: '2' }]), 'a12bc');
  assert.equal(applyEdits('abc', []), 'abc');
});

test('overlapping or out-of-range edits throw', () => {
  assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), OverlappingEditsError);
  assert.throws(() => applyEdits('abc', [{ start: 2, end: 5, newText: '' }]), RangeError);
  assert.throws(() => applyEdits('abc', [{ start: 2, end: 1, newText: '' }]), RangeError);
});
