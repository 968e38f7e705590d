// The data of one completion item, independent of the editor: what it shows, what it inserts where, and where it
// comes from. `origin` lets the editor drop what another provider already offers: the Red Hat YAML extension
// completes the schema's keys and enumerations, but cannot know the catalog's step ids or the plan's own ids.
import type { CursorContext } from './cursorContext';

export type CompletionOrigin = 'schema' | 'catalog' | 'plan';
export type CompletionKind = 'key' | 'value' | 'step' | 'rule' | 'candidate' | 'literature';

export interface PlanCompletion {
  label: string;
  kind: CompletionKind;
  origin: CompletionOrigin;
  /** a short line beside the label (a type, a title, a name) */
  detail?: string;
  /** plain text shown with the item (a description, a why, a takeaway) */
  documentation?: string;
  insertText: string;
  /** `insertText` is a snippet (`$0`, `${1|a,b|}`); else plain text */
  snippet: boolean;
  /** what the typed text is matched against */
  filterText: string;
  sortText: string;
  /** the offsets of the text the item replaces */
  range: { start: number; end: number };
}

/** Escapes text for a snippet's choice (`${1|a,b|}`). */
const choiceText = (s: string) => s.replace(/[\\|,$}]/g, (c) => `\\${c}`);

/** `key: ${1|a,b|}`: a key whose value is picked from a list. */
export const keyWithChoice = (key: string, values: readonly string[]): string => `${key}: \${1|${values.map(choiceText).join(',')}|}`;

/** The common fields of an item at a cursor context. */
export function itemAt(ctx: CursorContext, fields: Omit<PlanCompletion, 'range' | 'filterText' | 'sortText'> & { sortText?: string; filterText?: string }): PlanCompletion {
  const insertText = ctx.needsSpace ? ` ${fields.insertText}` : fields.insertText;
  return {
    ...fields,
    insertText,
    filterText: fields.filterText ?? fields.label,
    sortText: fields.sortText ?? fields.label,
    range: { start: ctx.start, end: ctx.end },
  };
}
