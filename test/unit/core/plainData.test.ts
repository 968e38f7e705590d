// plainData converts a document without yaml's toJS: wherever it answers, the answer must be toJS's, down to key
// order and own properties; where it cannot be sure (aliases, merge keys, !!set, collection keys) it must step aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAllDocuments, parseDocument } from 'yaml';
import { plainData } from '../../../src/core/parse/plainData';
import { blockDocument, flowValue } from '../helpers/randomYaml';

/** Key order and own-property layout, which deepEqual does not compare. */
function layout(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(layout);
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return [Object.getPrototypeOf(value) === Object.prototype, Object.getOwnPropertyNames(value).map((k) => [k, layout((value as Record<string, unknown>)[k])])];
  }
  return value;
}

function sameAsToJS(text: string): 'converted' | 'left to yaml' {
  const document = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'silent' })[0] ?? parseDocument(text);
  const mine = plainData(document);
  if (!mine) return 'left to yaml';
  const theirs = document.toJS({ maxAliasCount: 100 });
  assert.deepStrictEqual(mine.value, theirs, text);
  assert.deepStrictEqual(layout(mine.value), layout(theirs), text);
  return 'converted';
}

test('the data is toJS\'s wherever plainData converts, on random documents, and many are converted', () => {
  const seen = { converted: 0, 'left to yaml': 0 };
  fc.assert(fc.property(fc.oneof(blockDocument, flowValue), (text) => {
    seen[sameAsToJS(text)]++;
  }), { numRuns: 3000, seed: 5 });
  // the generator leans on what is left to yaml; the comparison must still have run on many documents
  assert.ok(seen.converted >= 500, JSON.stringify(seen));
});

test('inherited names become own properties, never the prototype', () => {
  assert.equal(sameAsToJS('"__proto__": { polluted: 1 }\ntoString: 2\nconstructor: 3\n'), 'converted');
  const data = plainData(parseDocument('"__proto__": { polluted: 1 }\n'))!.value as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyNames(data), ['__proto__']);
});

test('aliases, merge keys, YAML 1.1 sets and ordered maps, pairs in a list and collection keys are left to yaml', () => {
  for (const text of [
    'a: &x 1\nb: *x\n',
    'base: { a: 1 }\n<<: { b: 2 }\n',
    '%YAML 1.1\n---\nset: !!set { a, b }\n',
    '%YAML 1.1\n---\nomap: !!omap [ a: 1 ]\n',
    '%YAML 1.1\n---\npairs: !!pairs [ a: 1 ]\n',
    '? [a, b]\n: 1\n',
    '%YAML 1.1\n---\n2001-01-01: day\n',
  ]) assert.equal(sameAsToJS(text), 'left to yaml', text);
});

test('null and empty keys and values, numbers, dates and binary values as toJS gives them', () => {
  for (const text of ['~: 1\n"": 2\n? \n: 3\nx:\n', 'n: [1, 0x10, .inf, -0, 1e3]\n', '%YAML 1.1\n---\nd: 2001-12-14\nb: !!binary aGk=\ny: yes\n', '- a\n-\n- - b\n', 'just text', '']) {
    assert.equal(sameAsToJS(text), 'converted', text);
  }
});
