// Finds the source range of any value of a parsed YAML document by its path, e.g. ['candidates', 2, 'id'].
// Built once per parse by walking the node tree; look-ups are map hits.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Range } from '../types';
import type { SourceMap, YamlPath } from '../yamlPath';
import type { LineIndex } from '../text/lineIndex';

interface Entry {
  path: YamlPath;
  key?: [number, number];
  value?: [number, number];
}

function keyOf(path: YamlPath): string {
  return JSON.stringify(path);
}

function scalarKey(pair: Pair): string | number | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return k.value;
  return undefined;
}

/** Builds the source map of a document's first-level contents. */
export function buildSourceMap(document: Document | undefined, lines: LineIndex): SourceMap {
  const entries = new Map<string, Entry>();
  const ordered: Entry[] = [];
  const add = (entry: Entry): void => {
    entries.set(keyOf(entry.path), entry);
    ordered.push(entry);
  };

  const walk = (node: Node | null | undefined, path: YamlPath, depth: number): void => {
    if (!node || depth > 64) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = scalarKey(pair);
        if (k === undefined) continue;
        const childPath = [...path, String(k)];
        const keyNode = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        const entry: Entry = { path: childPath };
        if (keyNode?.range) entry.key = [keyNode.range[0], keyNode.range[1]];
        if (valueNode?.range) entry.value = [valueNode.range[0], valueNode.range[1]];
        else if (entry.key) entry.value = [entry.key[1], entry.key[1]];
        add(entry);
        walk(valueNode, childPath, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const childPath = [...path, i];
        const itemNode = item as Node | null;
        if (itemNode && (itemNode as Node).range) {
          const r = (itemNode as Node).range!;
          add({ path: childPath, value: [r[0], r[1]] });
          walk(itemNode, childPath, depth + 1);
        }
      });
    }
  };

  const root = document?.contents as Node | null | undefined;
  if (root?.range) add({ path: [], value: [root.range[0], root.range[1]] });
  walk(root, [], 0);

  const toRange = (span: [number, number] | undefined): Range | undefined =>
    span ? lines.range(span[0], span[1]) : undefined;

  return {
    valueRange: (path) => toRange(entries.get(keyOf(path))?.value),
    keyRange: (path) => toRange(entries.get(keyOf(path))?.key),
    rangeOf(path) {
      for (let n = path.length; n >= 1; n--) {
        const e = entries.get(keyOf(path.slice(0, n)));
        if (e) return toRange(e.key ?? e.value);
      }
      // The top level: the first key (or the first line), never the whole file.
      const first = ordered.find((e) => e.path.length === 1);
      if (first) return toRange(first.key ?? first.value);
      const root = entries.get(keyOf([]))?.value;
      return root ? lines.range(root[0], Math.min(root[1], lines.lineEnd(lines.positionAt(root[0]).line))) : lines.range(0, 0);
    },
    pathAt(offset) {
      let best: Entry | undefined;
      for (const e of ordered) {
        const inKey = e.key && offset >= e.key[0] && offset <= e.key[1];
        const inValue = e.value && offset >= e.value[0] && offset <= e.value[1];
        if ((inKey || inValue) && (!best || e.path.length >= best.path.length)) best = e;
      }
      return best?.path;
    },
    has: (path) => entries.has(keyOf(path)),
  };
}
