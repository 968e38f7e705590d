// The headings of a Markdown text as markdown-it (HTML off) sees them: ATX and setext headings, never a `#` line
// inside a code block. A BOM is skipped; CRLF is fine because markdown-it keeps the line count and LineIndex
// treats \r\n as one break. Headings inside generated marker blocks are flagged so templates can ignore them.
import MarkdownIt from 'markdown-it';
type Token = MarkdownIt.Token;
import { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import type { MarkerBlock } from './markers';

export interface OutlineHeading {
  /** the heading's text without markup, whitespace collapsed */
  text: string;
  level: number;
  /** zero-based first line and the line after the heading (setext headings span two or more lines) */
  startLine: number;
  endLine: number;
  /** from the first character of the heading to the end of its last line, trailing spaces excluded */
  range: Range;
}

export interface Outline {
  tokens: Token[];
  headings: OutlineHeading[];
  lines: LineIndex;
}

const md = new MarkdownIt({ html: false, linkify: false });

function headingText(inlineToken: Token | undefined): string {
  if (!inlineToken) return '';
  const parts = (inlineToken.children ?? []).map((c) =>
    c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : '',
  );
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function parseOutline(text: string): Outline {
  const lines = new LineIndex(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tokens = md.parse(bom ? text.slice(1) : text, {});
  const headings: OutlineHeading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open' || !t.map) continue;
    const [startLine, endLine] = t.map;
    let start = lines.lineStart(startLine);
    const firstEnd = lines.lineEnd(startLine);
    while (start < firstEnd && /[\s\uFEFF]/.test(text[start])) start++;
    let end = lines.lineEnd(endLine - 1);
    while (end > start && /\s/.test(text[end - 1])) end--;
    headings.push({ text: headingText(tokens[i + 1]), level: Number(t.tag.slice(1)), startLine, endLine, range: lines.range(start, end) });
  }
  return { tokens, headings, lines };
}

/** Headings that are not inside any of the given blocks (generated content). */
export function headingsOutside(headings: readonly OutlineHeading[], blocks: readonly MarkerBlock[]): OutlineHeading[] {
  return headings.filter((h) => !blocks.some((b) => h.startLine > b.beginLine && h.startLine < b.endLine));
}

/** Lower-case, whitespace-collapsed heading text for case-insensitive matching. */
export function headingKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A stable id for a heading: `Team and runway` → `team-and-runway`. */
export function slug(text: string): string {
  return headingKey(text).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'section';
}
