// Turns values from the YAML into Markdown that cannot break the surrounding structure: table cells, single-line
// inline text, paragraphs and link destinations. The text the user wrote is kept readable (no blanket escaping);
// only what would change the document's structure is neutralised, including anything that looks like a marker.

/** Inline text on one line: newlines folded to spaces, HTML comment openers defused. */
export function inline(value: unknown): string {
  return String(value ?? '')
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/<!--/g, '&lt;!--')
    .trim();
}

/** A table cell: inline text with backslashes and pipes escaped; an em dash when empty. */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = inline(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  return text === '' ? '—' : text;
}

/** A Markdown table; every row is padded or cut to the header's width. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const width = header.length;
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map((r) => line(Array.from({ length: width }, (_, i) => r[i] ?? '—'))),
  ];
}

/** Escapes a leading character that would start a block (heading, list, quote, fence, table, setext line). */
function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1].length)}`;
  if (/^(#|>|[-+*](\s|$)|([-*_])(\s*\3){2,}\s*$|```|~~~)/.test(line)) return '\\' + line;
  return line;
}

/** Free text as Markdown paragraphs: blank lines separate paragraphs, other line breaks fold to spaces. */
export function paragraphs(value: unknown): string[] {
  const text = String(value ?? '').trim();
  if (text === '') return [];
  const out: string[] = [];
  for (const para of text.split(/\r?\n[ \t]*\r?\n\s*/)) {
    const folded = inline(para);
    if (folded === '') continue;
    if (out.length > 0) out.push('');
    out.push(escapeLineStart(folded));
  }
  return out;
}

/** Text inside `[...]` of a link. */
export function linkText(value: unknown): string {
  return inline(value).replace(/\\/g, '\\\\').replace(/([[\]])/g, '\\$1');
}

/** A link destination that stays one token: spaces, parentheses and angle brackets percent-encoded. */
export function linkDestination(url: string): string {
  return url.trim().replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** True for an http(s) URL or a relative path without a scheme (what the brief may link to). */
export function isLinkable(url: unknown): url is string {
  if (typeof url !== 'string' || url.trim() === '') return false;
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//') && !u.startsWith('/') && !u.includes('\\');
}

/** Inline code span that survives backticks inside the value. */
export function code(value: unknown): string {
  const text = inline(value);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
