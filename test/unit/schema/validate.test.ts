import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { buildSourceMap } from '../../../src/core/parse/sourceMap';
import { validatePlan } from '../../../src/core/schema/validate';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { assertPlace, only, validateText } from './helpers';

test('unknown top-level key: on the key, with a did-you-mean', () => {
  const d = only(validateText('version: 1\nprojet: x\nproject:\n  name: X\n'));
  assert.equal(d.message, 'Unknown key "projet" at the top level. Did you mean "project"?');
  assertPlace(d, { line: 1, character: 0, endLine: 1, endCharacter: 6, startOffset: 11, endOffset: 17 });
});

test('unknown key inside a flow mapping', () => {
  const d = only(validateText('version: 1\nproject: { name: X, leed: Dana }\n'));
  assert.equal(d.message, 'Unknown key "leed" in project. Did you mean "lead"?');
  assertPlace(d, { line: 1, character: 20, endLine: 1, endCharacter: 24, startOffset: 31, endOffset: 35 });
});

test('unknown key that resembles nothing lists the allowed keys', () => {
  const d = only(validateText('version: 1\nproject:\n  name: X\n  zzzzzz: 1\n'));
  assert.equal(d.message, 'Unknown key "zzzzzz" in project. Allowed keys: name, lead, brief, team, runway, description.');
  assertPlace(d, { line: 3, character: 2, endLine: 3, endCharacter: 8, startOffset: 32, endOffset: 38 });
});

test('a key in the wrong case is suggested in the right case', () => {
  const d = only(validateText('version: 1\nproject: { name: X }\nchecklist:\n  Develop: {}\n'));
  assert.equal(d.message, 'Unknown key "Develop" in checklist. Did you mean "develop"?');
  assertPlace(d, { line: 3, character: 2, endLine: 3, endCharacter: 9, startOffset: 45, endOffset: 52 });
});

test('wrong type: on the value, naming the expected type', () => {
  const d = only(validateText('version: 1\nproject: { name: X }\ncandidates:\n  - { id: a, name: A, baseline: yes }\n'));
  assert.equal(d.message, 'Wrong type for candidates[0].baseline: expected a boolean (true or false); found "yes".');
  assertPlace(d, { line: 3, character: 32, endLine: 3, endCharacter: 35, startOffset: 76, endOffset: 79 });
});

test('enum: on the value, with a did-you-mean and the allowed values; the oneOf noise is collapsed', () => {
  const d = only(validateText('version: 1\nproject: { name: X }\nchecklist:\n  define: { baseline: in-progres }\n'));
  assert.equal(d.message, 'Invalid value "in-progres" for checklist.define.baseline. Did you mean "in-progress"? Allowed values: todo, in-progress, done, skipped.');
  assertPlace(d, { line: 3, character: 22, endLine: 3, endCharacter: 32, startOffset: 65, endOffset: 75 });
});

test('enum suggestion by prefix: warn -> warning', () => {
  const d = only(validateText('version: 1\nproject: { name: X }\nrules: { single-architecture: warn }\n'));
  assert.match(d.message, /Did you mean "warning"\?/);
});

test('const: version must be 1', () => {
  const d = only(validateText('version: 2\nproject: { name: X }\n'));
  assert.equal(d.message, 'Invalid value 2 for version: it must be 1.');
  assertPlace(d, { line: 0, character: 9, endLine: 0, endCharacter: 10, startOffset: 9, endOffset: 10 });
});

test('pattern: a date says how to write it', () => {
  const d = only(validateText('version: 1\nproject:\n  name: X\n  runway: 2027-3-31\n'));
  assert.equal(d.message, 'Invalid value "2027-3-31" for project.runway: expected a date written YYYY-MM-DD (e.g. 2027-03-31).');
  assertPlace(d, { line: 3, character: 10, endLine: 3, endCharacter: 19, startOffset: 40, endOffset: 49 });
});

test('minLength: an empty name', () => {
  const d = only(validateText('version: 1\nproject:\n  name: ""\n'));
  assert.equal(d.message, 'project.name must not be empty: write a value or remove the key.');
  assertPlace(d, { line: 2, character: 8, endLine: 2, endCharacter: 10, startOffset: 28, endOffset: 30 });
});

test('required: on the key of the parent mapping', () => {
  const d = only(validateText('version: 1\nproject:\n  lead: Dana\n'));
  assert.equal(d.message, 'Missing required key "name" in project.');
  assertPlace(d, { line: 1, character: 0, endLine: 1, endCharacter: 7, startOffset: 11, endOffset: 18 });
});

test('required: on the value of a sequence item', () => {
  const d = only(validateText('version: 1\nproject: { name: X }\ncandidates:\n  - { name: A }\n'));
  assert.equal(d.message, 'Missing required key "id" in candidates[0].');
  assertPlace(d, { line: 3, character: 4, endLine: 3, endCharacter: 15, startOffset: 48, endOffset: 59 });
});

test('required: several missing keys of one item make one diagnostic', () => {
  const d = only(validateText('version: 1\nproject: { name: X }\ncandidates:\n  - {}\n'));
  assert.equal(d.message, 'Missing required keys "id", "name" in candidates[0].');
  assertPlace(d, { line: 3, character: 4, endLine: 3, endCharacter: 6, startOffset: 48, endOffset: 50 });
});

test('required at the top level: on the first key', () => {
  const d = only(validateText('# plan\nproject: { name: X }\n'));
  assert.equal(d.message, 'Missing required key "version" at the top level.');
  assertPlace(d, { line: 1, character: 0, endLine: 1, endCharacter: 7, startOffset: 7, endOffset: 14 });
});

test('two problems at one place make one diagnostic with both messages', () => {
  const result = validateText('projet: { name: X }\n');
  const d = only(result);
  assert.match(d.message, /Unknown key "projet" at the top level\. Did you mean "project"\?/);
  assert.match(d.message, /Missing required keys "version", "project" at the top level\./);
  assertPlace(d, { line: 0, character: 0, endLine: 0, endCharacter: 6, startOffset: 0, endOffset: 6 });
});

const STEPS = 'version: 1\nproject: { name: X }\nchecklist:\n  develop:\n';

test('oneOf: a step mapping reports only the mapping branch', () => {
  const d = only(validateText(`${STEPS}    label-audit: { status: todo, titel: Audit }\n`));
  assert.equal(d.message, 'Unknown key "titel" in checklist.develop.label-audit. Did you mean "title"?');
  assertPlace(d, { line: 4, character: 33, endLine: 4, endCharacter: 38, startOffset: 87, endOffset: 92 });
});

test('oneOf: a bad status inside a step mapping is reported on that status only', () => {
  const d = only(validateText(`${STEPS}    label-audit: { status: dnoe, title: Audit }\n`));
  assert.equal(d.message, 'Invalid value "dnoe" for checklist.develop.label-audit.status. Did you mean "done"? Allowed values: todo, in-progress, done, skipped.');
  assertPlace(d, { line: 4, character: 27, endLine: 4, endCharacter: 31, startOffset: 81, endOffset: 85 });
});

test('oneOf: a value matching no branch gets one message listing the alternatives', () => {
  const d = only(validateText(`${STEPS}    x: 3\n`));
  assert.equal(d.message, 'Wrong type for checklist.develop.x: expected one of todo, in-progress, done, skipped, or a mapping with keys status, title, reason, why, evidence; found 3.');
  assertPlace(d, { line: 4, character: 7, endLine: 4, endCharacter: 8, startOffset: 61, endOffset: 62 });
  assert.match(only(validateText(`${STEPS}    x: [done]\n`)).message, /found a list\.$/);
});

test('propertyNames: a bad step id is reported on the key', () => {
  const d = only(validateText(`${STEPS}    Foo: done\n`));
  assert.equal(d.message, 'Invalid key "Foo" in checklist.develop: use lowercase letters, digits and "-", starting with a letter (e.g. label-audit).');
  assertPlace(d, { line: 4, character: 4, endLine: 4, endCharacter: 7, startOffset: 58, endOffset: 61 });
});

test('many errors: one diagnostic per place, sorted, all code schema', () => {
  const text = [
    'version: 2', 'projet: x', 'project: { nmae: 3 }', 'checklist:',
    '  discover: { business-understanding: donee, Foo: done, x: 3, y: { status: bad, titel: 1 } }',
    'candidates:', '  - cnn', '  - { id: "a b", name: X, params: { lr: [1] } }', '  - {}',
    'evaluation: { timeout: abc }', 'rules: { foo: warn }', '',
  ].join('\n');
  const { diagnostics } = validateText(text);
  const places = diagnostics.map((d) => `${d.range.startOffset}:${d.range.endOffset}`);
  assert.equal(new Set(places).size, places.length);
  assert.deepEqual(diagnostics.map((d) => d.range.startOffset), [...diagnostics.map((d) => d.range.startOffset)].sort((a, b) => a - b));
  assert.ok(diagnostics.every((d) => d.code === 'schema' && d.severity === 'error'));
  const underlined = diagnostics.map((d) => text.slice(d.range.startOffset, d.range.endOffset));
  assert.deepEqual(underlined, ['2', 'projet', 'project', 'nmae', 'donee', 'Foo', '3', 'bad', 'titel', 'cnn', '"a b"', '[1]', '{}', 'abc', 'warn']);
});

test('a root that is not a mapping, or nothing, gives one diagnostic and an empty plan', () => {
  const text = '- a\n- b\n';
  const lines = new LineIndex(text);
  const source = buildSourceMap(undefined, lines);
  const list = validatePlan(['a', 'b'], source);
  assert.deepEqual(list.plan, {});
  assert.equal(list.diagnostics.length, 1);
  assert.match(list.diagnostics[0].message, /must be a mapping of keys/);
  const empty = validatePlan(null, source);
  assert.deepEqual(empty.plan, {});
  assert.match(empty.diagnostics[0].message, /The plan is empty/);
});

test('parsePlan reports schema diagnostics through validatePlan', () => {
  const parsed = parsePlan('version: 1\nproject: { name: X, leed: Dana }\n');
  const schema = parsed.diagnostics.filter((d) => d.code === 'schema');
  assert.equal(schema.length, 1);
  assert.equal(schema[0].range.startOffset, 31);
  assert.deepEqual(parsed.plan, { version: 1, project: { name: 'X' } });
});

for (const example of ['genre-tagger', 'in-trouble']) {
  test(`example ${example} validates clean and its plan is its data`, () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', example, '.mlproject.yaml'), 'utf8');
    const result = validateText(text);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.plan, result.data);
  });
}
