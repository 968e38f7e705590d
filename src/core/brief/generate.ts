// Generates the project brief from the plan: the template's text with each marker block filled by its id. Text
// outside the markers is copied unchanged, and generated lines use the line break of their block's begin marker.
import type { ProjectPlan } from '../model';
import { BLOCK_GENERATORS, DEFAULT_PROMPTS, KNOWN_BLOCK_IDS, type BlockContext } from './blocks';
import { findMarkers, type MarkerBlock } from './markers';
import type { RunSummary } from './runs';
import { BriefTemplateError, toTemplate, type BriefTemplate, type TemplateInput } from './template';

export interface BriefOptions {
  /** YYYY-MM-DD, the day the brief is generated (runway countdown) */
  today?: string;
  /** evaluation runs, for the latest metrics of the baseline and the candidates */
  runs?: readonly RunSummary[];
}

export interface FillResult {
  text: string;
  changedBlocks: string[];
  error?: string;
}

function unknownIdError(blocks: readonly MarkerBlock[]): string | undefined {
  const bad = blocks.find((b) => !(b.id in BLOCK_GENERATORS));
  if (!bad) return undefined;
  return `line ${bad.beginLine + 1}: unknown block id "${bad.id}"; known ids are ${KNOWN_BLOCK_IDS.join(', ')}`;
}

/** The content of one block: generated lines, or the template's prompt when the plan has nothing for it. */
function blockContent(block: MarkerBlock, ctx: BlockContext, template: BriefTemplate | undefined): string {
  const lines = BLOCK_GENERATORS[block.id](ctx);
  if (lines) {
    // a table runs on until a blank line: keep the end marker out of it
    if (lines.length > 0 && lines[lines.length - 1].startsWith('|')) lines.push('');
    return lines.map((l) => l + block.eol).join('');
  }
  const body = template?.blockBodies.get(block.id);
  if (body !== undefined && body.trim() !== '') {
    const normalised = body.split(/\r?\n/);
    if (normalised[normalised.length - 1] === '') normalised.pop();
    return normalised.map((l) => l + block.eol).join('');
  }
  return DEFAULT_PROMPTS[block.id] + block.eol;
}

/** Regenerates every marker block of `text`; reports broken markers or unknown ids instead of filling. */
export function fillBlocks(text: string, plan: ProjectPlan, template: BriefTemplate | undefined, options: BriefOptions = {}): FillResult {
  const scan = findMarkers(text);
  if (scan.error) return { text, changedBlocks: [], error: scan.error };
  const unknown = unknownIdError(scan.blocks);
  if (unknown) return { text, changedBlocks: [], error: unknown };
  const ctx: BlockContext = { plan, today: options.today, runs: options.runs };
  let out = '';
  let pos = 0;
  const changedBlocks: string[] = [];
  for (const block of scan.blocks) {
    const content = blockContent(block, ctx, template);
    if (content !== text.slice(block.contentStart, block.contentEnd)) changedBlocks.push(block.id);
    out += text.slice(pos, block.contentStart) + content;
    pos = block.contentEnd;
  }
  out += text.slice(pos);
  return { text: out, changedBlocks };
}

/**
 * The brief for a plan, from a template (the shipped `templates/brief.md` or the user's). Throws a
 * BriefTemplateError when the template's markers are broken or use an unknown block id.
 */
export function renderBrief(plan: ProjectPlan, template: TemplateInput, options: BriefOptions = {}): string {
  const t = toTemplate(template);
  const result = fillBlocks(t.text, plan, t, options);
  if (result.error) throw new BriefTemplateError(`template: ${result.error}`);
  return result.text;
}
