// Finds and reads plan files for the CLI, turning every file-system problem into a one-line UsageError (exit 2).
import { promises as fsp } from 'fs';
import * as path from 'path';
import { PLAN_FILE_NAME } from '../core/model';
import { MAX_PLAN_CHARS } from '../core/parse/parsePlan';
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

/** The text of a plan file, decoded as UTF-8 (bad bytes become U+FFFD, which the parser reports). */
export async function readPlanFile(file: string): Promise<string> {
  let st;
  try {
    st = await fsp.stat(file);
  } catch (e) {
    throw reason(e, file);
  }
  if (st.isDirectory()) throw new UsageError(`cannot read ${file}: is a folder`);
  if (!st.isFile()) throw new UsageError(`cannot read ${file}: not a regular file`);
  if (st.size > MAX_PLAN_CHARS * 2) {
    throw new UsageError(`cannot read ${file}: ${(st.size / 1e6).toFixed(1)} MB is far larger than any plan (limit ${MAX_PLAN_CHARS / 1e6} M characters)`);
  }
  try {
    const bytes = await fsp.readFile(file);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch (e) {
    throw reason(e, file);
  }
}

/** Writes a file atomically: a temporary file next to it, then a rename. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fsp.writeFile(tmp, text, 'utf8');
  await fsp.rename(tmp, file);
}
