// What is being typed at an offset of a plan: a key of some mapping, a value, or a new `- ` item whose schema says
// whether it is a mapping (keys) or a scalar (values), with the YAML path and the text the completion replaces.
// Works from the text alone, so that an incomplete line (`status: `, only indentation, `- `) still has a path.
import type { YamlPath } from '../yamlPath';
import { applyDash, childPath, closeForKey, indentUnit, keysAfter, lineEntries, scanLines, withoutComment, type Frame } from './blockScan';
import { flowPosition } from './flowScan';

export interface CursorContext {
  /** `item`: the start of a `- ` item, a mapping or a scalar depending on the schema of `path` */
  kind: 'key' | 'value' | 'item';
  /** key: the path of the mapping; value and item: the path of the value */
  path: YamlPath;
  /** key and item: the keys the mapping already has (before and after the cursor) */
  existing: string[];
  /** the text a completion replaces, as offsets (start is where the typed word begins) */
  start: number;
  end: number;
  /** the text from `start` to the cursor */
  typed: string;
  inFlow: boolean;
  /** the column of the key being typed (for the indentation of a nested value) */
  col: number;
  /** the file's indentation step */
  unit: number;
  /** the line already has `:` after the word: a key completion inserts only the key */
  hasColon: boolean;
  /** the cursor is right after `-` or `:`: insertions start with a space */
  needsSpace: boolean;
}

const KEY_WORD = /^[\w.-]*$/;

/** Lines of `text`, without their line breaks. */
const linesOf = (text: string): string[] => text.split(/\r?\n/);

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end: Math.max(end, offset) };
}

/** The path of the mapping a key at `col` would join, and the keys it already has; undefined when none can. */
function mappingAt(stack: Frame[], col: number): { path: YamlPath; keys: string[] } | undefined {
  closeForKey(stack, col);
  const t = stack[stack.length - 1];
  if (!t) return { path: [], keys: [] };
  if (t.kind === 'map' && t.col === col) return { path: t.path, keys: t.keys };
  if ((t.kind === 'map' && t.lastEmpty) || t.kind === 'seq') return t.col < col ? { path: childPath(t), keys: [] } : undefined;
  return undefined;
}

export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const line = lineBounds(text, offset);
  const prefix = text.slice(line.start, offset);
  const suffix = text.slice(offset, line.end);
  if (withoutComment(prefix) !== prefix || prefix.includes('\t')) return undefined;
  const before = line.start > 0 ? linesOf(text.slice(0, line.start - 1).replace(/\r$/, '')) : [];
  const after = linesOf(text.slice(line.end)).slice(1);
  const { stack, blockScalarOf } = scanLines(before);
  const entries = lineEntries(prefix);
  if (blockScalarOf >= 0 && entries.indent > blockScalarOf) return undefined;
  for (const d of entries.dashes) applyDash(stack, d);

  const base = {
    existing: [] as string[], typed: '', inFlow: false, unit: indentUnit(linesOf(text)), hasColon: false, needsSpace: false,
  };
  const inFlow = (flowText: string, flowStart: number, path: YamlPath): CursorContext | undefined => {
    const at = flowPosition(flowText, suffix, path);
    if (!at) return undefined;
    const start = flowStart + at.partialStart;
    const rest = /^[^,}\]#]*/.exec(suffix)![0].trimEnd();
    return { ...base, kind: at.kind, path: at.path, existing: at.existing, start, end: offset + rest.length, typed: text.slice(start, offset), inFlow: true, col: 0 };
  };

  if (entries.key) {
    // `key: value` being typed: a scalar value, or a flow collection.
    const { key } = entries;
    const mapping = mappingAt(stack, key.col);
    if (!mapping) return undefined;
    const path = [...mapping.path, key.key];
    const valueStart = line.start + Math.min(key.valueCol, prefix.length);
    const typed = text.slice(valueStart, offset);
    if (/^[{[]/.test(typed)) return inFlow(typed, valueStart, path);
    if (/^[|>&*!]/.test(typed)) return undefined;
    const rest = withoutComment(suffix).trimEnd();
    return { ...base, kind: 'value', path, start: valueStart, end: offset + rest.length, typed, col: key.col, needsSpace: prefix.endsWith(':') };
  }

  const col = entries.contentCol;
  const typed = prefix.slice(col);
  const start = line.start + col;
  const seq = entries.dashes.length > 0 ? stack[stack.length - 1] : undefined;
  if (/^[{[]/.test(typed)) return seq ? inFlow(typed, start, childPath(seq)) : undefined;
  const hasColon = /^[\w.-]*\s*:/.test(suffix);
  if (seq) {
    // The start of a `- ` item: keys when the items are mappings, values when they are scalars.
    const rest = hasColon ? /^[\w.-]*/.exec(suffix)![0] : withoutComment(suffix).trimEnd();
    return {
      ...base, kind: 'item', path: childPath(seq), existing: keysAfter(after, col), start, end: offset + rest.length, typed, col,
      hasColon, needsSpace: prefix.endsWith('-') && col === prefix.length,
    };
  }
  if (!KEY_WORD.test(typed)) return undefined;
  const mapping = mappingAt(stack, col);
  if (!mapping) return undefined;
  const word = /^[\w.-]*/.exec(suffix)![0];
  return {
    ...base, kind: 'key', path: mapping.path, existing: [...mapping.keys, ...keysAfter(after, col)], start, end: offset + word.length, typed, col, hasColon,
  };
}
