// Workspace-relative path handling: every path read from the YAML is resolved inside the workspace, never outside.
import * as path from 'path';

/** Normalises a workspace-relative path to forward slashes without a leading `./`. */
export function normaliseRelative(relPath: string): string {
  return path.posix.normalize(relPath.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
}

/** True when `relPath` stays inside the workspace (not absolute, no `..` that climbs out). */
export function isInsideWorkspace(relPath: string): boolean {
  if (relPath.length === 0 || relPath.includes('\0')) return false;
  const p = relPath.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.startsWith('~')) return false;
  const n = path.posix.normalize(p);
  return n !== '..' && !n.startsWith('../');
}

/** Absolute path of a workspace-relative path under `root`, or undefined when it would leave the workspace. */
export function resolveInside(root: string, relPath: string): string | undefined {
  if (!isInsideWorkspace(relPath)) return undefined;
  const abs = path.resolve(root, relPath);
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return abs;
}

/**
 * The absolute path of a workspace-relative path under `root`; throws (an `errorType`, so each caller reports it its
 * own way) saying which path leaves the workspace, e.g. `decision record "../x.md" is outside the workspace`.
 */
export function insideRoot(root: string, relPath: string, what: string, errorType: new (message: string) => Error = Error): string {
  const abs = resolveInside(root, relPath);
  if (!abs) throw new errorType(`${what} "${relPath}" is outside the workspace; use a path inside it`);
  return abs;
}
