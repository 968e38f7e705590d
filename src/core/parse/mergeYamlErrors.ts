// One message per place: the YAML parser often reports two or three errors for one mistake (a key indented too far
// gives "nested mappings are not allowed" and "implicit keys need to be on a single line"). Errors at the same or
// overlapping range, or on the same line, become one diagnostic covering them all, with one message that says
// what to check.
import type { Diagnostic } from '../types';

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

function samePlace(a: Diagnostic, b: Diagnostic): boolean {
  const overlap = a.range.startOffset <= b.range.endOffset && b.range.startOffset <= a.range.endOffset;
  return overlap || a.range.start.line === b.range.start.line;
}

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

/** Merges the diagnostics of parser errors at one place into one each; the order of first appearance is kept. */
export function mergeAtSamePlace(items: readonly CodedDiagnostic[]): Diagnostic[] {
  const groups: CodedDiagnostic[][] = [];
  for (const item of items) {
    const group = groups.find((g) => g.some((other) => samePlace(other.diagnostic, item.diagnostic)));
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups.map(merged);
}
