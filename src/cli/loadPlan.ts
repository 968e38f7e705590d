// Finds and reads plan files for the CLI, turning every file-system problem into a one-line UsageError (exit 2).
import { promises as fsp } from 'fs';
import * as path from 'path';
import { PLAN_FILE_NAME } from '../core/model';
import { MAX_PLAN_CHARS } from '../core/parse/parsePlan';
import { WorkspacePathError } from '../core/workspace/realPaths';
import { readWorkspaceFile } from '../core/workspace/safeRead';
import { replaceFile } from '../core/workspace/safeWrite';
import { UsageError } from './io';

const SKIP = new Set(['node_modules', '.git', '.mlproject', 'dist', 'out']);

function reason(e: unknown, file: string): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file or folder'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ELOOP' ? 'too many levels of symbolic links'
        : code === 'EISDIR' ? 'is a folder'
          : (e as Error).message;
  return new UsageError(`cannot read ${file}: ${why}`);
}

/** Plan files named by the arguments: a file is taken as is; a folder is searched (6 levels deep). */
export async function findPlanFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let st;
    try {
      st = await fsp.stat(abs);
    } catch (e) {
      throw reason(e, arg);
    }
    if (st.isFile()) out.push(abs);
    else if (st.isDirectory()) {
      const found = await searchFolder(abs, 0);
      if (found.length === 0) throw new UsageError(`no ${PLAN_FILE_NAME} found in ${arg} (run \`mlproject init\` to create one)`);
      out.push(...found);
    } else throw new UsageError(`cannot read ${arg}: not a file or folder`);
  }
  return [...new Set(out)];
}

async function searchFolder(dir: string, depth: number): Promise<string[]> {
  if (depth > 6) return [];
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  if (entries.some((e) => e.name === PLAN_FILE_NAME && (e.isFile() || e.isSymbolicLink()))) out.push(path.join(dir, PLAN_FILE_NAME));
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) out.push(...await searchFolder(path.join(dir, e.name), depth + 1));
  }
  return out;
}

/**
 * The text of a plan file, decoded as UTF-8 (bad bytes become U+FFFD, which the parser reports). The plan's folder
 * is its workspace: a plan that is a symbolic link is read through it only when its real path is inside that folder.
 */
export async function readPlanFile(file: string): Promise<string> {
  const limit = MAX_PLAN_CHARS * 2;
  let bytes: Buffer | undefined;
  try {
    bytes = await readWorkspaceFile(path.dirname(file), file, { maxBytes: limit });
  } catch (e) {
    if (!(e instanceof WorkspacePathError)) throw reason(e, file);
    if (e.problem === 'too-large') {
      throw new UsageError(`cannot read ${file}: ${((e.size ?? limit) / 1e6).toFixed(1)} MB is far larger than any plan (limit ${MAX_PLAN_CHARS / 1e6} M characters)`);
    }
    const why = e.problem === 'loop' ? 'too many levels of symbolic links'
      : e.problem === 'not-regular' ? (/is a folder/.test(e.message) ? 'is a folder' : 'not a regular file')
        : e.message;
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
  if (bytes === undefined) throw new UsageError(`cannot read ${file}: no such file or folder`);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/**
 * Writes a plan file atomically: a temporary file in its real folder, then a rename. A plan that is a symbolic link
 * inside its folder is written through (the link stays a link); one that leads outside is refused.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await replaceFile(path.dirname(file), file, text);
}
