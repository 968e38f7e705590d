// The `.gitattributes` entry that lets two branches which each appended runs merge without a conflict: the history
// is merged with git's `union` driver, which keeps the lines of both sides. Adding it only ever appends one line;
// the user's own bytes (line endings, a missing final newline, comments) are kept, and an existing entry for the
// history, whatever it says, is never duplicated or changed.
import * as path from 'path';
import { readWorkspaceFile } from '../workspace/safeRead';
import { replaceFile } from '../workspace/safeWrite';

export const GITATTRIBUTES = '.gitattributes';

/** `added`: the line was appended; `present`: the history already merges by union; `other`: it has its own merge setting. */
export type AttributeOutcome = 'added' | 'present' | 'other';

/** The workspace-relative history path as a gitattributes pattern relative to the workspace folder. */
export function attributePattern(historyRel: string): string {
  const rel = path.posix.normalize(historyRel.split(path.sep).join('/')).replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  const globEscaped = rel.replace(/[*?[\\]/g, '\\$&');
  if (!/[\s"]/.test(globEscaped)) return globEscaped;
  return `"${globEscaped.replace(/[\\"]/g, '\\$&').replace(/\t/g, '\\t')}"`;
}

/** The first word of a gitattributes line (a quoted pattern unquoted) and the attributes after it. */
function splitLine(line: string): { pattern: string; attributes: string[] } | undefined {
  const t = line.trim();
  if (t.length === 0 || t.startsWith('#')) return undefined;
  if (!t.startsWith('"')) {
    const [pattern, ...attributes] = t.split(/\s+/);
    return { pattern, attributes };
  }
  let i = 1;
  let pattern = '';
  while (i < t.length && t[i] !== '"') {
    if (t[i] === '\\' && i + 1 < t.length) {
      pattern += t[i + 1] === 't' ? '\t' : t[i + 1];
      i += 2;
    } else pattern += t[i++];
  }
  return { pattern, attributes: t.slice(i + 1).trim().split(/\s+/).filter(Boolean) };
}

/** What a .gitattributes text already says about merging the history. */
export function historyMergeSetting(text: string, historyRel: string): AttributeOutcome | undefined {
  const wanted = splitLine(attributePattern(historyRel))!.pattern;
  let found: AttributeOutcome | undefined;
  for (const line of text.split(/\r?\n/)) {
    const entry = splitLine(line);
    if (!entry || entry.pattern.replace(/^\/+/, '') !== wanted) continue;
    for (const a of entry.attributes) {
      if (a === 'merge=union') found = 'present';
      else if (/^[-!]?merge(=|$)/.test(a)) found = 'other'; // a later line overrides an earlier one, as in git
    }
  }
  return found;
}

/** The text with the history's `merge=union` line appended, or undefined when an entry for it already exists. */
export function withUnionEntry(text: string, historyRel: string): string | undefined {
  if (historyMergeSetting(text, historyRel) !== undefined) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return `${text}${sep}${attributePattern(historyRel)} merge=union${eol}`;
}

/** Makes `<root>/.gitattributes` merge the history by union (creating the file when there is none). */
export async function ensureHistoryMergeUnion(root: string, historyRel: string): Promise<AttributeOutcome> {
  const file = path.join(root, GITATTRIBUTES);
  // by its real path inside the workspace, a bounded regular file; every byte of it is kept
  const bytes = (await readWorkspaceFile(root, file, { maxBytes: 1024 * 1024 })) ?? Buffer.alloc(0);
  const text = bytes.toString('utf8');
  const next = withUnionEntry(text, historyRel);
  if (next === undefined) return historyMergeSetting(text, historyRel)!;
  await replaceFile(root, file, Buffer.concat([bytes, Buffer.from(next.slice(text.length), 'utf8')]));
  return 'added';
}
