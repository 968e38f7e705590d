// The one way mlproject writes, creates, appends to and removes workspace files and folders. Every path is resolved
// to its real path inside the workspace first (realPaths.ts). Folders are created one component at a time below
// the nearest existing real ancestor; new files are created exclusively (O_CREAT|O_EXCL, which never follows a
// link); replacing a file writes a temporary file in the file's real folder and renames it over the real file, so
// a symbolic link inside the workspace is written through and stays a link. Removing never follows the final
// component: a stale file that is a symbolic link (wherever it points) loses the link, never the target.
import { constants, promises as fsp } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { realRoot, resolveReal, WorkspacePathError, type RealPath } from './realPaths';

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

function refuseDangling(rp: RealPath): void {
  if (rp.dangling) {
    throw new WorkspacePathError(`${rp.dangling} is a symbolic link to something that does not exist; mlproject does not write through it`, 'missing', rp.dangling);
  }
}

/** Creates a workspace folder and its missing parents (like mkdir -p, inside only); returns its real path. */
export async function ensureFolder(root: string, target: string): Promise<string> {
  const rp = await resolveReal(root, target);
  refuseDangling(rp);
  if (rp.exists) {
    const st = await fsp.stat(rp.real);
    if (!st.isDirectory()) throw new WorkspacePathError(`${rp.shown} is not a folder`, 'not-folder');
    return rp.real;
  }
  // Create the missing components one by one below the existing real ancestor.
  const missing: string[] = [];
  let existing = rp.real;
  while (!(await fsp.lstat(existing).then(() => true, () => false))) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  const lst = await fsp.lstat(existing);
  if (!lst.isDirectory()) throw new WorkspacePathError(`${rp.shown}: a part of it is not a folder`, 'not-folder');
  let cur = existing;
  for (const name of missing) {
    cur = path.join(cur, name);
    try {
      await fsp.mkdir(cur);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const st = await fsp.lstat(cur); // made meanwhile: only a real folder will do
      if (!st.isDirectory()) throw new WorkspacePathError(`${rp.shown}: ${name} appeared meanwhile and is not a folder`, 'not-folder');
    }
  }
  return cur;
}

async function writeAll(handle: fsp.FileHandle, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    const { bytesWritten } = await handle.write(data, off, data.length - off);
    off += bytesWritten;
  }
}

function bytes(data: string | Buffer): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Creates a new workspace file (and its folder); 'exists' when something is already there, which is never touched. */
export async function createNewFile(root: string, target: string, data: string | Buffer): Promise<'created' | 'exists'> {
  const rp = await resolveReal(root, target);
  if (rp.exists || rp.dangling) return 'exists';
  const dir = await ensureFolder(root, path.dirname(rp.real));
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path.join(dir, path.basename(rp.real)), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o666);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw e;
  }
  try {
    await writeAll(handle, bytes(data));
  } finally {
    await handle.close();
  }
  return 'created';
}

/**
 * Replaces (or creates) a workspace file atomically: a temporary file in the real folder, then a rename over the
 * real file. A link inside the workspace is written through; the file's permission bits are kept.
 */
export async function replaceFile(root: string, target: string, data: string | Buffer): Promise<void> {
  const rp = await resolveReal(root, target);
  refuseDangling(rp);
  let mode = 0o666 & ~process.umask();
  if (rp.exists) {
    const st = await fsp.stat(rp.real);
    if (!st.isFile()) throw new WorkspacePathError(`${rp.shown} is not a regular file; it was not replaced`, 'not-regular');
    mode = st.mode & 0o7777;
  }
  const dir = rp.exists ? path.dirname(rp.real) : await ensureFolder(root, path.dirname(rp.real));
  const final = path.join(dir, path.basename(rp.real));
  const tmp = path.join(dir, `.${path.basename(final)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fsp.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, mode);
  try {
    await writeAll(handle, bytes(data));
    await handle.chmod(mode).catch(() => undefined);
    await handle.datasync();
  } catch (e) {
    await handle.close();
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await fsp.rename(tmp, final);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Opens a workspace file for appending (created when missing, its folder too) and checks that the handle is a
 * regular file. The caller closes it.
 */
export async function openForAppend(root: string, target: string): Promise<fsp.FileHandle> {
  const rp = await resolveReal(root, target);
  refuseDangling(rp);
  const dir = rp.exists ? path.dirname(rp.real) : await ensureFolder(root, path.dirname(rp.real));
  const flags = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NOFOLLOW | NONBLOCK;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path.join(dir, path.basename(rp.real)), flags, 0o666);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new WorkspacePathError(`${rp.shown} became a symbolic link; not written`, 'link-outside', rp.shown);
    throw e;
  }
  const st = await handle.stat();
  if (!st.isFile()) {
    await handle.close();
    throw new WorkspacePathError(`${rp.shown} is not a regular file (a pipe, a socket, a device or a folder)`, 'not-regular');
  }
  return handle;
}

/** The real path a file at `target` is (or would be) at, for locks and messages; refuses links that lead outside. */
export async function realTarget(root: string, target: string): Promise<string> {
  return (await resolveReal(root, target)).real;
}

/**
 * Removes a workspace file; false when nothing was there. The final component is never followed: a symbolic link
 * is removed itself (its target, inside or outside the workspace, is untouched). Its folder must resolve inside.
 * A folder is refused.
 */
export async function removeFile(root: string, target: string): Promise<boolean> {
  const rootReal = await realRoot(root);
  const parent = await resolveReal(root, path.dirname(path.isAbsolute(target) ? target : path.join(rootReal, target)));
  if (!parent.exists) return false;
  const name = path.basename(target);
  const abs = path.join(parent.real, name);
  const st = await fsp.lstat(abs).catch(() => undefined);
  if (!st) return false;
  if (st.isDirectory()) throw new WorkspacePathError(`${parent.shown === '.' ? name : `${parent.shown}/${name}`} is a folder; it was not removed`, 'not-regular');
  await fsp.unlink(abs).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  return true;
}

/** Removes a workspace folder and everything in it (links inside are removed, never followed). */
export async function removeTree(root: string, target: string): Promise<void> {
  const rp = await resolveReal(root, target);
  if (!rp.exists) return;
  if (rp.real === rp.root) throw new WorkspacePathError('refusing to remove the workspace folder itself', 'outside');
  await fsp.rm(rp.real, { recursive: true, force: true });
}
