// Minimal text edits to `.mlproject.yaml` for the brief and the decision: set `project.brief`, write the
// `decision` block. Only the targeted values change; a missing key is one inserted line (or `, key: value` in a
// flow mapping); comments, order, quoting and line endings elsewhere stay byte for byte.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Decision } from '../model';
import type { TextEdit } from '../types';
import { formatFlowList, formatScalar, type ScalarValue } from './yamlScalar';

export class PlanEditError extends Error {}

type Value = ScalarValue | readonly ScalarValue[];

interface Ctx {
  text: string;
  eol: string;
  unit: number;
}

function isWs(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * End of a node's last value character: a block collection ends where its last item's value ends (its range runs on
 * over a trailing comment and line break), anything else at its range's end without trailing blanks.
 */
function contentEnd(ctx: Ctx, node: Node): number {
  if ((isSeq(node) || isMap(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) return pairEnd(ctx, last);
    if (last && (last as Node).range) return contentEnd(ctx, last as Node);
  }
  const [start, end] = node.range!;
  let e = end;
  while (e > start && isWs(ctx.text[e - 1])) e--;
  return e;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the start of the line after `offset` (or the end of the text). */
function nextLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function pairEnd(ctx: Ctx, pair: Pair): number {
  const v = pair.value as Node | null;
  if (v && v.range && v.range[1] > v.range[0]) return contentEnd(ctx, v);
  const keyEnd = (pair.key as Node).range![1];
  const colon = ctx.text.indexOf(':', keyEnd);
  return colon < 0 ? keyEnd : colon + 1;
}

/** An edit inserting whole lines after the line where `offset` is, keeping a missing final newline missing. */
function insertLines(ctx: Ctx, offset: number, lines: string[]): TextEdit {
  const at = nextLine(ctx.text, offset);
  if (at === ctx.text.length && !ctx.text.endsWith('\n')) return { start: at, end: at, newText: ctx.eol + lines.join(ctx.eol) };
  return { start: at, end: at, newText: lines.map((l) => l + ctx.eol).join('') };
}

function sameValue(node: unknown, value: Value): boolean {
  if (Array.isArray(value)) return isSeq(node) && JSON.stringify(node.toJSON()) === JSON.stringify(value);
  return isScalar(node) && node.value === value;
}

function formatValue(value: Value, flow: boolean, node?: unknown): string {
  if (Array.isArray(value)) return formatFlowList(value);
  return formatScalar(value as ScalarValue, flow, isScalar(node) ? node.type : undefined);
}

/** The edit that replaces an existing value with `value`, or undefined when it already holds it. */
function replaceValue(ctx: Ctx, pair: Pair, value: Value, flow: boolean): TextEdit | undefined {
  const node = pair.value as Node | null;
  if (sameValue(node, value)) return undefined;
  const keyEnd = (pair.key as Node).range![1];
  if (!node || !node.range || node.range[1] === node.range[0]) {
    const colon = ctx.text.indexOf(':', keyEnd);
    return { start: colon + 1, end: colon + 1, newText: ' ' + formatValue(value, flow) };
  }
  const start = node.range[0];
  const end = contentEnd(ctx, node);
  if (Array.isArray(value) && isSeq(node) && !node.flow && value.length > 0) {
    const indent = ctx.text.slice(lineStart(ctx.text, start), start);
    const items = value.map((v) => `- ${formatScalar(v, false)}`);
    return { start, end, newText: items.join(ctx.eol + indent) };
  }
  return { start, end, newText: formatValue(value, flow, node) };
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** Edits that set `entries` in a mapping (block or flow), inserting missing keys after `after` or at the end. */
function setInMap(ctx: Ctx, map: YAMLMap, entries: [string, Value][], after: string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: [string, Value][] = [];
  for (const [key, value] of entries) {
    const pair = map.items.find((p) => keyOf(p) === key);
    if (pair) {
      const e = replaceValue(ctx, pair, value, !!map.flow);
      if (e) edits.push(e);
    } else missing.push([key, value]);
  }
  if (missing.length === 0) return edits;
  if (map.flow) {
    const body = missing.map(([k, v]) => `${k}: ${formatValue(v, true)}`).join(', ');
    const last = map.items[map.items.length - 1];
    if (!last) edits.push({ start: map.range![0], end: contentEnd(ctx, map), newText: `{ ${body} }` });
    else {
      const at = pairEnd(ctx, last);
      edits.push({ start: at, end: at, newText: `, ${body}` });
    }
    return edits;
  }
  const first = map.items[0];
  const firstKey = first.key as Node;
  const indent = ctx.text.slice(lineStart(ctx.text, firstKey.range![0]), firstKey.range![0]);
  const anchor = after.map((k) => map.items.find((p) => keyOf(p) === k)).find((p) => p !== undefined) ?? map.items[map.items.length - 1];
  const lines = missing.map(([k, v]) => `${indent}${k}: ${formatValue(v, false)}`);
  edits.push(insertLines(ctx, pairEnd(ctx, anchor), lines));
  return edits;
}

function load(text: string): { doc: Document; ctx: Ctx } {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new PlanEditError(`.mlproject.yaml has syntax errors (${doc.errors[0].message.split('\n')[0]}); fix them first`);
  const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';
  const nested = /\n( +)\S/.exec(text);
  const unit = nested ? Math.min(nested[1].length, 8) : 2;
  return { doc, ctx: { text, eol, unit } };
}

/**
 * Edits that set `top.<key>` for each entry. A missing top-level mapping is inserted as a block after the first of
 * `topAfter` that exists (else at the end); a missing key goes after the first of `keyAfter` (else last).
 */
function setNested(text: string, top: string, entries: [string, Value][], topAfter: string[], keyAfter: string[]): TextEdit[] {
  const { doc, ctx } = load(text);
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new PlanEditError('.mlproject.yaml is not a mapping of keys to values');
  const topPair = root?.items.find((p) => keyOf(p) === top);
  const pad = ' '.repeat(ctx.unit);
  if (topPair && isMap(topPair.value)) return setInMap(ctx, topPair.value, entries, keyAfter);
  const lines = entries.map(([k, v]) => `${pad}${k}: ${formatValue(v, false)}`);
  if (topPair) {
    const v = topPair.value as Node | null;
    if (v && !(isScalar(v) && v.value === null)) throw new PlanEditError(`\`${top}\` in .mlproject.yaml is not a mapping; fix it first`);
    return [insertLines(ctx, pairEnd(ctx, topPair), lines)];
  }
  const block = [`${top}:`, ...lines];
  const anchor = root && topAfter.map((k) => root.items.find((p) => keyOf(p) === k)).find((p) => p !== undefined);
  const lastPair = root?.items[root.items.length - 1];
  if (anchor) return [insertLines(ctx, pairEnd(ctx, anchor), block)];
  if (lastPair) return [insertLines(ctx, pairEnd(ctx, lastPair), block)];
  if (text === '' || text.endsWith('\n')) return [{ start: text.length, end: text.length, newText: block.map((l) => l + ctx.eol).join('') }];
  return [{ start: text.length, end: text.length, newText: ctx.eol + block.join(ctx.eol) + ctx.eol }];
}

/** Edits that set `project.brief` to `briefPath` (none when it already is). */
export function setProjectBrief(text: string, briefPath: string): TextEdit[] {
  return setNested(text, 'project', [['brief', briefPath]], ['version'], ['lead', 'name']);
}

/** Edits that write the given fields of `decision` (others are left as they are). */
export function setDecision(text: string, decision: Decision): TextEdit[] {
  const entries: [string, Value][] = [];
  if (decision.chosen !== undefined) entries.push(['chosen', decision.chosen]);
  if (decision.date !== undefined) entries.push(['date', decision.date]);
  if (decision.rationale !== undefined) entries.push(['rationale', decision.rationale]);
  if (decision.attendees !== undefined) entries.push(['attendees', decision.attendees]);
  if (decision.record !== undefined) entries.push(['record', decision.record]);
  if (entries.length === 0) return [];
  return setNested(text, 'decision', entries, ['candidates', 'literature'], []);
}
