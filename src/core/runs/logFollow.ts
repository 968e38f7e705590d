// Reading a run's log file while its job writes it (on a shared file system): the new text since the last read,
// and the last line (quoted in a failed run's message). The log sits in the run's folder inside the workspace, but
// the job writes there whatever it likes: it is opened as every workspace file is (safeRead.ts), so a link that
// leads outside, a FIFO or a device is refused, with a line that says so, instead of being read or blocking.
import { openWorkspaceFile } from '../workspace/safeRead';
import { WorkspacePathError } from '../workspace/realPaths';

type LogHandle = NonNullable<Awaited<ReturnType<typeof openWorkspaceFile>>>;

/** The workspace file opened for reading, undefined when absent, or the reason it is refused. */
async function openLog(root: string, file: string): Promise<LogHandle | undefined | { refused: string }> {
  try {
    return await openWorkspaceFile(root, file);
  } catch (e) {
    if (e instanceof WorkspacePathError) return { refused: `${e.message}: not read` };
    return undefined;
  }
}

/** Follows files: each read returns the text added since the previous read of that file, whole lines only. */
export class LogFollower {
  private readonly offsets = new Map<string, number>();
  private readonly refused = new Set<string>();

  /** `root`: the workspace the followed files are in. */
  constructor(private readonly root: string) {}

  /**
   * New complete lines of `file` (with their newlines), or '' when there are none or the file does not exist. A
   * refused file gives one line naming the reason, the first time.
   */
  async read(file: string, flush = false): Promise<string> {
    const offset = this.offsets.get(file) ?? 0;
    const handle = await openLog(this.root, file);
    if (handle === undefined) return '';
    if ('refused' in handle) {
      if (this.refused.has(file)) return '';
      this.refused.add(file);
      return `[mlproject] ${handle.refused}\n`;
    }
    try {
      const { size } = await handle.stat();
      if (size <= offset) return '';
      const buf = Buffer.alloc(Math.min(size - offset, 1024 * 1024));
      const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
      let end = bytesRead;
      if (!flush) {
        const nl = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
        if (nl < 0) return ''; // keep a partial line for the next read
        end = nl + 1;
      }
      this.offsets.set(file, offset + end);
      return buf.subarray(0, end).toString('utf8');
    } finally {
      await handle.close();
    }
  }
}

/**
 * The last non-empty line of a workspace file (from its last 4 KB), trimmed; undefined when there is none; the
 * reason when the file is refused.
 */
export async function lastLine(root: string, file: string): Promise<string | undefined> {
  const handle = await openLog(root, file);
  if (handle === undefined) return undefined;
  if ('refused' in handle) return handle.refused;
  try {
    const { size } = await handle.stat();
    const len = Math.min(size, 4096);
    const buf = Buffer.alloc(len);
    await handle.read(buf, 0, len, size - len);
    const line = buf.toString('utf8').trimEnd().split('\n').pop()?.trim();
    return line ? line.slice(0, 500) : undefined;
  } finally {
    await handle.close();
  }
}
