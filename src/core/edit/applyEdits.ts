// Applies text edits made against one original text. Edits may come in any order; two edits may touch (one ends
// where the next starts) but not overlap. Insertions at the same offset keep their given order.
import type { TextEdit } from '../types';

export class OverlappingEditsError extends Error {
  constructor(readonly first: TextEdit, readonly second: TextEdit) {
    super(`Overlapping edits: [${first.start}, ${first.end}) and [${second.start}, ${second.end})`);
    this.name = 'OverlappingEditsError';
  }
}

/** The edits in text order, checked: in range, start <= end, no overlap. */
export function sortEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map((e) => e.edit);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (e.start < 0 || e.end > text.length || e.start > e.end) {
      throw new RangeError(`Edit [${e.start}, ${e.end}) is outside the text (length ${text.length})`);
    }
    const prev = sorted[i - 1];
    if (prev && e.start < prev.end) throw new OverlappingEditsError(prev, e);
  }
  return sorted;
}

/** The text after applying all edits (offsets are into `text`). Throws on overlapping or out-of-range edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of sortEdits(text, edits)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
