// Reading a YAML text for minimal edits: its document with source ranges, its line ending and indentation unit,
// where a node's content ends, and which line and column an offset is on. Offsets are UTF-16, as in TextEdit.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { YamlPath } from '../yamlPath';

export interface YamlText {
  text: string;
  doc: Document.Parsed;
  /** the file's line ending: CRLF when its first line break is one */
  eol: '\n' | '\r\n';
  /** the indentation step of nested block mappings (2 unless the file shows otherwise) */
  unit: number;
}

export function readYaml(text: string): YamlText {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  return { text, doc, eol, unit: indentUnit(text, doc.contents) };
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the end of the line holding `offset`, before its `\r\n` or `\n` (or the end of the text). */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** True when only spaces precede `offset` on its line (the node starts its line). */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

function indentUnit(text: string, root: unknown): number {
  if (!isMap(root) || root.flow) return 2;
  for (const pair of root.items) {
    const value = pair.value;
    if (isMap(value) && !value.flow && value.items.length > 0 && isPair(value.items[0])) {
      const key = value.items[0].key as Node | null;
      const parentKey = pair.key as Node | null;
      if (key?.range && parentKey?.range) {
        const unit = columnOf(text, key.range[0]) - columnOf(text, parentKey.range[0]);
        if (unit > 0 && unit <= 8) return unit;
      }
    }
  }
  return 2;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key) && key.value !== null && typeof key.value !== 'object') return String(key.value);
  return undefined;
}

export function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((p) => keyText(p) === key) as Pair<Node, Node | null> | undefined;
}

export interface Located {
  /** the node at the path (null for an empty value) */
  node: Node | null;
  /** the pair holding it, when its parent is a mapping */
  pair?: Pair<Node, Node | null>;
  parent?: Node;
}

/** The node at a path, or undefined when some segment is missing. */
export function locate(doc: Document, path: YamlPath): Located | undefined {
  let current: Located = { node: (doc.contents as Node | null) ?? null };
  for (const segment of path) {
    const node = current.node;
    if (isMap(node)) {
      const pair = findPair(node, String(segment));
      if (!pair) return undefined;
      current = { node: pair.value ?? null, pair, parent: node };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) return undefined;
      current = { node: item ?? null, parent: node };
    } else {
      return undefined;
    }
  }
  return current;
}

/** True for a missing value or an explicit null (`key:`, `key: ~`, `key: null`). */
export function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** The offset just past the last character of a node's content (not its trailing comments or blank lines). */
export function contentEnd(text: string, node: Node | null | undefined, fallback: number): number {
  if (!node?.range) return fallback;
  let end: number;
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items[node.items.length - 1] as unknown;
    if (last === undefined) end = node.range[0];
    else if (isPair(last)) end = pairEnd(text, last as Pair<Node, Node | null>);
    else end = contentEnd(text, last as Node, node.range[0]);
  } else {
    end = node.range[1];
  }
  while (end > 0 && /[ \t\r\n]/.test(text[end - 1]) && end > node.range[0]) end--;
  return end;
}

/** Where a pair's content ends: its value's content, or its key when the value is empty. */
export function pairEnd(text: string, pair: Pair<Node, Node | null>): number {
  const keyEnd = pair.key?.range?.[1] ?? 0;
  const value = pair.value;
  if (!value?.range || (isScalar(value) && value.range[0] === value.range[1])) return keyEnd;
  return Math.max(keyEnd, contentEnd(text, value, keyEnd));
}

/** The column of a block collection's entries (a mapping's keys, a sequence's dashes). */
export function entryColumn(text: string, node: Node): number | undefined {
  if (isMap(node)) {
    const first = node.items[0]?.key as Node | null | undefined;
    return first?.range ? columnOf(text, first.range[0]) : undefined;
  }
  return node.range ? columnOf(text, node.range[0]) : undefined;
}
