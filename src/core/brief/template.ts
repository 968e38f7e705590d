// A brief template: Markdown whose headings are the brief's required sections and whose marker blocks say where
// generated content goes. The section level is 2 when the template has `##` headings outside marker blocks (the
// `#` title is then not a section), else the smallest level it has. Headings inside marker blocks are generated
// content, never sections. Each section's prompt (its first `_TODO:_` line) tells the author what to write; the
// shipped template keeps it outside the blocks, where the author's text replaces it and is never regenerated.
import { findMarkers, type MarkerBlock } from './markers';
import { headingsOutside, parseOutline, slug } from './outline';

export const TODO_PREFIX = '_TODO:_';

export interface TemplateSection {
  /** slug of the heading, unique within the template */
  id: string;
  heading: string;
  level: number;
  /** what to write, from the section's first `_TODO:_` line (without the prefix) */
  prompt?: string;
  /** ids of the marker blocks inside the section */
  blockIds: string[];
  /** zero-based lines [start, end) of the prompt's paragraph when it is outside the blocks, and the blank line before it */
  promptLines?: { start: number; end: number; blankBefore?: number };
}

export interface BriefTemplate {
  text: string;
  sections: TemplateSection[];
  blocks: MarkerBlock[];
  /** the template text inside each block (the prompt shown while the YAML has nothing to fill) */
  blockBodies: Map<string, string>;
}

export class BriefTemplateError extends Error {}

export type TemplateInput = string | BriefTemplate;

function promptIn(lines: string[]): { prompt?: string; at?: number } {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t.startsWith(TODO_PREFIX)) return { prompt: t.slice(TODO_PREFIX.length).trim() || undefined, at: i };
  }
  return {};
}

/** A line that opens or closes a fenced code block (up to three spaces, then three or more backticks or tildes). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The prompt's paragraph (from its line to the next blank line, a block or a code fence: a fence that follows the
 * prompt without a blank line is the user's, and stays whole) when no block contains it.
 */
function promptParagraph(textLines: string[], at: number, end: number, blocks: readonly MarkerBlock[]): TemplateSection['promptLines'] {
  if (blocks.some((b) => at > b.beginLine && at < b.endLine)) return undefined;
  let last = at + 1;
  while (last < end && textLines[last].trim() !== '' && !FENCE.test(textLines[last]) && !blocks.some((b) => b.beginLine === last)) last++;
  return { start: at, end: last, ...(at > 0 && textLines[at - 1].trim() === '' ? { blankBefore: at - 1 } : {}) };
}

/** Parses a template; throws BriefTemplateError when its markers are broken. */
export function parseTemplate(text: string): BriefTemplate {
  const scan = findMarkers(text);
  if (scan.error) throw new BriefTemplateError(`template: ${scan.error}`);
  const outline = parseOutline(text);
  const headings = headingsOutside(outline.headings, scan.blocks);
  const level = headings.some((h) => h.level === 2) ? 2 : Math.min(...headings.map((h) => h.level));
  const sectionHeadings = headings.filter((h) => h.level === level);
  const textLines = text.split(/\r?\n/);
  const sections: TemplateSection[] = [];
  const used = new Set<string>();
  for (const h of sectionHeadings) {
    const next = headings.find((o) => o.startLine >= h.endLine && o.level <= level);
    const endLine = next ? next.startLine : textLines.length;
    let id = slug(h.text);
    for (let n = 2; used.has(id); n++) id = `${slug(h.text)}-${n}`;
    used.add(id);
    const blockIds = scan.blocks.filter((b) => b.beginLine >= h.endLine && b.beginLine < endLine).map((b) => b.id);
    const { prompt, at } = promptIn(textLines.slice(h.endLine, endLine));
    const promptLines = at === undefined ? undefined : promptParagraph(textLines, h.endLine + at, endLine, scan.blocks);
    sections.push({ id, heading: h.text, level, prompt, blockIds, ...(promptLines ? { promptLines } : {}) });
  }
  const blockBodies = new Map<string, string>();
  for (const b of scan.blocks) blockBodies.set(b.id, text.slice(b.contentStart, b.contentEnd));
  return { text, sections, blocks: scan.blocks, blockBodies };
}

export function toTemplate(input: TemplateInput): BriefTemplate {
  return typeof input === 'string' ? parseTemplate(input) : input;
}
