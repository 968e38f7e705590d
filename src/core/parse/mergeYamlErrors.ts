// One message per place: the YAML parser often reports two or three errors for one mistake (a key indented too far
// gives "nested mappings are not allowed" and "implicit keys need to be on a single line"). Errors at the same or
// overlapping range, or on the same line, become one diagnostic covering them all, with one message that says
// what to check.
import type { Diagnostic } from '../types';
import { OverlapIndex } from './overlapIndex';

/** The parser's error code beside the diagnostic made from it. */
export interface CodedDiagnostic {
  diagnostic: Diagnostic;
  code: string;
}

/** Codes the parser gives when a line cannot be read as `key: value` where it stands. */
const STRUCTURE = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN', 'BAD_INDENT']);
/** Of those, the ones that say a line was taken for a key: the parser's other words then only confuse. */
const KEY_LINE = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

const STRUCTURE_MESSAGE = 'YAML cannot read this line where it stands: write `key: value` (a space after the colon), indented with'
  + ' spaces to the same column as the keys beside it; a list item (`- ...`) belongs under a key that holds a list.';

function merged(group: CodedDiagnostic[]): Diagnostic {
  const first = group[0].diagnostic;
  if (group.length === 1) return first;
  const start = group.reduce((a, g) => (g.diagnostic.range.startOffset < a.range.startOffset ? g.diagnostic : a), first).range;
  const end = group.reduce((a, g) => (g.diagnostic.range.endOffset > a.range.endOffset ? g.diagnostic : a), first).range;
  const special = group.find((g) => !STRUCTURE.has(g.code)); // tabs, duplicate keys, depth: their own words are clearer
  const keyLine = group.some((g) => KEY_LINE.has(g.code));
  const message = special ? special.diagnostic.message : keyLine ? STRUCTURE_MESSAGE : first.message;
  return {
    ...first,
    message,
    range: { start: start.start, startOffset: start.startOffset, end: end.end, endOffset: end.endOffset },
  };
}

/**
 * Merges the diagnostics of parser errors at one place into one each; the order of first appearance is kept. Each
 * error joins the earliest group holding an error at the same place: a range overlapping its own (ends included),
 * or a start on the same line. Ranges run forwards (start <= end), as LineIndex.range makes them.
 */
export function mergeAtSamePlace(items: readonly CodedDiagnostic[]): Diagnostic[] {
  const groups: CodedDiagnostic[][] = [];
  const overlaps = new OverlapIndex(items.flatMap((i) => [i.diagnostic.range.startOffset, i.diagnostic.range.endOffset]));
  const earliestOnLine = new Map<number, number>();
  for (const item of items) {
    const { start, startOffset, endOffset } = item.diagnostic.range;
    const onLine = earliestOnLine.get(start.line);
    const overlapping = overlaps.earliest(startOffset, endOffset);
    const group = Math.min(onLine ?? groups.length, overlapping ?? groups.length);
    if (group === groups.length) groups.push([item]);
    else groups[group].push(item);
    if (onLine === undefined || group < onLine) earliestOnLine.set(start.line, group);
    overlaps.add(startOffset, endOffset, group);
  }
  return groups.map(merged);
}
