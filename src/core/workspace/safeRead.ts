// The one way mlproject reads a file. The path is resolved to its real path inside the workspace (realPaths.ts);
// the file is opened with O_NONBLOCK (a FIFO never blocks the open) and O_NOFOLLOW (the resolved final component
// cannot have been swapped for a link); the opened handle must be a regular file (fstat), and at most `maxBytes`
// are read, so a pipe, a device or an endless file is refused instead of hanging or exhausting memory.
import { constants, promises as fsp } from 'fs';
import { resolveReal, WorkspacePathError, type RealPath } from './realPaths';

export interface ReadOptions {
  /** refuse files larger than this (bytes) with a "larger than N MB" message */
  maxBytes: number;
}

/** The limit for Markdown documents (the brief, a template, a decision record): far above any real one. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

const OPEN_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** `n` bytes as megabytes for messages: "10", "0.5", "256". */
export function megabytes(n: number): string {
  const mb = n / 1024 / 1024;
  return mb >= 10 || Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1).replace(/\.0$/, '');
}

/** Refuses what is not a regular file: a folder, a pipe, a socket or a device. */
function requireRegular(st: { isDirectory(): boolean; isFile(): boolean }, shown: string): void {
  if (st.isDirectory()) throw new WorkspacePathError(`${shown} is a folder, not a regular file`, 'not-regular');
  if (!st.isFile()) throw new WorkspacePathError(`${shown} is not a regular file (a pipe, a socket or a device)`, 'not-regular');
}

/** An open regular file and its size when it was opened (one fstat serves the check and the read). */
interface OpenedFile {
  handle: fsp.FileHandle;
  size: number;
}

/** Opens the regular file at the absolute path `abs` (already judged safe) for reading; `shown` names it. */
async function openRegular(abs: string, shown: string): Promise<OpenedFile> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(abs, OPEN_READ);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkspacePathError(`${shown}: no such file or folder`, 'missing');
    if (code === 'ELOOP') throw new WorkspacePathError(`${shown} is a symbolic link; mlproject does not follow it here`, 'link-outside', shown);
    throw e;
  }
  try {
    const st = await handle.stat();
    requireRegular(st, shown);
    return { handle, size: st.size };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Reads an opened file whole, bounded by `maxBytes`, and closes it. */
async function readOpened({ handle, size }: OpenedFile, shown: string, options: ReadOptions): Promise<Buffer> {
  try {
    const tooLarge = (n: number): WorkspacePathError =>
      new WorkspacePathError(`${shown} is larger than ${megabytes(options.maxBytes)} MB`, 'too-large', undefined, n);
    if (size > options.maxBytes) throw tooLarge(size);
    // The file may grow while it is read: never read more than the limit allows.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(size - total, 0) + 1, options.maxBytes + 1 - total, 1 << 20);
      const buf = Buffer.allocUnsafe(Math.max(want, 1));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(total);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Reads the regular file at the absolute path `abs` (already judged safe), bounded by `maxBytes`; `shown` names it. */
export async function readRegularFile(abs: string, shown: string, options: ReadOptions): Promise<Buffer> {
  return readOpened(await openRegular(abs, shown), shown, options);
}

/** A workspace file judged by its real path and opened, or undefined when nothing is there (or it went meanwhile). */
async function openResolved(root: string, target: string): Promise<{ opened: OpenedFile; shown: string } | undefined> {
  const rp = await resolveReal(root, target);
  if (!rp.exists) return undefined;
  try {
    return { opened: await openRegular(rp.real, rp.shown), shown: rp.shown };
  } catch (e) {
    if (e instanceof WorkspacePathError && e.problem === 'missing') return undefined; // removed meanwhile
    throw e;
  }
}

/**
 * A workspace file opened for reading (`target` absolute or relative to `root`), judged as readWorkspaceFile judges
 * it, for a caller that reads only part of it (a log it follows); undefined when nothing is there. The caller closes it.
 */
export async function openWorkspaceFile(root: string, target: string): Promise<fsp.FileHandle | undefined> {
  return (await openResolved(root, target))?.opened.handle;
}

/**
 * The bytes of a workspace file (`target` absolute or relative to `root`), or undefined when nothing is there (a
 * dangling link inside the workspace counts as nothing). Throws WorkspacePathError for a link that leads outside,
 * a loop, anything that is not a regular file, or a file larger than `maxBytes`.
 */
export async function readWorkspaceFile(root: string, target: string, options: ReadOptions): Promise<Buffer | undefined> {
  const found = await openResolved(root, target);
  return found && readOpened(found.opened, found.shown, options);
}

/** The text of a workspace file as UTF-8 (a BOM is kept, bad bytes become U+FFFD), or undefined when it is missing. */
export async function readWorkspaceText(root: string, target: string, options: ReadOptions): Promise<string | undefined> {
  return (await readWorkspaceFile(root, target, options))?.toString('utf8');
}

/**
 * Checks a workspace file another API is about to open or edit (the editor's documents): inside by its real path,
 * and a regular file when it exists. Returns its real path; throws WorkspacePathError otherwise.
 */
export async function checkWorkspaceFile(root: string, target: string): Promise<RealPath> {
  const rp = await resolveReal(root, target);
  if (rp.dangling) throw new WorkspacePathError(`${rp.dangling} is a symbolic link to something that does not exist`, 'missing', rp.dangling);
  if (!rp.exists) return rp;
  requireRegular(await fsp.stat(rp.real), rp.shown);
  return rp;
}

/** The names in a workspace folder, or undefined when it does not exist; refuses a link outside or a non-folder. */
export async function readWorkspaceFolder(root: string, target: string): Promise<string[] | undefined> {
  const rp = await resolveReal(root, target);
  if (!rp.exists) return undefined;
  const st = await fsp.stat(rp.real);
  if (!st.isDirectory()) throw new WorkspacePathError(`${rp.shown} is not a folder`, 'not-folder');
  return fsp.readdir(rp.real);
}

