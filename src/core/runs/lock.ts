// A lock shared by processes (the editor, CLI runs, CI) that write the same run history. The lock is a directory
// `<file>.lock` holding an `owner` file; it is taken by renaming a fully written temporary directory onto that
// name, which fails while another owner's (non-empty) lock directory is there, so a lock is never seen half made.
// A lock whose owner process is gone (same host) or that is older than `staleMs` is broken and taken over.
// Only a real folder counts as a lock: a symbolic link or a file found at its name (pre-placed in a cloned
// repository, say) is refused at once with a message naming it, never read through, followed or waited on.
import { promises as fsp } from 'fs';
import * as os from 'os';
import { randomBytes } from 'crypto';

export interface LockOptions {
  /** give up after this long (default 30 s) */
  timeoutMs?: number;
  /** a lock older than this is taken to be abandoned (default 30 s; the lock is normally held for milliseconds) */
  staleMs?: number;
  /** told once, when the lock is found held by a live owner, what is being waited for */
  onWait?: (message: string) => void;
}

interface Owner {
  pid: number;
  host: string;
  token: string;
  since: number;
}

export class LockTimeoutError extends Error {}

/** `<file>.lock` is a symbolic link or not a folder: not a lock mlproject made; deleting it is the user's call. */
export class LockEntryError extends Error {}

/** Throws LockEntryError when something other than a real folder sits at the lock's name. */
async function checkLockEntry(lockDir: string): Promise<void> {
  const st = await fsp.lstat(lockDir).catch(() => undefined);
  if (!st || st.isDirectory()) return;
  const what = st.isSymbolicLink() ? 'a symbolic link' : 'not a folder';
  throw new LockEntryError(`${lockDir} is ${what}, not a lock mlproject made: delete it to record runs again`);
}

async function readOwner(dir: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await fsp.readFile(`${dir}/owner`, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(lockDir: string, owner: Owner | undefined, staleMs: number): Promise<boolean> {
  if (owner && owner.host === os.hostname() && !processAlive(owner.pid)) return true;
  const since = owner?.since ?? (await fsp.stat(lockDir).then((s) => s.mtimeMs, () => Date.now()));
  return Date.now() - since > staleMs;
}

/** Moves an abandoned lock out of the way, unless it changed hands since it was judged abandoned. */
async function breakLock(lockDir: string, judged: Owner | undefined): Promise<void> {
  const grave = `${lockDir}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fsp.rename(lockDir, grave);
  } catch {
    return; // someone else broke or released it
  }
  const moved = await readOwner(grave);
  if (judged && moved?.token !== judged.token) {
    await fsp.rename(grave, lockDir).catch(() => undefined); // it was a fresh lock: give it back
    return;
  }
  await fsp.rm(grave, { recursive: true, force: true });
}

/** Runs `fn` while holding the lock of `file` (the lock directory is `<file>.lock`). */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 30_000;
  const lockDir = `${file}.lock`;
  const owner: Owner = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex'), since: 0 };
  const deadline = Date.now() + timeoutMs;
  let delay = 2;
  let told = false;
  for (;;) {
    const tmp = `${lockDir}.new-${process.pid}-${owner.token}`;
    await fsp.mkdir(tmp, { recursive: true });
    owner.since = Date.now();
    await fsp.writeFile(`${tmp}/owner`, JSON.stringify(owner));
    try {
      await fsp.rename(tmp, lockDir);
      break;
    } catch (e) {
      await fsp.rm(tmp, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTDIR') throw e;
      await checkLockEntry(lockDir);
    }
    const current = await readOwner(lockDir);
    if (await isStale(lockDir, current, staleMs)) {
      await breakLock(lockDir, current);
      continue;
    }
    const who = current ? ` by process ${current.pid} on ${current.host}` : '';
    if (Date.now() > deadline) {
      throw new LockTimeoutError(`${file} is locked${who}; if no mlproject run is writing it, delete ${lockDir}`);
    }
    if (!told && options.onWait) {
      told = true;
      options.onWait(`waiting for the lock on ${file}, held${who || ' by another process'} (up to ${Math.ceil(timeoutMs / 1000)} s)`);
    }
    await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 50);
  }
  try {
    return await fn();
  } finally {
    const held = await readOwner(lockDir);
    if (held?.token === owner.token) {
      const grave = `${lockDir}.done-${process.pid}-${owner.token}`;
      await fsp.rename(lockDir, grave).then(() => fsp.rm(grave, { recursive: true, force: true }), () => undefined);
    }
  }
}
