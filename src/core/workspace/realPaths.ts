// Real paths: whether a path is inside the workspace is decided on its real path (every symbolic link on the way
// resolved), never on its text. A path to be created is judged by its nearest existing ancestor. Every reader and
// writer of workspace files (safeRead.ts, safeWrite.ts), in the CLI and the extension alike, resolves here first.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { isInsideWorkspace } from './paths';

export type PathProblem = 'outside' | 'link-outside' | 'missing' | 'not-regular' | 'not-folder' | 'too-large' | 'loop';

/** A workspace path mlproject refuses to read or write; the message names the path (and the link, if one is to blame). */
export class WorkspacePathError extends Error {
  constructor(
    message: string,
    readonly problem: PathProblem,
    /** the workspace-relative path of the symbolic link to blame, when one is */
    readonly link?: string,
    /** the file's size in bytes, for `too-large` */
    readonly size?: number,
  ) {
    super(message);
    this.name = 'WorkspacePathError';
  }
}

export interface RealPath {
  /** the real path of the workspace root */
  root: string;
  /** the real absolute path: the existing part resolved, the missing rest appended */
  real: string;
  /** the path as given, workspace-relative with forward slashes (for messages) */
  shown: string;
  /** true when something exists at the path */
  exists: boolean;
  /** the workspace-relative path of the last symbolic link followed, if any */
  link?: string;
  /** set when the path (or an ancestor) is a symbolic link whose target does not exist: the link's relative path */
  dangling?: string;
}

const realRoots = new Map<string, string>();

/** The real path of a workspace root (cached; a root that does not exist is a `missing` error). */
export async function realRoot(root: string): Promise<string> {
  const abs = path.resolve(root);
  const cached = realRoots.get(abs);
  if (cached !== undefined) return cached;
  let real: string;
  try {
    real = await fsp.realpath(abs);
  } catch (e) {
    throw new WorkspacePathError(`the workspace folder ${abs} cannot be read: ${(e as Error).message}`, 'missing');
  }
  if (realRoots.size > 100) realRoots.clear();
  realRoots.set(abs, real);
  return real;
}

/** True when the absolute path `p` is `root` or below it. */
export function isWithin(root: string, p: string): boolean {
  if (p === root) return true;
  return p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function toShown(parts: readonly string[]): string {
  return parts.join('/') || '.';
}

/** The workspace-relative parts of `target` (absolute, or relative to `root`); refuses a path that leaves the workspace. */
function relativeParts(root: string, real: string, target: string): string[] {
  let rel: string;
  if (path.isAbsolute(target)) {
    const lexical = path.relative(path.resolve(root), target);
    rel = lexical.startsWith('..') || path.isAbsolute(lexical) ? path.relative(real, target) : lexical;
  } else rel = target;
  rel = rel.split(path.sep).join('/');
  if (rel === '' || rel === '.') return [];
  if (!isInsideWorkspace(rel)) throw new WorkspacePathError(`${target} is outside the workspace`, 'outside');
  return path.posix.normalize(rel).split('/').filter((p) => p !== '' && p !== '.');
}

/**
 * Resolves `target` (an absolute path, or one relative to `root`) component by component. A symbolic link that leads
 * outside the real workspace root is refused with a WorkspacePathError naming the link; a loop is refused too.
 * Nothing is created; a missing path resolves through its nearest existing ancestor.
 */
export async function resolveReal(root: string, target: string): Promise<RealPath> {
  const rootReal = await realRoot(root);
  const parts = relativeParts(root, rootReal, target);
  const shown = toShown(parts);
  let cur = rootReal;
  let link: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const cand = path.join(cur, parts[i]);
    const here = toShown(parts.slice(0, i + 1));
    let st;
    try {
      st = await fsp.lstat(cand);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { root: rootReal, real: path.join(cand, ...parts.slice(i + 1)), shown, exists: false, link };
      if (code === 'ENOTDIR') throw new WorkspacePathError(`${toShown(parts.slice(0, i))} is not a folder`, 'not-folder');
      throw e;
    }
    if (st.isSymbolicLink()) {
      let resolved: string;
      try {
        resolved = await fsp.realpath(cand);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') throw new WorkspacePathError(`${here}: too many levels of symbolic links (a loop)`, 'loop', here);
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
        // A dangling link: refuse it when its text leads outside; otherwise it is missing, and never written through.
        const lexical = path.resolve(cur, await fsp.readlink(cand));
        if (!isWithin(rootReal, lexical)) throw linkOutside(here);
        return { root: rootReal, real: path.join(cand, ...parts.slice(i + 1)), shown, exists: false, link: here, dangling: here };
      }
      if (!isWithin(rootReal, resolved)) throw linkOutside(here);
      cur = resolved;
      link = here;
    } else {
      if (i < parts.length - 1 && !st.isDirectory()) throw new WorkspacePathError(`${here} is not a folder`, 'not-folder');
      cur = cand;
    }
  }
  return { root: rootReal, real: cur, shown, exists: true, link };
}

function linkOutside(link: string): WorkspacePathError {
  return new WorkspacePathError(`${link} is a symbolic link that leads outside the workspace; mlproject does not follow it`, 'link-outside', link);
}

