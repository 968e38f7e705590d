// Reading the block structure of a YAML text line by line, without a parser: the plan is often not valid YAML
// while it is being typed (`status: ` with nothing after, a line of indentation, a lone `- `), so completion works
// from indentation. Each line is split into its entries (`- ` dashes and a `key:`); a stack of open mappings and
// sequences, keyed by column, gives the YAML path of every line.
import type { YamlPath } from '../yamlPath';

export interface LineKey {
  col: number;
  key: string;
  /** the value's text after `key:`, without its comment, trimmed */
  value: string;
  /** the column where the value's text starts (after `key:` and its spaces) */
  valueCol: number;
}

export interface LineEntries {
  indent: number;
  /** the column of each `- ` on the line, in order */
  dashes: number[];
  /** the column after the last dash and its spaces (the indent when there is no dash) */
  contentCol: number;
  key?: LineKey;
}

export interface Frame {
  col: number;
  kind: 'map' | 'seq';
  path: YamlPath;
  /** map: the keys seen so far, the last one and whether its value is still empty on its line */
  keys: string[];
  lastKey?: string;
  lastEmpty: boolean;
  /** seq: the index of the current item */
  index: number;
}

const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;

/** The key at the start of `text` (`key:` followed by a space or the end): its text and the length up to the `:`. */
function keyAt(text: string): { raw: string; length: number } | undefined {
  if (text === '' || /^[\s#{}[\],&*!|>%@`]/.test(text)) return undefined;
  if (text[0] === '"' || text[0] === "'") {
    const m = QUOTED_KEY.exec(text);
    return m ? { raw: m[1], length: m[0].length } : undefined;
  }
  const colon = /:(?=[ \t]|$)/.exec(text); // a plain key cannot hold ': ', so the first one ends it
  if (!colon) return undefined;
  const raw = text.slice(0, colon.index);
  return /\s#/.test(raw) ? undefined : { raw: raw.trimEnd(), length: colon.index + 1 };
}

/** `text` without a trailing ` # comment` (a `#` inside quotes is kept); not trimmed. */
export function withoutComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:,[{]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i);
    }
  }
  return text;
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  return key.startsWith("'") ? key.slice(1, -1).replace(/''/g, "'") : key.trim();
}

/** The entries of one line (a blank or comment line has neither dashes nor a key). */
export function lineEntries(line: string): LineEntries {
  let i = 0;
  while (line[i] === ' ') i++;
  const indent = i;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || /[ \t]/.test(line[i + 1]))) {
    dashes.push(i);
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const out: LineEntries = { indent, dashes, contentCol: i };
  const key = keyAt(line.slice(i));
  if (key) {
    let valueCol = i + key.length;
    while (line[valueCol] === ' ' || line[valueCol] === '\t') valueCol++;
    out.key = { col: i, key: unquote(key.raw), value: withoutComment(line.slice(valueCol)).trim(), valueCol };
  }
  return out;
}

/** The path of the value a new entry of `frame` would hold: the last key's value, or the current item. */
export function childPath(frame: Frame | undefined): YamlPath {
  if (!frame) return [];
  return frame.kind === 'map' ? [...frame.path, frame.lastKey ?? ''] : [...frame.path, frame.index];
}

const top = (stack: Frame[]): Frame | undefined => stack[stack.length - 1];

export function applyDash(stack: Frame[], col: number): void {
  while ((top(stack)?.col ?? -1) > col) stack.pop();
  const t = top(stack);
  if (t && t.kind === 'seq' && t.col === col) {
    t.index++;
    return;
  }
  stack.push({ col, kind: 'seq', path: childPath(t), keys: [], lastEmpty: false, index: 0 });
}

/** Pops what a key at `col` closes: deeper frames, and a sequence at the same column (`key:` then `- ` unindented). */
export function closeForKey(stack: Frame[], col: number): void {
  for (let t = top(stack); t && (t.col > col || (t.col === col && t.kind === 'seq')); t = top(stack)) stack.pop();
}

export function applyKey(stack: Frame[], col: number, key: string, value: string): void {
  closeForKey(stack, col);
  const t = top(stack);
  if (t && t.kind === 'map' && t.col === col) {
    t.keys.push(key);
    t.lastKey = key;
    t.lastEmpty = value === '';
    return;
  }
  stack.push({ col, kind: 'map', path: childPath(t), keys: [key], lastKey: key, lastEmpty: value === '', index: 0 });
}

/**
 * The open frames after reading `lines` (block scalars and flow collections on one line are skipped), and the column
 * of the key whose block scalar (`|`, `>`) is still open at the end (-1 when none is).
 */
export function scanLines(lines: readonly string[]): { stack: Frame[]; blockScalarOf: number } {
  const stack: Frame[] = [];
  let blockScalarOf = -1;
  for (const line of lines) {
    const entries = lineEntries(line);
    const blank = line.trim() === '' || line.trim().startsWith('#');
    if (blockScalarOf >= 0) {
      if (blank || entries.indent > blockScalarOf) continue;
      blockScalarOf = -1;
    }
    if (blank || /^(---|\.\.\.)(\s|$)/.test(line)) continue;
    for (const d of entries.dashes) applyDash(stack, d);
    if (entries.key) {
      applyKey(stack, entries.key.col, entries.key.key, entries.key.value);
      if (/^[|>]/.test(entries.key.value)) blockScalarOf = entries.key.col;
    }
  }
  return { stack, blockScalarOf };
}

/**
 * The keys at column `col` in the lines after the cursor that belong to the same mapping: up to the first line that
 * is less indented (a `- ` at that column is the value of a key before it, not the end of the mapping).
 */
export function keysAfter(lines: readonly string[], col: number): string[] {
  const keys: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const entries = lineEntries(line);
    const first = entries.dashes[0] ?? entries.key?.col ?? entries.indent;
    if (first < col) break;
    if (first === col && entries.dashes.length === 0 && entries.key) keys.push(entries.key.key);
  }
  return keys;
}

/** The indentation step of the file: the indent of the first line nested under a top-level key (2 by default). */
export function indentUnit(lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) {
    const prev = lineEntries(lines[i - 1]);
    const cur = lineEntries(lines[i]);
    if (prev.indent === 0 && prev.key && prev.key.value === '' && cur.indent > 0 && cur.indent <= 8 && lines[i].trim() !== '') return cur.indent;
  }
  return 2;
}
