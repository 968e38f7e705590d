// Refreshes an existing brief from the current plan: only the marker blocks are regenerated; every byte outside
// them (human text, line endings, BOM, trailing spaces) is kept. A block edited by hand (its content no longer
// matches the hash in its begin marker, or, without a hash, it is not something the generator wrote: see
// provenance.ts) is never overwritten silently: it is kept and listed, and replaced only when the caller asks.
// A brief without markers, or with broken ones, is never rewritten: the result then carries an error.
import type { ProjectPlan } from '../model';
import { needsWrite, planBlocks, writeBlocks, type BriefOptions } from './generate';
import { findMarkers, type MarkerBlock } from './markers';
import { provenanceOf } from './provenance';
import { toTemplate, type TemplateInput } from './template';

export interface UpdateOptions extends BriefOptions {
  /** replace blocks edited by hand: all of them (true), or the ones named */
  replaceEdited?: boolean | readonly string[];
}

export interface KeptBlock {
  id: string;
  /** one-based line of its begin marker */
  line: number;
  /** `edited`: its content no longer matches its hash; `unknown`: it has no hash and is not generated text */
  provenance: 'edited' | 'unknown';
}

export interface BriefUpdate {
  /** the new text; the original text when there is an error */
  text: string;
  /** ids of the blocks that were rewritten (content, or the hash their marker records), in document order */
  changedBlocks: string[];
  /** blocks edited by hand whose content differs from what the plan generates: kept as they are */
  keptBlocks: KeptBlock[];
  /** blocks edited by hand that were replaced because the caller asked (also in changedBlocks) */
  replacedBlocks: string[];
  /** why nothing may be written */
  error?: string;
}

function failed(text: string, error: string): BriefUpdate {
  return { text, changedBlocks: [], keptBlocks: [], replacedBlocks: [], error };
}

export function updateBrief(existingText: string, plan: ProjectPlan, template: TemplateInput, options: UpdateOptions = {}): BriefUpdate {
  const scan = findMarkers(existingText);
  if (scan.error) return failed(existingText, `the brief's markers are broken, so it was not changed: ${scan.error}`);
  if (scan.blocks.length === 0) {
    return failed(existingText, 'the brief has no mlproject markers (<!-- mlproject:begin ID --> … <!-- mlproject:end ID -->), so it is never rewritten; add markers around the parts to generate');
  }
  const replace = options.replaceEdited;
  if (Array.isArray(replace)) {
    const missing = replace.filter((id) => !scan.blocks.some((b) => b.id === id));
    if (missing.length > 0) return failed(existingText, `the brief has no block ${missing.map((id) => `"${id}"`).join(', ')} to replace (its blocks: ${scan.blocks.map((b) => b.id).join(', ')}); nothing was changed`);
  }
  let t;
  try {
    t = toTemplate(template);
  } catch (e) {
    return failed(existingText, (e as Error).message);
  }
  const planned = planBlocks(existingText, scan.blocks, plan, t, options);
  if (planned.error) return failed(existingText, `the brief was not changed: ${planned.error}`);

  const writes = new Map<MarkerBlock, string>();
  const keptBlocks: KeptBlock[] = [];
  const replacedBlocks: string[] = [];
  for (const p of planned.blocks) {
    const provenance = provenanceOf(p.block.id, p.current, p.block.hash, p.generated, t.blockBodies.get(p.block.id));
    if (provenance !== 'generated') {
      const asked = replace === true || (Array.isArray(replace) && replace.includes(p.block.id));
      if (!asked) {
        keptBlocks.push({ id: p.block.id, line: p.block.beginLine + 1, provenance });
        continue;
      }
      replacedBlocks.push(p.block.id);
    }
    if (needsWrite(p, p.generated)) writes.set(p.block, p.generated);
  }
  return {
    text: writes.size === 0 ? existingText : writeBlocks(existingText, writes),
    changedBlocks: planned.blocks.filter((p) => writes.has(p.block)).map((p) => p.block.id),
    keptBlocks,
    replacedBlocks,
  };
}

/** One line per kept block, for messages: `goal (line 14, edited by hand)`. */
export function describeKept(kept: readonly KeptBlock[]): string {
  return kept.map((k) => `${k.id} (line ${k.line}, ${k.provenance === 'edited' ? 'edited by hand' : 'no hash: written before hashes or by hand'})`).join(', ');
}
