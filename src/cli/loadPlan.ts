// Finds and reads plan files for the CLI, turning every file-system problem into a one-line UsageError (exit 2).
import { promises as fsp } from 'fs';
import * as path from 'path';
import { PLAN_FILE_NAME } from '../core/model';
import { MAX_PLAN_BYTES } from '../core/parse/parsePlan';
import { decodePlan, editPlanBytes, editRefusal, type PlanText } from '../core/edit/planText';
import type { TextEdit } from '../core/types';
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
      if (path.basename(abs) === PLAN_FILE_NAME) throw folderNamedLikePlan(arg);
      const found = await searchFolder(abs, 0);
      if (found.length === 0 && (await fsp.stat(path.join(abs, PLAN_FILE_NAME)).catch(() => undefined))?.isDirectory()) {
        throw folderNamedLikePlan(path.join(arg, PLAN_FILE_NAME));
      }
      if (found.length === 0) throw new UsageError(`no ${PLAN_FILE_NAME} found in ${arg} (run \`mlproject init\` to create one)`);
      out.push(...found);
    } else throw new UsageError(`cannot read ${arg}: not a file or folder`);
  }
  return [...new Set(out)];
}

/**
 * The plan file a command edits or reads: `pathArg` is the plan file or a folder holding ${PLAN_FILE_NAME}
 * (default: the current folder).
 */
export async function resolvePlanPath(pathArg: string | undefined, cwd: string): Promise<string> {
  const shown = pathArg ?? '.';
  const target = path.resolve(cwd, shown);
  let st;
  try {
    st = await fsp.stat(target);
  } catch (e) {
    throw reason(e, shown);
  }
  if (!st.isDirectory()) return target;
  if (path.basename(target) === PLAN_FILE_NAME) throw folderNamedLikePlan(shown);
  const planFile = path.join(target, PLAN_FILE_NAME);
  const inside = await fsp.stat(planFile).catch(() => undefined);
  if (inside?.isDirectory()) throw folderNamedLikePlan(path.join(shown, PLAN_FILE_NAME));
  if (!inside) throw new UsageError(`no ${PLAN_FILE_NAME} in ${target} (run \`mlproject init\` to create one, or pass the plan file's path)`);
  return planFile;
}

function folderNamedLikePlan(shown: string): UsageError {
  return new UsageError(`cannot read ${shown}: it is a folder, not a plan file (a plan is a YAML file named ${PLAN_FILE_NAME})`);
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

/** A plan over MAX_PLAN_BYTES: not read. `check` and `status` report it as a diagnostic on the file and go on. */
export class PlanTooLargeError extends UsageError {
  constructor(readonly file: string, readonly bytes: number) {
    super(`cannot read ${file}: ${(bytes / 1e6).toFixed(1)} MB is far larger than any plan (limit ${MAX_PLAN_BYTES / 1e6} MB)`);
  }
}

/**
 * The bytes of a plan file: a regular file within the size limit. The plan's folder is its workspace: a plan that
 * is a symbolic link is read through it only when its real path is inside that folder.
 */
async function readPlanBytes(file: string): Promise<Uint8Array> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readWorkspaceFile(path.dirname(file), file, { maxBytes: MAX_PLAN_BYTES });
  } catch (e) {
    if (!(e instanceof WorkspacePathError)) throw reason(e, file);
    if (e.problem === 'too-large') throw new PlanTooLargeError(file, e.size ?? MAX_PLAN_BYTES + 1);
    const why = e.problem === 'loop' ? 'too many levels of symbolic links'
      : e.problem === 'not-regular' ? (/is a folder/.test(e.message) ? 'is a folder' : 'not a regular file')
        : e.message;
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
  if (bytes === undefined) throw new UsageError(`cannot read ${file}: no such file or folder`);
  return bytes;
}

/** The text of a plan file, without its byte-order mark (bad bytes become U+FFFD, which the parser reports). */
export async function readPlanFile(file: string): Promise<string> {
  return decodePlan(await readPlanBytes(file)).text;
}

/** A plan file decoded for editing; refuses one that is not valid UTF-8 (writing it back would lose bytes). */
export async function readPlanForEdit(file: string): Promise<PlanText> {
  const plan = decodePlan(await readPlanBytes(file));
  const refusal = editRefusal(plan);
  if (refusal) throw new UsageError(`${file}: ${refusal}`);
  return plan;
}

/** Writes edits (offsets into `plan.text`) to the plan file, keeping its byte-order mark and every other byte. */
export async function writePlanEdits(file: string, plan: PlanText, edits: readonly TextEdit[]): Promise<void> {
  await writeFileAtomic(file, editPlanBytes(plan, edits));
}

/**
 * Writes a plan file atomically: a temporary file in its real folder, then a rename. A plan that is a symbolic link
 * inside its folder is written through (the link stays a link); one that leads outside is refused.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await replaceFile(path.dirname(file), file, typeof content === 'string' ? content : Buffer.from(content));
}
