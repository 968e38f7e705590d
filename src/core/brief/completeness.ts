// How complete a brief is: each required section (the template's headings) must be present, matched by heading
// text case-insensitively at any level, and must have real content. Prompts (`_TODO:_` paragraphs), HTML comments
// (markers included), thematic breaks and bare table headers are not content; code blocks are.
import type { Diagnostic, Range } from '../types';
import type { WorkspaceFs } from '../workspace/workspaceFs';
import { findMarkers } from './markers';
import { headingKey, parseOutline, type Outline, type OutlineHeading } from './outline';
import { TODO_PREFIX, toTemplate, type TemplateInput } from './template';

export const BRIEF_SECTION_MISSING = 'brief-section-missing';
export const BRIEF_SECTION_EMPTY = 'brief-section-empty';

export interface BriefSectionStatus {
  id: string;
  heading: string;
  present: boolean;
  filled: boolean;
  /** the heading's range in the brief, when present */
  range?: Range;
}

export interface BriefStatus {
  path: string;
  exists: boolean;
  sections: BriefSectionStatus[];
  filledCount: number;
  requiredCount: number;
  hasMarkers: boolean;
  diagnostics: Diagnostic[];
}

/** True when an inline source (one paragraph, cell or heading) has text beyond comments and `_TODO:_` prompts. */
export function hasRealText(source: string): boolean {
  // each comment becomes its line breaks plus a \0 that marks "a comment was here"
  const marked = source.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, '') + '\0');
  let inPrompt = false;
  for (const raw of marked.split('\n')) {
    if (raw.includes('\0')) inPrompt = false;
    const line = raw.replace(/\0/g, '').trim();
    if (line.startsWith(TODO_PREFIX)) inPrompt = true;
    else if (line !== '' && !inPrompt) return true;
  }
  return false;
}

/** True when the block tokens on lines [from, to) hold real content. */
function sectionHasContent(outline: Outline, from: number, to: number): boolean {
  let skip = 0; // inside a table header or a sub-heading: text there is not content
  let line = -1;
  for (const t of outline.tokens) {
    if (t.type === 'thead_open' || t.type === 'heading_open') skip++;
    if (t.type === 'thead_close' || t.type === 'heading_close') skip--;
    if (t.map) line = t.map[0]; // table cells have no map of their own: they take their row's
    if (line < from || line >= to) continue;
    if ((t.type === 'fence' || t.type === 'code_block') && t.content.trim() !== '') return true;
    if (t.type === 'inline' && skip === 0 && hasRealText(t.content)) return true;
  }
  return false;
}

function findHeading(headings: readonly OutlineHeading[], wanted: string, level: number): OutlineHeading | undefined {
  const key = headingKey(wanted);
  const matches = headings.filter((h) => headingKey(h.text) === key);
  return matches.find((h) => h.level === level) ?? matches[0];
}

/** Completeness of a brief's text against a template. `path` is the brief's workspace-relative path. */
export function briefStatus(text: string, path: string, template: TemplateInput): BriefStatus {
  const t = toTemplate(template);
  const outline = parseOutline(text);
  const lineCount = outline.lines.lineCount;
  const sections: BriefSectionStatus[] = [];
  const diagnostics: Diagnostic[] = [];
  const fileStart = outline.lines.range(0, 0);
  const found = t.sections.map((s) => findHeading(outline.headings, s.heading, s.level));
  const starts = found.filter((h): h is OutlineHeading => h !== undefined).map((h) => h.startLine);
  t.sections.forEach((s, i) => {
    const prompt = s.prompt ?? `write what the "${s.heading}" section asks for.`;
    const h = found[i];
    if (!h) {
      sections.push({ id: s.id, heading: s.heading, present: false, filled: false });
      diagnostics.push({
        code: BRIEF_SECTION_MISSING,
        severity: 'warning',
        message: `The brief has no "${s.heading}" section. Add a "${'#'.repeat(s.level)} ${s.heading}" heading: ${prompt}`,
        range: fileStart,
        file: path,
      });
      return;
    }
    // a section ends at the next heading of its level or higher, or at the next required section's heading
    const next = outline.headings.find((o) => o.startLine >= h.endLine && (o.level <= h.level || starts.includes(o.startLine)));
    const filled = sectionHasContent(outline, h.endLine, next ? next.startLine : lineCount);
    sections.push({ id: s.id, heading: s.heading, present: true, filled, range: h.range });
    if (!filled) {
      diagnostics.push({
        code: BRIEF_SECTION_EMPTY,
        severity: 'warning',
        message: `The brief's "${h.text}" section is empty: ${prompt}`,
        range: h.range,
        file: path,
      });
    }
  });
  const filledCount = sections.filter((s) => s.filled).length;
  return { path, exists: true, sections, filledCount, requiredCount: sections.length, hasMarkers: findMarkers(text).hasMarkers, diagnostics };
}

/** Reads the brief at `briefPath` and checks it; a missing file is `exists: false` with no diagnostics. */
export async function readBriefStatus(fs: WorkspaceFs, briefPath: string, template: TemplateInput): Promise<BriefStatus> {
  const t = toTemplate(template);
  const text = await fs.readText(briefPath);
  if (text === undefined) {
    const sections = t.sections.map((s) => ({ id: s.id, heading: s.heading, present: false, filled: false }));
    return { path: briefPath, exists: false, sections, filledCount: 0, requiredCount: sections.length, hasMarkers: false, diagnostics: [] };
  }
  return briefStatus(text, briefPath, t);
}
