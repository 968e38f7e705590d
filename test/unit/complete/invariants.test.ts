// Invariants of completion over every cursor position of the example plans, and of plans cut off anywhere (as while
// typing): it never throws, every item replaces a range on the cursor's line that contains the cursor, and no
// label is offered twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { completionsAt } from '../../../src/core/complete/completionsAt';
import { parsePlan } from '../../../src/core/parse/parsePlan';

const EXAMPLES = ['genre-tagger', 'in-trouble'].map((name) => readFileSync(path.join(__dirname, '../../../examples', name, '.mlproject.yaml'), 'utf8'));

const plans = new Map<string, ReturnType<typeof parsePlan>['plan']>();
const planOf = (text: string) => plans.get(text) ?? plans.set(text, parsePlan(text).plan).get(text)!;

/** How many items all the checks saw: a completion that always offered nothing would pass every check. */
let offered = 0;

function check(text: string, offset: number): void {
  const items = completionsAt(text, offset, () => planOf(text));
  offered += items.length;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const seen = new Set<string>();
  for (const item of items) {
    const where = `${JSON.stringify(item.label)} at ${offset}: ${JSON.stringify(text.slice(lineStart, lineEnd))}`;
    assert.ok(item.range.start >= lineStart && item.range.start <= offset && item.range.end >= offset && item.range.end <= lineEnd, `range ${where}`);
    assert.ok(!seen.has(item.label), `twice: ${where}`);
    seen.add(item.label);
  }
}

test('every offset of the examples', () => {
  for (const text of EXAMPLES) for (let offset = 0; offset <= text.length; offset++) check(text, offset);
  assert.ok(offered > 0, 'no completion item anywhere in the examples');
});

test('plans cut off anywhere, the cursor at the cut or inside the last lines', () => {
  fc.assert(fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), fc.nat(40), (full, cut, back) => {
    const text = full.slice(0, cut % (full.length + 1));
    check(text, Math.max(0, text.length - back));
  }), { numRuns: 400 });
});
