// Generic quick-fix edits on one key of the plan: set a scalar (e.g. `project.lead`), remove a key with its
// line(s), rename a key (for "did you mean" fixes). Each changes only the text of what it targets.
import { isMap, type Node, type Pair } from 'yaml';
import type { YamlPath } from '../yamlPath';
import type { TextEdit } from '../types';
import { formatScalar } from './render';
import { EditError, setValueEdits } from './setValue';
import { lineEndOf, lineStartOf, locate, pairEnd, readYaml, startsLine } from './yamlText';

/** Edits that set the scalar at `path`, inserting the key (and missing mappings above it) when it is absent. */
export function setScalar(text: string, path: YamlPath, value: string | number | boolean | null): TextEdit[] {
  return setValueEdits(readYaml(text), path, value);
}

function lineBreakEnd(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  if (text[lineEnd] === '\n') return lineEnd + 1;
  return lineEnd;
}

/**
 * Edits that remove the pair at `path`: in a block mapping its whole line(s), with a trailing comment on its last
 * line; in a flow mapping the pair and one comma. Removing a missing key gives no edits.
 */
export function removeKey(text: string, path: YamlPath): TextEdit[] {
  const y = readYaml(text);
  const at = locate(y.doc, path);
  if (!at) return [];
  const map = at.parent;
  const pair = at.pair;
  if (!pair || !isMap(map)) throw new EditError(`"${path.join('.')}" is a list item, not a key.`);
  const pairs = map.items as Pair<Node, Node | null>[];
  const index = pairs.indexOf(pair);
  const keyStart = pair.key.range?.[0] ?? 0;
  const end = pairEnd(text, pair);
  const next = pairs[index + 1];
  const previous = pairs[index - 1];

  if (map.flow) {
    if (next?.key.range) return [{ start: keyStart, end: next.key.range[0], newText: '' }];
    if (previous) return [{ start: pairEnd(text, previous), end, newText: '' }];
    const [start, mapEnd] = map.range ?? [keyStart, end];
    return [{ start, end: mapEnd, newText: '{}' }];
  }
  if (!startsLine(text, keyStart)) {
    // The first key of a `- key: value` list item: the next key moves up behind the dash.
    if (next?.key.range) return [{ start: keyStart, end: next.key.range[0], newText: '' }];
    return [{ start: keyStart, end: lineEndOf(text, end), newText: '{}' }];
  }
  const start = lineStartOf(text, keyStart);
  const lineEnd = lineEndOf(text, end);
  const stop = lineBreakEnd(text, lineEnd);
  // The last line of the file without a line break: take the break before it instead.
  if (stop === lineEnd && start > 0) {
    const before = text[start - 2] === '\r' ? start - 2 : start - 1;
    return [{ start: before, end: lineEnd, newText: '' }];
  }
  return [{ start, end: stop, newText: '' }];
}

/** Edits that rename the key at `path` to `newKey`, replacing only the key's text. */
export function renameKey(text: string, path: YamlPath, newKey: string): TextEdit[] {
  const y = readYaml(text);
  const at = locate(y.doc, path);
  if (!at?.pair?.key.range) throw new EditError(`No key "${path.join('.')}" to rename.`);
  const [start, end] = at.pair.key.range;
  const inFlow = isMap(at.parent) && at.parent.flow === true;
  return [{ start, end, newText: formatScalar(newKey, inFlow) }];
}
