// Appends an item to a list of the plan (candidates, literature, reality checks) in the style of its existing items:
// a block list gets a new `- { ... }` line (or a block item when the items are block mappings) at their column;
// a flow list gets the item before its `]`; a missing list is added as a new top-level block.
import { isMap, isSeq, type Node, type YAMLSeq } from 'yaml';
import type { Candidate, LiteratureEntry, RealityCheck } from '../model';
import type { YamlPath } from '../yamlPath';
import type { TextEdit } from '../types';
import { isMapping, renderEntryLines, renderFlow, renderItemLines, type PlainValue } from './render';
import { EditError, replaceValueEdits, setValueEdits } from './setValue';
import { columnOf, contentEnd, isEmptyValue, lineEndOf, locate, readYaml, startsLine, type YamlText } from './yamlText';

function appendToBlockSeq(y: YamlText, seq: YAMLSeq, item: PlainValue): TextEdit[] {
  const { text, eol } = y;
  const last = seq.items[seq.items.length - 1] as Node | null;
  const dashColumn = columnOf(text, seq.range?.[0] ?? 0);
  let lines: string[];
  if (isMap(last) && !last.flow && last.items.length > 0 && isMapping(item)) {
    // Existing items are block mappings: write the new one the same way, keys at the same column.
    const keyColumn = columnOf(text, (last.items[0].key as Node).range?.[0] ?? 0);
    const entries = Object.entries(item).filter((e): e is [string, PlainValue] => e[1] !== undefined);
    const body = entries.flatMap(([k, v]) => renderEntryLines(k, v, keyColumn, y.unit));
    lines = body.map((line, i) => (i === 0 ? `${' '.repeat(dashColumn)}-${' '.repeat(keyColumn - dashColumn - 1)}${line.trimStart()}` : line));
  } else {
    lines = renderItemLines(item, dashColumn);
  }
  const at = lineEndOf(text, contentEnd(text, seq, seq.range?.[0] ?? 0));
  return [{ start: at, end: at, newText: eol + lines.join(eol) }];
}

function appendToFlowSeq(y: YamlText, seq: YAMLSeq, item: PlainValue): TextEdit[] {
  const { text, eol } = y;
  const itemText = renderFlow(item);
  const [start, end] = seq.range ?? [0, 0];
  const last = seq.items[seq.items.length - 1] as Node | null | undefined;
  if (!last?.range) return [{ start, end, newText: `[ ${itemText} ]` }];
  const lastEnd = last.range[1];
  if (!startsLine(text, last.range[0])) return [{ start: lastEnd, end: lastEnd, newText: `, ${itemText}` }];
  // One item per line: the new item on its own line, keeping a trailing comma if the list uses one.
  const pad = ' '.repeat(columnOf(text, last.range[0]));
  const comma = /^[ \t]*,/.exec(text.slice(lastEnd));
  if (comma) {
    const at = lastEnd + comma[0].length;
    return [{ start: at, end: at, newText: `${eol}${pad}${itemText},` }];
  }
  return [{ start: lastEnd, end: lastEnd, newText: `,${eol}${pad}${itemText}` }];
}

/** Edits appending `item` to the list at `path`, creating the list when it is missing or empty. */
export function appendItemEdits(y: YamlText, path: YamlPath, item: PlainValue): TextEdit[] {
  const at = locate(y.doc, path);
  if (!at) return setValueEdits(y, path, [item]);
  const node = at.node;
  if (isSeq(node)) return node.flow ? appendToFlowSeq(y, node, item) : appendToBlockSeq(y, node, item);
  if (isEmptyValue(node) && at.pair && !(isMap(at.parent) && at.parent.flow)) {
    const { text, eol } = y;
    const column = columnOf(text, at.pair.key.range?.[0] ?? 0) + y.unit;
    const lines = renderItemLines(item, column).join(eol);
    const colon = at.pair.key.range?.[1] ?? 0;
    if (!node?.range || node.range[0] === node.range[1]) {
      const lineEnd = lineEndOf(text, colon);
      return [{ start: lineEnd, end: lineEnd, newText: eol + lines }];
    }
    return replaceValueEdits(y, at, [item]);
  }
  if (isEmptyValue(node)) return replaceValueEdits(y, at, [item]);
  throw new EditError(`"${path.join('.')}" is not a list: fix it before adding items.`);
}

export function appendItem(text: string, path: YamlPath, item: PlainValue): TextEdit[] {
  return appendItemEdits(readYaml(text), path, item);
}

function plain(entry: object): PlainValue {
  return entry as PlainValue;
}

/** Appends a candidate; an id the list already has is refused (runs and the decision name candidates by id). */
export function addCandidate(text: string, candidate: Candidate): TextEdit[] {
  const y = readYaml(text);
  const list = locate(y.doc, ['candidates'])?.node;
  const ids = isSeq(list) ? list.items.map((item) => (isMap(item) ? item.get('id') : undefined)) : [];
  if (candidate.id !== undefined && ids.includes(candidate.id)) throw new EditError(`"${candidate.id}" is already a candidate.`);
  return appendItemEdits(y, ['candidates'], plain(candidate));
}

export function addLiterature(text: string, entry: LiteratureEntry): TextEdit[] {
  return appendItem(text, ['literature'], plain(entry));
}

export function addRealityCheck(text: string, entry: RealityCheck): TextEdit[] {
  return appendItem(text, ['reality_checks'], plain(entry));
}
