// Generates the project brief from the plan: the template's text with each marker block filled by its id. Text
// outside the markers is copied unchanged, and generated lines use the line break of their block's begin marker.
// Each begin marker records the hash of what was generated (provenance.ts), so an update can tell an edit by hand.
import type { ProjectPlan } from '../model';
import { ACTION_TITLES, PLAIN_FRONT_END, type ActionId, type FrontEnd } from '../frontEnd';
import { BLOCK_GENERATORS, KNOWN_BLOCK_IDS, type BlockContext } from './blocks';
import { beginMarker, findMarkers, type MarkerBlock } from './markers';
import { contentHash } from './provenance';
import type { RunSummary } from './runs';
import { BriefTemplateError, toTemplate, type BriefTemplate, type TemplateInput } from './template';

export interface BriefOptions {
  /** YYYY-MM-DD, the day the brief is generated (whether the runway has passed) */
  today?: string;
  /** evaluation runs, for the latest metrics of the baseline and the candidates */
  runs?: readonly RunSummary[];
  /** names the actions in the template's text (`{{action:updateBrief}}`), so the brief says which tool wrote it */
  frontEnd?: FrontEnd;
}

export interface PlannedBlock {
  block: MarkerBlock;
  /** the block's content in the text */
  current: string;
  /** what the plan generates for it (the template's text inside the block when the plan has nothing) */
  generated: string;
  /** true when the generated content comes from the plan, not from the template */
  fromPlan: boolean;
}

function unknownIdError(blocks: readonly MarkerBlock[]): string | undefined {
  const bad = blocks.find((b) => !(b.id in BLOCK_GENERATORS));
  if (!bad) return undefined;
  return `line ${bad.beginLine + 1}: unknown block id "${bad.id}"; known ids are ${KNOWN_BLOCK_IDS.join(', ')}`;
}

function contextOf(plan: ProjectPlan, options: BriefOptions): BlockContext {
  return { plan, today: options.today, runs: options.runs };
}

function withEol(lines: string[], eol: string): string {
  return lines.map((l) => l + eol).join('');
}

/** The content of one block: generated lines, else the template's text inside the block (often nothing). */
function blockContent(block: MarkerBlock, ctx: BlockContext, template: BriefTemplate | undefined): { generated: string; fromPlan: boolean } {
  const lines = BLOCK_GENERATORS[block.id](ctx);
  if (lines) {
    // a table runs on until a blank line: keep the end marker out of it
    if (lines.length > 0 && lines[lines.length - 1].startsWith('|')) lines.push('');
    return { generated: withEol(lines, block.eol), fromPlan: true };
  }
  const body = template?.blockBodies.get(block.id);
  if (body === undefined || body.trim() === '') return { generated: '', fromPlan: false };
  const normalised = body.split(/\r?\n/);
  if (normalised[normalised.length - 1] === '') normalised.pop();
  return { generated: withEol(normalised, block.eol), fromPlan: false };
}

/**
 * Each of `blocks` (the marker blocks found in `text`) with what the plan generates for it; an unknown id is an
 * error. The caller finds the markers (and reports broken ones), so a text is scanned once.
 */
export function planBlocks(text: string, blocks: readonly MarkerBlock[], plan: ProjectPlan, template: BriefTemplate | undefined, options: BriefOptions = {}): { blocks: PlannedBlock[]; error?: string } {
  const unknown = unknownIdError(blocks);
  if (unknown) return { blocks: [], error: unknown };
  const ctx = contextOf(plan, options);
  return {
    blocks: blocks.map((block) => ({ block, current: text.slice(block.contentStart, block.contentEnd), ...blockContent(block, ctx, template) })),
  };
}

/** True when writing `content` into the block would change the text (its content or the hash its marker records). */
export function needsWrite(p: PlannedBlock, content: string): boolean {
  return content !== p.current || p.block.hash !== contentHash(content);
}

/** The text with the given blocks' content replaced and their begin markers recording the new content's hash. */
export function writeBlocks(text: string, writes: ReadonlyMap<MarkerBlock, string>): string {
  const blocks = [...writes.keys()].sort((a, b) => a.markerStart - b.markerStart);
  let out = '';
  let pos = 0;
  for (const block of blocks) {
    const content = writes.get(block)!;
    out += text.slice(pos, block.markerStart) + beginMarker(block.id, contentHash(content)) + text.slice(block.markerEnd, block.contentStart) + content;
    pos = block.contentEnd;
  }
  return out + text.slice(pos);
}

/** `{{action:ID}}` in the template's text, named the way the front end does. */
function nameActions(text: string, frontEnd: FrontEnd): string {
  return text.replace(/\{\{action:([A-Za-z]+)\}\}/g, (m, id: string) => (id in ACTION_TITLES ? frontEnd.action(id as ActionId) : m));
}

/** The template's text without the prompts of sections whose every block the plan fills (a new brief shows a prompt only where there is something to write). */
function withoutAnsweredPrompts(t: BriefTemplate, planned: readonly PlannedBlock[]): string {
  const fromPlan = new Map(planned.map((p) => [p.block.id, p.fromPlan]));
  const drop = new Set<number>();
  for (const s of t.sections) {
    if (!s.promptLines || s.blockIds.length === 0 || !s.blockIds.every((id) => fromPlan.get(id))) continue;
    for (let i = s.promptLines.start; i < s.promptLines.end; i++) drop.add(i);
    if (s.promptLines.blankBefore !== undefined) drop.add(s.promptLines.blankBefore);
  }
  if (drop.size === 0) return t.text;
  return t.text.split(/(?<=\n)/).filter((_, i) => !drop.has(i)).join('');
}

/**
 * The brief for a plan, from a template (the shipped `templates/brief.md` or the user's). Throws a
 * BriefTemplateError when the template's markers are broken or use an unknown block id.
 */
export function renderBrief(plan: ProjectPlan, template: TemplateInput, options: BriefOptions = {}): string {
  const t = toTemplate(template);
  // parseTemplate has found the template's markers (and refused broken ones)
  const planned = planBlocks(t.text, t.blocks, plan, t, options);
  if (planned.error) throw new BriefTemplateError(`template: ${planned.error}`);
  const text = nameActions(withoutAnsweredPrompts(t, planned.blocks), options.frontEnd ?? PLAIN_FRONT_END);
  // Dropping prompts and naming actions moves the markers, so they are found again. A block keeps its id and its
  // line break, so what was generated for it above is what goes in; only a block the dropped lines bring out of a
  // code fence is new, and generated here.
  const scan = findMarkers(text);
  const error = scan.error ?? unknownIdError(scan.blocks);
  if (error) throw new BriefTemplateError(`template: ${error}`);
  const generated = new Map(planned.blocks.map((p) => [p.block.id, p.generated]));
  const ctx = contextOf(plan, options);
  return writeBlocks(text, new Map(scan.blocks.map((b) => [b, generated.get(b.id) ?? blockContent(b, ctx, t).generated])));
}
