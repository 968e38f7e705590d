// Finds the generated blocks of a brief: a line `<!-- mlproject:begin ID hash=H -->`, the generated content, and a
// line `<!-- mlproject:end ID -->`. H (optional: templates and briefs written before it have none) is the hash of
// the content as it was generated (provenance.ts), so an edit by hand can be told from generated text. Markers
// must stand alone on their line (spaces around are allowed). Lines inside fenced code blocks are not markers, so
// a brief can show the syntax. Anything marker-like that is malformed, nested, duplicated or unbalanced is an
// error: the caller then writes nothing.

export interface MarkerBlock {
  id: string;
  /** zero-based lines of the begin and end markers */
  beginLine: number;
  endLine: number;
  /** offset just after the begin marker's line break: where the generated content starts */
  contentStart: number;
  /** offset of the start of the end marker's line: where the generated content ends */
  contentEnd: number;
  /** the line break that ends the begin marker (`\n` or `\r\n`), used for the generated lines */
  eol: string;
  /** the hash the begin marker records, when it has one */
  hash?: string;
  /** offsets of the begin marker's comment (`<!--` to `-->`) within its line */
  markerStart: number;
  markerEnd: number;
}

export interface MarkerScan {
  blocks: MarkerBlock[];
  /** true when any marker-like line was seen, even a broken one */
  hasMarkers: boolean;
  error?: string;
}

const MARKER = /^([ \t]*)(<!--[ \t]*mlproject:(begin|end)[ \t]+([A-Za-z0-9][A-Za-z0-9_-]*)(?:[ \t]+hash=([0-9a-f]{16}))?[ \t]*-->)[ \t]*$/;
const MARKER_LIKE = /^\s*<!--\s*mlproject:/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

export function beginMarker(id: string, hash?: string): string {
  return `<!-- mlproject:begin ${id}${hash ? ` hash=${hash}` : ''} -->`;
}

export function endMarker(id: string): string {
  return `<!-- mlproject:end ${id} -->`;
}

interface Line {
  text: string;
  start: number;
  /** offset after the line break (or the end of the text) */
  next: number;
  eol: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      if (start < text.length || out.length === 0) out.push({ text: text.slice(start), start, next: text.length, eol: '' });
      break;
    }
    const cr = nl > start && text.charCodeAt(nl - 1) === 13;
    out.push({ text: text.slice(start, cr ? nl - 1 : nl), start, next: nl + 1, eol: cr ? '\r\n' : '\n' });
    start = nl + 1;
  }
  return out;
}

export function findMarkers(text: string): MarkerScan {
  const lines = splitLines(text);
  const blocks: MarkerBlock[] = [];
  const seen = new Map<string, number>();
  let open: { id: string; line: number; contentStart: number; eol: string; hash?: string; markerStart: number; markerEnd: number } | undefined;
  let fence: string | undefined;
  let hasMarkers = false;
  const fail = (error: string): MarkerScan => ({ blocks: [], hasMarkers: true, error });

  for (let i = 0; i < lines.length; i++) {
    const raw = i === 0 ? lines[i].text.replace(/^\uFEFF/, '') : lines[i].text;
    const f = FENCE.exec(raw);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && raw.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f && !open) {
      fence = f[1];
      continue;
    }
    if (!MARKER_LIKE.test(raw)) continue;
    hasMarkers = true;
    const n = i + 1;
    const m = MARKER.exec(raw);
    if (!m) return fail(`line ${n}: malformed marker "${raw.trim()}"; write <!-- mlproject:begin ID --> (optionally with hash=16 hex digits) or <!-- mlproject:end ID --> alone on its line`);
    const [, indent, comment, kind, id, hash] = m;
    if (kind === 'begin') {
      if (open) return fail(`line ${n}: block "${id}" begins inside block "${open.id}" (line ${open.line + 1}); blocks cannot be nested`);
      if (seen.has(id)) return fail(`line ${n}: block "${id}" appears twice (first at line ${seen.get(id)! + 1})`);
      if (lines[i].eol === '') return fail(`line ${n}: block "${id}" begins on the last line and never ends`);
      seen.set(id, i);
      const markerStart = lines[i].start + (lines[i].text.length - raw.length) + indent.length;
      open = { id, line: i, contentStart: lines[i].next, eol: lines[i].eol, hash, markerStart, markerEnd: markerStart + comment.length };
    } else {
      if (hash) return fail(`line ${n}: the end marker of block "${id}" has a hash; only the begin marker records one`);
      if (!open) return fail(`line ${n}: end of block "${id}" without a matching begin`);
      if (open.id !== id) return fail(`line ${n}: end of block "${id}" while block "${open.id}" (line ${open.line + 1}) is open`);
      const { hash: recorded, markerStart, markerEnd } = open;
      blocks.push({ id, beginLine: open.line, endLine: i, contentStart: open.contentStart, contentEnd: lines[i].start, eol: open.eol, ...(recorded ? { hash: recorded } : {}), markerStart, markerEnd });
      open = undefined;
    }
  }
  if (open) return fail(`line ${open.line + 1}: block "${open.id}" never ends; add <!-- mlproject:end ${open.id} -->`);
  return { blocks, hasMarkers, error: undefined };
}

/** The line break a text mostly uses: CRLF when any line ends with it before the first bare LF, else LF. */
export function detectEol(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}
