// Several minimal edits in a row, as one set of edits against the original text: each step computes its edits on
// the text the earlier steps left, and the result maps them back. Edits of different places stay separate (every
// byte between them is kept, untouched); edits that touch or overlap merge into one.
import type { TextEdit } from '../types';
import { applyEdits, sortEdits } from './applyEdits';

/** A step: the edits it makes to the text as the earlier steps left it. */
export type EditStep = (text: string) => TextEdit[];

interface Placed extends TextEdit {
  /** where the edit's new text sits in the current text */
  at: number;
}

/** Adds one edit of the current text (`edit`, in current offsets) to `placed` (sorted, in original offsets). */
function place(placed: Placed[], current: string, edit: TextEdit): Placed[] {
  // Current offset -> original offset, for an offset outside every placed edit's new text.
  const toOriginal = (offset: number): number => {
    let shift = 0;
    for (const p of placed) if (p.at + p.newText.length <= offset) shift += p.newText.length - (p.end - p.start);
    return offset - shift;
  };
  const touching = placed.filter((p) => p.at <= edit.end && edit.start <= p.at + p.newText.length);
  const start = Math.min(edit.start, ...touching.map((p) => p.at));
  const end = Math.max(edit.end, ...touching.map((p) => p.at + p.newText.length));
  const first = touching[0];
  const last = touching[touching.length - 1];
  const merged: Placed = {
    start: first && first.at <= edit.start ? first.start : toOriginal(start),
    end: last && last.at + last.newText.length >= edit.end ? last.end : toOriginal(end),
    newText: current.slice(start, edit.start) + edit.newText + current.slice(edit.end, end),
    at: start,
  };
  const delta = edit.newText.length - (edit.end - edit.start);
  const rest = placed.filter((p) => !touching.includes(p)).map((p) => (p.at > edit.end ? { ...p, at: p.at + delta } : p));
  return [...rest, merged].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The steps' edits mapped back onto `text`, and the text after them (what applying the steps in turn gives). */
export function mapSteps(text: string, steps: readonly EditStep[]): { edits: TextEdit[]; after: string } {
  let placed: Placed[] = [];
  let current = text;
  for (const step of steps) {
    // Later edits of one step are placed against the text after the earlier ones: apply them from the end.
    const edits = sortEdits(current, step(current)).reverse();
    for (const edit of edits) {
      placed = place(placed, current, edit);
      current = current.slice(0, edit.start) + edit.newText + current.slice(edit.end);
    }
  }
  return { edits: placed.map(({ start, end, newText }) => ({ start, end, newText })), after: current };
}

/** The edits of every step, in order, as edits of `text`; equal to applying the steps one after the other. */
export function composeEdits(text: string, steps: readonly EditStep[]): TextEdit[] {
  const { edits, after } = mapSteps(text, steps);
  // A safety net that the tests prove unused: never write a result other than the steps' own.
  return applyEdits(text, edits) === after ? edits : [{ start: 0, end: text.length, newText: after }];
}
