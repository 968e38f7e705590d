// One YAML mistake gives one yaml-syntax diagnostic, covering every parser error at that place, with one message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';

const syntax = (text: string) => parsePlan(text).diagnostics.filter((d) => d.code === 'yaml-syntax');

test('a key indented too far: one diagnostic over the line, saying what to check', () => {
  const text = 'version: 1\nproject:\n  name: a\n    lead: b\n';
  const [d, ...rest] = syntax(text);
  assert.deepEqual(rest, []);
  // the parser's two errors start at `a` and run into the next line: the one diagnostic spans both
  assert.equal(d.range.start.line, 2);
  assert.match(text.slice(d.range.startOffset, d.range.endOffset), /^a\n {4}lead/);
  assert.match(d.message, /^YAML cannot read this line where it stands: write `key: value`/);
});

test('a list item where a key belongs: one diagnostic, not three', () => {
  const ds = syntax('version: 1\n- a\n');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].range.start.line, 1);
  assert.doesNotMatch(ds[0].message, /Implicit|block-seq-ind/);
});

test('a list item after a key in a mapping: the errors on its line become one', () => {
  const text = 'version: 1\nproject:\n  name: a\n  - b\n';
  const ds = syntax(text);
  assert.equal(ds.length, 1);
  assert.equal(text.slice(ds[0].range.startOffset, ds[0].range.endOffset).trim(), '- b');
});

test('an unclosed flow collection keeps the parser\'s own words, once', () => {
  const ds = syntax('version: 1\nproject:\n  name: [a, {b: c]\n');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /end with a \}/);
});

test('mistakes on different lines stay separate diagnostics', () => {
  const ds = syntax('version: 1\nproject:\n\tname: a\nx: "unclosed\n');
  assert.equal(ds.length, 2);
  assert.notEqual(ds[0].range.start.line, ds[1].range.start.line);
});
