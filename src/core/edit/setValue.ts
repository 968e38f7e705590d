// The core of minimal edits: set the value at a path, replacing only the existing value's text, or insert the
// missing key (and any missing mappings above it) with the fewest new lines. New keys of a mapping go in the
// schema's property order (e.g. phases discover..deployment); new top-level keys are appended at the end of the file.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { YamlPath } from '../yamlPath';
import { PLAN_SCHEMA, schemaAt } from '../schema/schemaWalk';
import type { TextEdit } from '../types';
import { FlowValue, formatScalar, renderEntryLines, renderFlow, type PlainValue } from './render';
import {
  columnOf, contentEnd, entryColumn, isEmptyValue, keyText, lineEndOf, lineStartOf, locate, pairEnd, startsLine,
  type Located, type YamlText,
} from './yamlText';

export class EditError extends Error {
  override name = 'EditError';
}

function isScalarValue(value: PlainValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

/** The value as text that fits where it goes: a scalar (quoted for flow if needed) or a one-line flow value. */
function inlineText(value: PlainValue, inFlow: boolean): string {
  if (value instanceof FlowValue) return renderFlow(value.value);
  return isScalarValue(value) ? formatScalar(value, inFlow) : renderFlow(value);
}

/** The offset just after the `:` of a pair (or after the key when there is none). */
function afterColon(text: string, pair: Pair<Node, Node | null>): number {
  const keyEnd = pair.key.range?.[1] ?? 0;
  const m = /^[ \t]*:/.exec(text.slice(keyEnd));
  return m ? keyEnd + m[0].length : keyEnd;
}

/**
 * A string that replaces a quoted string keeps the author's quotes: `"a"` set to `b` becomes `"b"`, not `b`. Plain
 * scalars stay plain where they can; a value that must be quoted is quoted whatever the old style.
 */
function keepQuoteStyle(node: Node, value: PlainValue, newText: string): string {
  if (!isScalar(node) || typeof value !== 'string') return newText;
  if (node.type === Scalar.QUOTE_DOUBLE && !newText.startsWith('"')) return JSON.stringify(value);
  if (node.type === Scalar.QUOTE_SINGLE && !newText.startsWith("'") && !newText.startsWith('"')) return `'${value.replace(/'/g, "''")}'`;
  return newText;
}

/** Edits replacing an existing value (found by `locate`) with `value`, written inline after its key or dash. */
export function replaceValueEdits(y: YamlText, at: Located, value: PlainValue): TextEdit[] {
  const { text } = y;
  const node = at.node;
  const inFlow = (isMap(at.parent) || isSeq(at.parent)) && at.parent.flow === true;
  const newText = inlineText(value, inFlow);
  if (node?.range && node.range[0] < node.range[1] && (isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow))) {
    // A block scalar (`>-`, `|`) runs on over its final line break and the next line's indentation: stop at its text.
    let end = node.range[1];
    if (isScalar(node) && (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL)) {
      while (end > node.range[0] && /\s/.test(text[end - 1])) end--;
    }
    return [{ start: node.range[0], end, newText: keepQuoteStyle(node, value, newText) }];
  }
  if (!at.pair) {
    if (!node?.range) throw new EditError('Cannot set a value at this place of the YAML file.');
    return [{ start: node.range[0], end: Math.max(node.range[0], contentEnd(text, node, node.range[0])), newText }];
  }
  // An empty value (`key:`), or a block collection replaced by an inline value: write it after the colon.
  const colon = afterColon(text, at.pair);
  const end = node && !isEmptyValue(node) ? contentEnd(text, node, colon) : colon;
  return [{ start: colon, end, newText: ` ${newText}` }];
}

/** The keys of a mapping in their canonical order: the schema's property order at that path, if any. */
function canonicalOrder(mapPath: YamlPath): readonly string[] | undefined {
  const properties = (mapPath.length === 0 ? PLAN_SCHEMA : schemaAt(mapPath))?.properties;
  return properties ? Object.keys(properties) : undefined;
}

interface Neighbours {
  before?: Pair<Node, Node | null>;
  after?: Pair<Node, Node | null>;
}

/** The existing entries just before and after where `key` belongs in the canonical order. */
function neighbours(map: YAMLMap, key: string, order: readonly string[] | undefined): Neighbours {
  const rank = order?.indexOf(key) ?? -1;
  if (!order || rank < 0) return {};
  let before: Pair<Node, Node | null> | undefined;
  let after: Pair<Node, Node | null> | undefined;
  for (const item of map.items as Pair<Node, Node | null>[]) {
    const r = order.indexOf(keyText(item) ?? '');
    if (r < 0) continue;
    if (r < rank) before = item;
    else if (r > rank && !after) after = item;
  }
  return { before, after };
}

function blockLines(y: YamlText, key: string, value: PlainValue, column: number): string {
  return renderEntryLines(key, value, column, y.unit).join(y.eol);
}

/** Appends top-level lines at the end of the file, starting a new line first when needed. */
function appendAtEnd(y: YamlText, lines: string): TextEdit {
  const { text, eol } = y;
  if (text.length === 0) return { start: 0, end: 0, newText: lines + eol };
  const endsWithBreak = text.endsWith('\n');
  return { start: text.length, end: text.length, newText: endsWithBreak ? lines + eol : eol + lines };
}

function insertIntoBlockMap(y: YamlText, map: YAMLMap, mapPath: YamlPath, key: string, value: PlainValue): TextEdit[] {
  const { text, eol } = y;
  const column = entryColumn(text, map) ?? 0;
  const lines = blockLines(y, key, value, column);
  const { before, after } = neighbours(map, key, canonicalOrder(mapPath));
  const afterKey = after?.key.range?.[0];
  if (!before && afterKey !== undefined && startsLine(text, afterKey)) {
    return [{ start: lineStartOf(text, afterKey), end: lineStartOf(text, afterKey), newText: lines + eol }];
  }
  const anchor = before ?? (map.items[map.items.length - 1] as Pair<Node, Node | null>);
  const at = lineEndOf(text, pairEnd(text, anchor));
  return [{ start: at, end: at, newText: eol + lines }];
}

function insertIntoFlowMap(y: YamlText, map: YAMLMap, mapPath: YamlPath, key: string, value: PlainValue): TextEdit[] {
  const item = `${formatScalar(key, true)}: ${inlineText(value, true)}`;
  const [start, end] = map.range ?? [0, 0];
  if (map.items.length === 0) return [{ start, end, newText: `{ ${item} }` }];
  const { before, after } = neighbours(map, key, canonicalOrder(mapPath));
  if (!before && after?.key.range) return [{ start: after.key.range[0], end: after.key.range[0], newText: `${item}, ` }];
  const anchor = before ?? (map.items[map.items.length - 1] as Pair<Node, Node | null>);
  const at = pairEnd(y.text, anchor);
  return [{ start: at, end: at, newText: `, ${item}` }];
}

/** Fills an empty value (`key:` or `key: ~`) with a new mapping holding `key: value`. */
function fillEmpty(y: YamlText, at: Located, key: string, value: PlainValue): TextEdit[] {
  const { text, eol } = y;
  const pair = at.pair;
  const inFlow = isMap(at.parent) && at.parent.flow === true;
  if (!pair || inFlow) return replaceValueEdits(y, at, { [key]: value } as PlainValue);
  const column = columnOf(text, pair.key.range?.[0] ?? 0) + y.unit;
  const lines = eol + blockLines(y, key, value, column);
  const node = at.node;
  const colon = afterColon(text, pair);
  if (!node?.range || node.range[0] === node.range[1]) {
    const at = lineEndOf(text, colon);
    return [{ start: at, end: at, newText: lines }];
  }
  // `key: ~` or `key: null`: drop the null (and the spaces before it), keep any comment, add the lines below.
  const lineEnd = lineEndOf(text, node.range[1]);
  if (lineEnd === node.range[1]) return [{ start: colon, end: node.range[1], newText: lines }];
  return [{ start: colon, end: node.range[1], newText: '' }, { start: lineEnd, end: lineEnd, newText: lines }];
}

/** Edits that add `key: value` to the collection at `mapPath` (a mapping, or an empty value that becomes one). */
export function insertEntryEdits(y: YamlText, mapPath: YamlPath, key: string, value: PlainValue): TextEdit[] {
  const at = locate(y.doc, mapPath);
  if (!at) throw new EditError(`No "${mapPath.join('.')}" in the YAML file.`);
  const node = at.node;
  if (isMap(node)) {
    return node.flow ? insertIntoFlowMap(y, node, mapPath, key, value) : insertIntoBlockMap(y, node, mapPath, key, value);
  }
  if (mapPath.length === 0) {
    if (node !== null && !isEmptyValue(node)) throw new EditError('.mlproject.yaml is not a mapping of keys to values.');
    return [appendAtEnd(y, blockLines(y, key, value, 0))];
  }
  if (isEmptyValue(node)) return fillEmpty(y, at, key, value);
  // A value of the wrong kind (text or a list where a mapping belongs): never overwrite what the author wrote.
  throw new EditError(`\`${mapPath.join('.')}\` in .mlproject.yaml is not a mapping; fix it first.`);
}

/**
 * Edits that make the value at `path` equal to `value`: the existing value's text is replaced, or the first
 * missing key is inserted with the rest of the path as nested mappings.
 */
export function setValueEdits(y: YamlText, path: YamlPath, value: PlainValue): TextEdit[] {
  const existing = locate(y.doc, path);
  if (existing) return replaceValueEdits(y, existing, value);
  let depth = path.length - 1;
  while (depth > 0 && !locate(y.doc, path.slice(0, depth))) depth--;
  const rest = path.slice(depth);
  if (rest.some((segment) => typeof segment === 'number')) {
    throw new EditError(`Cannot create list items while setting "${path.join('.')}".`);
  }
  const nested = rest.slice(1).reduceRight<PlainValue>((inner, segment) => ({ [segment]: inner }), value);
  return insertEntryEdits(y, path.slice(0, depth), String(rest[0]), nested);
}
