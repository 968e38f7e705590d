// Refreshes an existing brief from the current plan: only the marker blocks are regenerated; every byte outside
// them (human text, line endings, BOM, trailing spaces) is kept. A brief without markers, or with broken ones, is
// never rewritten: the result then carries an error and the original text.
import type { ProjectPlan } from '../model';
import { fillBlocks, type BriefOptions } from './generate';
import { findMarkers } from './markers';
import { toTemplate, type TemplateInput } from './template';

export interface BriefUpdate {
  /** the new text; the original text when there is an error */
  text: string;
  /** ids of the blocks whose content changed, in document order */
  changedBlocks: string[];
  /** why nothing may be written */
  error?: string;
}

export function updateBrief(existingText: string, plan: ProjectPlan, template: TemplateInput, options: BriefOptions = {}): BriefUpdate {
  const scan = findMarkers(existingText);
  if (scan.error) return { text: existingText, changedBlocks: [], error: `the brief's markers are broken, so it was not changed: ${scan.error}` };
  if (scan.blocks.length === 0) {
    return {
      text: existingText,
      changedBlocks: [],
      error: 'the brief has no mlproject markers (<!-- mlproject:begin ID --> … <!-- mlproject:end ID -->), so it is never rewritten; add markers around the parts to generate',
    };
  }
  let t;
  try {
    t = toTemplate(template);
  } catch (e) {
    return { text: existingText, changedBlocks: [], error: (e as Error).message };
  }
  const result = fillBlocks(existingText, plan, t, options);
  if (result.error) return { text: existingText, changedBlocks: [], error: `the brief was not changed: ${result.error}` };
  return result;
}
