import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { MAX_PLAN_CHARS, parsePlan } from '../../../src/core/parse/parsePlan';
import { assertRange, only, textOf, withCode, yaml } from '../helpers/plans';

const VALID = yaml(
  'version: 1',
  'project:',
  '  name: Demo',
  '  lead: Dana',
  'goal:',
  '  problem: Tag songs',
  '  success_criteria:',
  '    - { metric: f1, target: 0.8, direction: maximize, why: users trust it }',
  'candidates:',
  '  - { id: base, name: Majority, baseline: true }',
);

test('a valid plan: no diagnostics, the typed plan carries the values', () => {
  const p = parsePlan(VALID);
  assert.deepEqual(p.diagnostics, []);
  assert.equal(p.plan.version, 1);
  assert.equal(p.plan.project?.lead, 'Dana');
  assert.equal(p.plan.goal?.success_criteria?.[0].target, 0.8);
  assert.equal(p.plan.candidates?.[0].baseline, true);
});

test('empty text, whitespace only and comments only: one empty-file error at 0:0', () => {
  for (const text of ['', '   \n\n\t\n', '# a\n# b\n', '# a\r\n  # indented comment\r\n', '\uFEFF# only a BOM and a comment']) {
    const p = parsePlan(text);
    assert.equal(p.diagnostics.length, 1, JSON.stringify(text));
    const d = only(p.diagnostics, 'empty-file');
    assert.equal(d.severity, 'error');
    assertRange(d.range, [0, 0, 0, 0], [0, 0]);
    assert.deepEqual(p.plan, {});
  }
});

test('a document marker with no content is an empty plan', () => {
  const p = parsePlan('---\n');
  assert.deepEqual(p.diagnostics.map((d) => d.code), ['empty-file']);
});

test('a list at the root: one schema error over the list', () => {
  const p = parsePlan('- a\n- b\n');
  const d = only(p.diagnostics, 'schema');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /must be a mapping/);
  assert.equal(d.range.startOffset, 0);
  assert.ok(textOf('- a\n- b\n', d.range).startsWith('- a\n- b'));
  assert.deepEqual(p.plan, {});
});

test('a scalar at the root: one schema error over the scalar', () => {
  const p = parsePlan('hello');
  const d = only(p.diagnostics, 'schema');
  assertRange(d.range, [0, 0, 0, 5], [0, 5]);
  assert.deepEqual(p.plan, {});
});

test('a second document: a yaml-syntax error on its `---`, the first document is still read', () => {
  const text = VALID + '---\nversion: 2\n';
  const p = parsePlan(text);
  const d = only(p.diagnostics, 'yaml-syntax');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /Only one YAML document/);
  const at = VALID.length;
  assertRange(d.range, [10, 0, 10, 3], [at, at + 3]);
  assert.equal(p.plan.project?.name, 'Demo');
});

test('a tab used as indentation: a yaml-syntax error on the tab', () => {
  const text = 'version: 1\nproject:\n\tname: x\n';
  const d = withCode(parsePlan(text).diagnostics, 'yaml-syntax');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /Tabs are not allowed/);
  assertRange(d[0].range, [2, 0, 2, 1], [20, 21]);
});

test('CRLF line breaks: ranges count columns like LF, offsets count the \\r', () => {
  const text = 'version: 1\r\nproject:\r\n  name: x\r\n  nam: y\r\n';
  const d = only(parsePlan(text).diagnostics, 'schema');
  assert.match(d.message, /Unknown key "nam".*Did you mean "name"/);
  assertRange(d.range, [3, 2, 3, 5], [35, 38]);
});

test('a CRLF plan without errors parses like its LF twin', () => {
  const crlf = parsePlan(VALID.replace(/\n/g, '\r\n'));
  assert.deepEqual(crlf.diagnostics, []);
  assert.deepEqual(crlf.plan, parsePlan(VALID).plan);
});

test('a byte-order mark is accepted; ranges count it as one code unit', () => {
  assert.deepEqual(parsePlan('\uFEFF' + VALID).diagnostics, []);
  const d = only(parsePlan('\uFEFFversion: 1\nproject: { name: x }\nfoo: 1\n').diagnostics, 'schema');
  assert.match(d.message, /Unknown key "foo"/);
  assertRange(d.range, [2, 0, 2, 3], [33, 36]);
});

test('an alias: a yaml-alias warning on the alias, the value is still read', () => {
  const text = 'version: 1\nproject:\n  name: &n Demo\n  description: *n\n';
  const p = parsePlan(text);
  const d = only(p.diagnostics, 'yaml-alias');
  assert.equal(d.severity, 'warning');
  assertRange(d.range, [3, 15, 3, 17], [51, 53]);
  assert.equal(textOf(text, d.range), '*n');
  assert.equal(p.plan.project?.description, 'Demo');
  assert.equal(p.diagnostics.length, 1);
});

test('an alias bomb (billion laughs) is refused fast with a yaml-syntax error, and the plan is empty', () => {
  const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
  for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const text = levels.join('\n') + '\n';
  const t0 = performance.now();
  const p = parsePlan(text);
  const ms = performance.now() - t0;
  assert.ok(ms < 1000, `took ${ms} ms`);
  const bomb = withCode(p.diagnostics, 'yaml-syntax');
  assert.equal(bomb.length, 1);
  assert.equal(bomb[0].severity, 'error');
  assert.match(bomb[0].message, /alias bomb/);
  assertRange(bomb[0].range, [0, 0, 0, 1], [0, 1]);
  assert.deepEqual(p.plan, {});
  assert.equal(p.data, undefined);
});

test('non-UTF-8 bytes (decoded to U+FFFD): an encoding error on the first replacement character', () => {
  const bytes = Buffer.concat([Buffer.from('version: 1\nproject:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const d = only(parsePlan(text).diagnostics, 'encoding');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /not valid UTF-8/);
  assertRange(d.range, [2, 11, 2, 12], [31, 32]);
});

test('a control character: an encoding error naming it', () => {
  const d = only(parsePlan('version: 1\nproject:\n  name: a\u0007b\n').diagnostics, 'encoding');
  assert.match(d.message, /U\+0007/);
  assertRange(d.range, [2, 9, 2, 10], [29, 30]);
});

test('a duplicate key: a yaml-syntax error at the second occurrence', () => {
  const p = parsePlan('version: 1\nproject: { name: x }\nversion: 1\n');
  const d = only(p.diagnostics, 'yaml-syntax');
  assert.match(d.message, /Duplicate key/);
  assert.deepEqual([d.range.start.line, d.range.start.character, d.range.startOffset], [2, 0, 32]);
});

test('a duplicate key: the range covers the whole repeated key', () => {
  const d = only(parsePlan('version: 1\nproject: { name: x }\nversion: 1\n').diagnostics, 'yaml-syntax');
  assertRange(d.range, [2, 0, 2, 7], [32, 39]);
});

test('two unclosed flow collections: both are reported, not only the first', () => {
  const p = parsePlan('a: [1, 2\nb: {x: 1\n');
  const errors = withCode(p.diagnostics, 'yaml-syntax');
  assert.equal(errors.length, 2);
  assert.match(errors[0].message, /Flow sequence .* end with a \]/);
  assert.deepEqual([errors[0].range.start.line, errors[0].range.start.character], [1, 0]);
  assert.match(errors[1].message, /Flow map .* end with a \}/);
  assert.equal(errors[1].range.startOffset, 18); // the end of the text, where the } is missing
  assert.ok(errors.every((e) => e.severity === 'error'));
});

test('diagnostics come in document order', () => {
  const p = parsePlan('version: 1\nproject:\n\tname: x\nfoo: 1\nbar: \u0001\n');
  const offsets = p.diagnostics.map((d) => d.range.startOffset);
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
});

test('a plan over MAX_PLAN_CHARS is refused with file-too-large, without parsing', () => {
  const text = 'version: 1\n' + '#'.repeat(MAX_PLAN_CHARS);
  const t0 = performance.now();
  const p = parsePlan(text);
  assert.ok(performance.now() - t0 < 1000);
  assert.equal(p.diagnostics.length, 1);
  const d = only(p.diagnostics, 'file-too-large');
  assert.equal(d.severity, 'error');
  assert.match(d.message, new RegExp(`${text.length} characters`));
  assertRange(d.range, [0, 0, 0, 0], [0, 0]);
  assert.equal(p.document, undefined);
  // exactly at the limit it is read
  assert.equal(withCode(parsePlan('version: 1\n' + '#'.repeat(MAX_PLAN_CHARS - 11)).diagnostics, 'file-too-large').length, 0);
});

test('hostile inputs never throw and always give a plan object', () => {
  const inputs = [
    '{', '[', ']]]', ': :', '? ? ?', '&a', '*a', '!!binary x', '%YAML 1.1\n---\na: 1', 'a: !!int notanumber', '"\\u', "'", '|\n', '>-\n  x',
    'version: [1\nproject: {', '\u0000', '\uFFFD\uFFFD', 'a:\n  - b\n - c', 'x: ' + '['.repeat(500), '- '.repeat(300) + 'x', 'k: v\n'.repeat(3) + '...\n---\n',
  ];
  for (const text of inputs) {
    const p = parsePlan(text);
    assert.equal(typeof p.plan, 'object', JSON.stringify(text));
    assert.ok(Array.isArray(p.diagnostics));
    for (const d of p.diagnostics) assert.ok(d.range.startOffset >= 0 && d.range.endOffset <= text.length, `${d.code} out of the text in ${JSON.stringify(text)}`);
  }
});

test('a banner comment of many # characters parses quickly', () => {
  // Run in a child process so that a hang fails the test instead of stalling the suite.
  const module = path.resolve(__dirname, '../../../src/core/parse/parsePlan.ts');
  const script = `const { parsePlan } = require(${JSON.stringify(module)}); parsePlan('#'.repeat(40) + '\\nversion: 1\\nproject: { name: x }\\n');`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { timeout: 3000 });
  assert.equal(res.signal, null, 'parsing did not finish within 3 s');
  assert.equal(res.status, 0, String(res.stderr));
});

test('a __proto__ key is reported and dropped, and does not change the plan\'s prototype', () => {
  const text = 'version: 1\nproject: { name: x }\n__proto__: { polluted: true }\n';
  const p = parsePlan(text);
  const d = p.diagnostics.find((x) => x.message.includes('__proto__'));
  assert.ok(d, 'no diagnostic about __proto__');
  assert.equal(d.severity, 'error');
  assertRange(d.range, [2, 0, 2, 9], [32, 41]);
  assert.equal(Object.getPrototypeOf(p.data), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal((p.plan as Record<string, unknown>).polluted, undefined);
});

test('a forbidden key spelt with escapes ("\\x5f_proto__", "\\u0063onstructor") is reported and dropped like the plain one', () => {
  const text = 'version: 1\n"\\x5f_proto__": { goal: { problem: sneaky } }\nproject: { name: x, "\\u0063onstructor": 1 }\n';
  const p = parsePlan(text);
  const messages = p.diagnostics.map((d) => d.message).join('\n');
  assert.match(messages, /__proto__/);
  assert.match(messages, /constructor/);
  assert.equal(Object.getPrototypeOf(p.plan), Object.prototype);
  assert.equal(p.plan.goal, undefined, 'the escaped key\'s value must not become the plan\'s prototype');
  assert.deepEqual(Object.keys(p.plan.project ?? {}), ['name']);
});
