// Markdown rendering for webviews and hovers: HTML off, no linkify, and links (and image sources) limited to
// http(s) URLs and relative paths that stay inside the workspace. HTML comments (the brief's markers and notes)
// are dropped before rendering, since with HTML off they would show as text.
import MarkdownIt from 'markdown-it';
import * as path from 'path';

export interface SafeMarkdownOptions {
  /** workspace-relative path of the document being rendered; relative links resolve from its folder */
  documentPath?: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * True when `url` may be rendered as a link: an http(s) URL, a fragment, or a relative path that, resolved from the
 * document's folder, stays inside the workspace. Percent-encoding is decoded first, so `%2e%2e/` counts as `../`.
 */
export function isSafeLink(url: string, documentPath = ''): boolean {
  let u: string;
  try {
    u = decodeURIComponent(url.trim());
  } catch {
    return false;
  }
  if (/[\u0000-\u001f\u007f]/.test(u)) return false;
  const scheme = SCHEME.exec(u);
  if (scheme) return /^https?$/i.test(scheme[1]) && /^https?:\/\/[^/\\]/i.test(u);
  if (u.startsWith('#')) return true;
  if (u.startsWith('/') || u.startsWith('\\') || u.includes('\\') || u.startsWith('~')) return false;
  const target = u.replace(/[?#].*$/, '');
  const dir = path.posix.dirname(documentPath.replace(/\\/g, '/') || '.');
  const resolved = path.posix.normalize(path.posix.join(dir, target));
  return resolved !== '..' && !resolved.startsWith('../') && !path.posix.isAbsolute(resolved);
}

/** A markdown-it instance with HTML off, linkify off and the link validator above. */
export function createSafeMarkdown(options: SafeMarkdownOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url: string): boolean => isSafeLink(url, options.documentPath);
  return md;
}

/** Removes HTML comments that start a line (outside fenced code), keeping the line count. */
export function stripHtmlComments(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inComment) {
      const close = line.indexOf('-->');
      lines[i] = close < 0 ? '' : line.slice(close + 3);
      inComment = close < 0;
      continue;
    }
    const f = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const open = /^[ \t\uFEFF]*<!--/.exec(line);
    if (!open) continue;
    const close = line.indexOf('-->', open[0].length);
    lines[i] = close < 0 ? '' : line.slice(close + 3);
    inComment = close < 0;
  }
  return lines.join('\n');
}

/** HTML for a Markdown document (a brief, a decision record) that is safe to put in a webview or hover. */
export function renderSafeMarkdown(text: string, options: SafeMarkdownOptions = {}): string {
  return createSafeMarkdown(options).render(stripHtmlComments(text.replace(/^\uFEFF/, '')));
}
