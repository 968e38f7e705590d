// mergeAtSamePlace groups parser errors through an interval index instead of comparing every pair: the groups must
// be exactly the ones the plain definition gives (each error joins the earliest group that holds an error at the
// same place), on small random inputs and on a file with tens of thousands of errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeAtSamePlace, type CodedDiagnostic } from '../../../src/core/parse/mergeYamlErrors';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { Diagnostic } from '../../../src/core/types';

/** The definition, pair by pair: the earliest group with an overlapping range or a start on the same line. */
function groupsByDefinition(items: readonly CodedDiagnostic[]): CodedDiagnostic[][] {
  const samePlace = (a: Diagnostic, b: Diagnostic): boolean =>
    (a.range.startOffset <= b.range.endOffset && b.range.startOffset <= a.range.endOffset) || a.range.start.line === b.range.start.line;
  const groups: CodedDiagnostic[][] = [];
  for (const item of items) {
    const group = groups.find((g) => g.some((other) => samePlace(other.diagnostic, item.diagnostic)));
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups;
}

const CODES = ['BLOCK_AS_IMPLICIT_KEY', 'MISSING_CHAR', 'TAB_AS_INDENT', 'DUPLICATE_KEY', 'BAD_INDENT'];

function itemsOf(lines: LineIndex, spans: [number, number, number][]): CodedDiagnostic[] {
  return spans.map(([start, length, code], i) => ({
    code: CODES[code],
    diagnostic: { code: 'yaml-syntax', severity: 'error', message: `error ${i}`, range: lines.range(start, start + length) },
  }));
}

test('the groups are the definition\'s, for random errors over a short text', () => {
  const text = 'a: 1\nbb: [x, y\n  c: "d\n\te: f\n- g\nh: i\n';
  const lines = new LineIndex(text);
  const span = fc.tuple(fc.nat(text.length), fc.nat(12), fc.nat(CODES.length - 1));
  fc.assert(fc.property(fc.array(span, { maxLength: 14 }), (spans) => {
    const items = itemsOf(lines, spans);
    const expected = groupsByDefinition(items);
    const merged = mergeAtSamePlace(items);
    assert.equal(merged.length, expected.length);
    // each merged diagnostic starts as its group's first error and spans every error of the group
    merged.forEach((d, i) => {
      const group = expected[i].map((g) => g.diagnostic.range);
      assert.equal(d.severity, expected[i][0].diagnostic.severity);
      assert.equal(d.range.startOffset, Math.min(...group.map((r) => r.startOffset)));
      assert.equal(d.range.endOffset, Math.max(...group.map((r) => r.endOffset)));
      if (expected[i].length === 1) assert.equal(d, expected[i][0].diagnostic);
    });
  }), { numRuns: 2000, seed: 7 });
});

test('a chain of overlapping errors joins the earliest group it touches, not a later one', () => {
  const lines = new LineIndex('0123456789\n0123456789\n0123456789\n');
  // 0: [0,1]  1: line 1 [11,12]  2: line 2 [22,23]  3: spans [12,22]: touches groups 1 and 2, joins 1
  const merged = mergeAtSamePlace(itemsOf(lines, [[0, 1, 2], [11, 1, 2], [22, 1, 2], [12, 10, 2]]));
  assert.deepEqual(merged.map((d) => [d.range.startOffset, d.range.endOffset]), [[0, 1], [11, 22], [22, 23]]);
});

test('a file with 20,000 duplicate keys: one diagnostic on each repeated key, in order', () => {
  const text = 'version: 1\n' + Array.from({ length: 20_001 }, (_, i) => `k: ${i}\n`).join('');
  const syntax = parsePlan(text).diagnostics.filter((d) => d.code === 'yaml-syntax');
  assert.deepEqual(syntax.map((d) => d.range.start.line), Array.from({ length: 20_000 }, (_, i) => i + 2));
  assert.ok(syntax.every((d) => /^Duplicate key/.test(d.message) && text.slice(d.range.startOffset, d.range.endOffset) === 'k'));
});

test('many errors on one long line become one diagnostic over all of them', () => {
  const items = Array.from({ length: 5000 }, (_, i): [number, number, number] => [i * 3, 1, 1]);
  const lines = new LineIndex('x'.repeat(15_001));
  const merged = mergeAtSamePlace(itemsOf(lines, items));
  assert.equal(merged.length, 1);
  assert.deepEqual([merged[0].range.startOffset, merged[0].range.endOffset], [0, 14_998]);
});
