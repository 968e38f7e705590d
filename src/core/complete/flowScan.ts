// Where the cursor is inside a one-line flow collection (`discover: { business-understanding: done, d|`,
// `- { metric: f1, direction: |`, `attendees: [Dana, |`): which mapping's key, or which value, is being typed.
// The collection is usually unclosed while typing, so this scans the text before the cursor, character by character.
import type { YamlPath } from '../yamlPath';

export interface FlowPosition {
  kind: 'key' | 'value';
  /** key: the path of the mapping; value: the path of the value */
  path: YamlPath;
  /** key: the keys already in that mapping, before and after the cursor */
  existing: string[];
  /** where the typed word starts, as an index into the scanned text */
  partialStart: number;
}

interface FlowFrame {
  kind: 'map' | 'seq';
  path: YamlPath;
  keys: string[];
  key?: string;
  state: 'key' | 'value';
  index: number;
  /** where the current token starts; -1 after a nested collection closed (nothing to complete until `,`) */
  tokenStart: number;
}

const unquote = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/, '$2');

function childPath(frame: FlowFrame | undefined, base: YamlPath): YamlPath {
  if (!frame) return base;
  return frame.kind === 'map' ? [...frame.path, frame.key ?? ''] : [...frame.path, frame.index];
}

/** The keys of the rest of the mapping the cursor is in: after each `,` at its depth, up to its `}`. */
function keysInSuffix(suffix: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < suffix.length; i++) {
    const c = suffix[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c === ',') start = i + 1;
    else if (depth === 0 && c === ':' && start >= 0) {
      keys.push(unquote(suffix.slice(start, i)));
      start = -1;
    }
  }
  return keys;
}

/**
 * `text` starts with the `{` or `[` of a flow collection and ends at the cursor; `base` is the collection's path.
 * Undefined when the collection is closed before the cursor, or the cursor is right after a nested collection.
 */
export function flowPosition(text: string, suffix: string, base: YamlPath): FlowPosition | undefined {
  const stack: FlowFrame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const t = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'map' : 'seq', path: childPath(t, base), keys: [], state: 'key', index: 0, tokenStart: i + 1 });
    } else if (c === '}' || c === ']') {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) return undefined;
      parent.tokenStart = -1;
    } else if (!t) {
      return undefined;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === ',') {
      if (t.kind === 'seq') t.index++;
      else {
        const key = t.state === 'value' ? t.key : t.tokenStart >= 0 ? unquote(text.slice(t.tokenStart, i)) : undefined;
        if (key) t.keys.push(key);
        t.state = 'key';
        t.key = undefined;
      }
      t.tokenStart = i + 1;
    } else if (c === ':' && t.kind === 'map' && t.state === 'key' && (i + 1 === text.length || /[\s,}\]]/.test(text[i + 1]))) {
      t.key = t.tokenStart >= 0 ? unquote(text.slice(t.tokenStart, i)) : '';
      t.state = 'value';
      t.tokenStart = i + 1;
    }
  }
  const t = stack[stack.length - 1];
  if (!t || t.tokenStart < 0) return undefined;
  let partialStart = t.tokenStart;
  while (partialStart < text.length && /\s/.test(text[partialStart])) partialStart++;
  if (t.kind === 'seq') return { kind: 'value', path: [...t.path, t.index], existing: [], partialStart };
  if (t.state === 'value') return { kind: 'value', path: [...t.path, t.key ?? ''], existing: [], partialStart };
  return { kind: 'key', path: t.path, existing: [...t.keys, ...keysInSuffix(suffix)], partialStart };
}
