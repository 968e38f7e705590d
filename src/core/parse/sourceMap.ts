// Finds the source range of any value of a parsed YAML document by its path, e.g. ['candidates', 2, 'id'].
// A look-up walks down the node tree along the path, so a check pays only for the paths it asks about (the
// diagnostics' and the rules'), not for a table of every value in the file built on every keystroke; a long mapping
// is indexed by key the first time a look-up passes through it. Only `pathAt` (hovers, the views) lists every
// entry, once, the first time it is asked.
//
// What a path names: a mapping key is a path segment as text (`1:` is '1'), a list item its index as a number;
// keys that are not plain text or numbers, list items without a range, and values nested deeper than MAX_DEPTH
// have no path. When two keys of one mapping give the same segment (a duplicate key), the later one wins, and so
// does the later of two such subtrees for a path under both.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../types';
import type { SourceMap, YamlPath } from '../yamlPath';
import type { LineIndex } from '../text/lineIndex';

/** Paths longer than this have no entry: deeper values are refused by the parser's nesting limit anyway. */
const MAX_DEPTH = 65;

interface Entry {
  key?: [number, number];
  value?: [number, number];
}

function scalarKey(pair: Pair): string | number | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return k.value;
  return undefined;
}

/** The entry of a mapping pair with a path: its key's range and its value's (right after the key when empty). */
function pairEntry(pair: Pair): Entry {
  const keyNode = pair.key as Node | null;
  const valueNode = pair.value as Node | null;
  const entry: Entry = {};
  if (keyNode?.range) entry.key = [keyNode.range[0], keyNode.range[1]];
  if (valueNode?.range) entry.value = [valueNode.range[0], valueNode.range[1]];
  else if (entry.key) entry.value = [entry.key[1], entry.key[1]];
  return entry;
}

/** A list item with a path: its node (only items with a range have one). */
function itemNode(item: unknown): Node | undefined {
  const node = item as Node | null;
  return node && node.range ? node : undefined;
}

/** Mappings with more keys than this get an index by key on their first look-up, so that a long one stays fast. */
const SCAN_LIMIT = 8;

/** The pairs of a mapping whose key gives each path segment, in document order. */
type KeyIndex = Map<YAMLMap, Map<string, Pair[]>>;

function pairsByKey(node: YAMLMap, indexes: KeyIndex): Map<string, Pair[]> {
  let index = indexes.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = scalarKey(pair);
      if (k === undefined) continue;
      const segment = String(k);
      const same = index.get(segment);
      if (same) same.push(pair);
      else index.set(segment, [pair]);
    }
    indexes.set(node, index);
  }
  return index;
}

/**
 * The entry at `path[depth..]` under `node`, or undefined. Candidates are tried last first, so that of two
 * duplicate keys the later one answers, and under both the later subtree that has the rest of the path.
 */
function find(node: Node | null | undefined, path: YamlPath, depth: number, indexes: KeyIndex): Entry | undefined {
  if (!node) return undefined;
  const segment = path[depth];
  const last = depth === path.length - 1;
  if (isMap(node)) {
    if (typeof segment !== 'string') return undefined;
    if (node.items.length > SCAN_LIMIT) {
      const pairs = pairsByKey(node as YAMLMap, indexes).get(segment) ?? [];
      for (let i = pairs.length - 1; i >= 0; i--) {
        const found = last ? pairEntry(pairs[i]) : find(pairs[i].value as Node | null, path, depth + 1, indexes);
        if (found) return found;
      }
      return undefined;
    }
    for (let i = node.items.length - 1; i >= 0; i--) {
      const pair = node.items[i];
      if (!isPair(pair)) continue;
      const k = scalarKey(pair);
      if (k === undefined || String(k) !== segment) continue;
      const found = last ? pairEntry(pair) : find(pair.value as Node | null, path, depth + 1, indexes);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0) return undefined;
    const item = itemNode(node.items[segment]);
    if (!item) return undefined;
    return last ? { value: [item.range![0], item.range![1]] } : find(item, path, depth + 1, indexes);
  }
  return undefined;
}

/** Every entry in document order, parents before children (what `pathAt` scans). */
function allEntries(root: Node | null | undefined): (Entry & { path: YamlPath })[] {
  const out: (Entry & { path: YamlPath })[] = [];
  const walk = (node: Node | null | undefined, path: YamlPath): void => {
    if (!node || path.length >= MAX_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = scalarKey(pair);
        if (k === undefined) continue;
        const childPath = [...path, String(k)];
        out.push({ path: childPath, ...pairEntry(pair) });
        walk(pair.value as Node | null, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((raw, i) => {
        const item = itemNode(raw);
        if (!item) return;
        out.push({ path: [...path, i], value: [item.range![0], item.range![1]] });
        walk(item, [...path, i]);
      });
    }
  };
  if (root?.range) out.push({ path: [], value: [root.range[0], root.range[1]] });
  walk(root, []);
  return out;
}

/** The first entry one level down: the first key with a path of a mapping, or the first item of a list. */
function firstTopLevel(root: Node | null | undefined): Entry | undefined {
  if (isMap(root)) {
    for (const pair of root.items) if (isPair(pair) && scalarKey(pair) !== undefined) return pairEntry(pair);
  } else if (isSeq(root)) {
    for (const raw of root.items) {
      const item = itemNode(raw);
      if (item) return { value: [item.range![0], item.range![1]] };
    }
  }
  return undefined;
}

/** The source map of a document (an empty one when there is no document). */
export function buildSourceMap(document: Document | undefined, lines: LineIndex): SourceMap {
  const root = document?.contents as Node | null | undefined;
  const indexes: KeyIndex = new Map();
  const entryAt = (path: YamlPath): Entry | undefined => {
    if (path.length === 0) return root?.range ? { value: [root.range[0], root.range[1]] } : undefined;
    return path.length > MAX_DEPTH ? undefined : find(root, path, 0, indexes);
  };
  let listed: (Entry & { path: YamlPath })[] | undefined;

  const toRange = (span: [number, number] | undefined): Range | undefined =>
    span ? lines.range(span[0], span[1]) : undefined;

  return {
    valueRange: (path) => toRange(entryAt(path)?.value),
    keyRange: (path) => toRange(entryAt(path)?.key),
    rangeOf(path) {
      for (let n = path.length; n >= 1; n--) {
        const e = entryAt(path.slice(0, n));
        if (e) return toRange(e.key ?? e.value);
      }
      // The top level: the first key (or the first line), never the whole file.
      const first = firstTopLevel(root);
      if (first) return toRange(first.key ?? first.value);
      const whole = entryAt([])?.value;
      return whole ? lines.range(whole[0], Math.min(whole[1], lines.lineEnd(lines.positionAt(whole[0]).line))) : lines.range(0, 0);
    },
    pathAt(offset) {
      listed ??= allEntries(root);
      let best: (Entry & { path: YamlPath }) | undefined;
      for (const e of listed) {
        const inKey = e.key && offset >= e.key[0] && offset <= e.key[1];
        const inValue = e.value && offset >= e.value[0] && offset <= e.value[1];
        if ((inKey || inValue) && (!best || e.path.length >= best.path.length)) best = e;
      }
      return best?.path;
    },
    has: (path) => entryAt(path) !== undefined,
  };
}
