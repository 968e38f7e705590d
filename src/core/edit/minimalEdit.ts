// The smallest single edit that turns one text into another: only the middle that differs is replaced.
import type { TextEdit } from '../types';

/** One edit replacing only the part of `before` that differs from `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // never split a surrogate pair or a CRLF (the moved boundaries are inside the equal prefix / suffix)
  const splits = (t: string, i: number): boolean =>
    i > 0 && i < t.length && ((/[\uD800-\uDBFF]/.test(t[i - 1]) && /[\uDC00-\uDFFF]/.test(t[i])) || (t[i - 1] === '\r' && t[i] === '\n'));
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (endB < before.length && endA < after.length && (splits(before, endB) || splits(after, endA))) {
    endB++;
    endA++;
  }
  return [{ start, end: endB, newText: after.slice(start, endA) }];
}
