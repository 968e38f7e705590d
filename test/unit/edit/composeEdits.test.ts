import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { composeEdits, mapSteps, type EditStep } from '../../../src/core/edit/composeEdits';
import type { TextEdit } from '../../../src/core/types';

/** Applies the steps one after the other, the reference composeEdits must match. */
function sequential(text: string, steps: EditStep[]): string {
  return steps.reduce((t, step) => applyEdits(t, step(t)), text);
}

test('separate places stay separate edits; every byte between them is untouched', () => {
  const text = 'aaa\nbbb\nccc\n';
  const steps: EditStep[] = [
    (t) => [{ start: t.indexOf('ccc'), end: t.indexOf('ccc') + 3, newText: 'CCC' }],
    () => [{ start: 0, end: 0, newText: '# note\n' }],
    (t) => [{ start: t.indexOf('bbb'), end: t.indexOf('bbb') + 1, newText: 'B' }],
  ];
  const edits = composeEdits(text, steps);
  assert.deepEqual(edits, [
    { start: 0, end: 0, newText: '# note\n' },
    { start: 4, end: 5, newText: 'B' },
    { start: 8, end: 11, newText: 'CCC' },
  ]);
  assert.equal(applyEdits(text, edits), sequential(text, steps));
});

test('an edit inside text an earlier step inserted merges with it', () => {
  const text = 'x: 1\n';
  const steps: EditStep[] = [
    (t) => [{ start: t.length, end: t.length, newText: 'y:\n  a: 1\n' }],
    (t) => [{ start: t.indexOf('  a: 1') + 6, end: t.indexOf('  a: 1') + 6, newText: '\n  b: 2' }],
  ];
  assert.deepEqual(composeEdits(text, steps), [{ start: 5, end: 5, newText: 'y:\n  a: 1\n  b: 2\n' }]);
});

test('no steps, or steps without edits: no edits', () => {
  assert.deepEqual(composeEdits('abc', []), []);
  assert.deepEqual(composeEdits('abc', [() => []]), []);
});

const stepArb = fc.array(fc.record({ a: fc.nat(), b: fc.nat(), text: fc.string({ maxLength: 4 }) }), { minLength: 1, maxLength: 3 });

test('property: the mapped edits equal applying the steps in turn', () => {
  fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.array(stepArb, { maxLength: 5 }), (text, raw) => {
    const steps: EditStep[] = raw.map((edits) => (t: string) => {
      // non-overlapping edits of the current text, from the random numbers
      const out: TextEdit[] = [];
      let from = 0;
      for (const e of edits) {
        if (from > t.length) break;
        const start = from + (e.a % (t.length - from + 1));
        const end = start + (e.b % (t.length - start + 1));
        out.push({ start, end, newText: e.text });
        from = end + 1;
      }
      return out;
    });
    const expected = sequential(text, steps);
    const { edits, after } = mapSteps(text, steps);
    assert.equal(after, expected);
    assert.equal(applyEdits(text, edits), expected, 'the mapped edits give the same text (no fallback needed)');
    assert.deepEqual(composeEdits(text, steps), edits);
  }), { numRuns: 500 });
});
