// The source map looks paths up by walking the node tree. Its answers must be those of the table it replaced: every
// value of the document listed once, in document order, by path (the later of two equal paths winning). That table
// is built here, as the definition, and compared with the source map on random documents, over every listed path,
// paths that do not exist, and every offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { buildSourceMap } from '../../../src/core/parse/sourceMap';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { YamlPath } from '../../../src/core/yamlPath';
import { blockDocument, flowValue } from '../helpers/randomYaml';

interface Listed {
  path: YamlPath;
  key?: [number, number];
  value?: [number, number];
}

/** Every value with a path, in document order, down to paths of 65 segments. */
function table(root: Node | null | undefined): Listed[] {
  const out: Listed[] = [];
  const walk = (node: Node | null | undefined, path: YamlPath): void => {
    if (!node || path.length > 64) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isPair(pair) && isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof k !== 'string' && typeof k !== 'number') continue;
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        const entry: Listed = { path: [...path, String(k)] };
        if (keyNode.range) entry.key = [keyNode.range[0], keyNode.range[1]];
        entry.value = valueNode?.range ? [valueNode.range[0], valueNode.range[1]] : entry.key && [entry.key[1], entry.key[1]];
        out.push(entry);
        walk(valueNode, entry.path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = (item as Node | null)?.range;
        if (!r) return;
        out.push({ path: [...path, i], value: [r[0], r[1]] });
        walk(item as Node, [...path, i]);
      });
    }
  };
  if (root?.range) out.push({ path: [], value: [root.range[0], root.range[1]] });
  walk(root, []);
  return out;
}

function compare(text: string): void {
  const document = parseDocument(text, { uniqueKeys: false });
  const lines = new LineIndex(text);
  const source = buildSourceMap(document, lines);
  const listed = table(document.contents as Node | null);
  const byPath = new Map(listed.map((e) => [JSON.stringify(e.path), e]));
  const range = (span?: [number, number]) => (span ? lines.range(span[0], span[1]) : undefined);
  const expectedRangeOf = (path: YamlPath) => {
    for (let n = path.length; n >= 1; n--) {
      const a = byPath.get(JSON.stringify(path.slice(0, n)));
      if (a) return range(a.key ?? a.value);
    }
    const first = listed.find((x) => x.path.length === 1);
    if (first) return range(first.key ?? first.value);
    const root = byPath.get('[]')?.value;
    return root ? lines.range(root[0], Math.min(root[1], lines.lineEnd(lines.positionAt(root[0]).line))) : lines.range(0, 0);
  };
  const probes: YamlPath[] = [...listed.map((e) => e.path), ...listed.flatMap((e) => [[...e.path, 'zz'], [...e.path, 0], [...e.path, '0'], [...e.path, 9]])];
  for (const path of probes) {
    const e = byPath.get(JSON.stringify(path));
    const where = `${JSON.stringify(path)} in ${JSON.stringify(text)}`;
    assert.equal(source.has(path), e !== undefined, where);
    assert.deepEqual(source.keyRange(path), range(e?.key), where);
    assert.deepEqual(source.valueRange(path), range(e?.value), where);
    assert.deepEqual(source.rangeOf(path), expectedRangeOf(path), where);
  }
  for (let offset = 0; offset <= text.length + 1; offset++) {
    let best: Listed | undefined;
    for (const e of listed) {
      const inKey = e.key && offset >= e.key[0] && offset <= e.key[1];
      const inValue = e.value && offset >= e.value[0] && offset <= e.value[1];
      if ((inKey || inValue) && (!best || e.path.length >= best.path.length)) best = e;
    }
    assert.deepEqual(source.pathAt(offset), best?.path, `offset ${offset} in ${JSON.stringify(text)}`);
  }
}

test('look-ups answer as the table of every value does, on random documents', () => {
  fc.assert(fc.property(fc.oneof(blockDocument, flowValue), (text) => compare(text)), { numRuns: 1500, seed: 11 });
});

test('long mappings (looked up through an index by key) answer as short ones do', () => {
  const long = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '1', '"1"', '01', '~', '[k]'), fc.oneof(flowValue, fc.constant('\n  a: 1\n  b: [2]\n  a: 3'))), { minLength: 9, maxLength: 24 })
    .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
  fc.assert(fc.property(long, (text) => compare(text)), { numRuns: 300, seed: 12 });
});

test('duplicate keys: the later key answers, and under both the later subtree that has the path', () => {
  const text = 'a:\n  x: 1\n  y: 2\na:\n  y: 3\n1: first\n"1": second\n';
  compare(text);
  const source = buildSourceMap(parseDocument(text, { uniqueKeys: false }), new LineIndex(text));
  const at = (path: YamlPath) => text.slice(source.valueRange(path)!.startOffset, source.valueRange(path)!.endOffset);
  assert.equal(at(['a', 'x']), '1');
  assert.equal(at(['a', 'y']), '3');
  assert.equal(at(['1']), 'second');
  assert.equal(source.has(['a', 1]), false);
});

test('paths stop at 65 segments, as deep as the table went', () => {
  const text = `${'['.repeat(70)}x${']'.repeat(70)}\n`;
  compare(text);
  const source = buildSourceMap(parseDocument(text), new LineIndex(text));
  assert.equal(source.has(new Array(65).fill(0)), true);
  assert.equal(source.has(new Array(66).fill(0)), false);
});

test('a list at the root, a scalar root and an empty document', () => {
  for (const text of ['- a\n- [b, c]\n-\n', 'just text\nmore\n', '', '# only a comment\n']) compare(text);
});
