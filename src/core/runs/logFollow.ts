// Reading a run's log file while its job writes it (on a shared file system): the new text since the last read,
// and the last line (quoted in a failed run's message).
import { promises as fsp } from 'fs';

/** Follows files: each read returns the text added since the previous read of that file, whole lines only. */
export class LogFollower {
  private readonly offsets = new Map<string, number>();

  /** New complete lines of `file` (with their newlines), or '' when there are none or the file does not exist. */
  async read(file: string, flush = false): Promise<string> {
    const offset = this.offsets.get(file) ?? 0;
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch {
      return '';
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

/** The last non-empty line of a file (from its last 4 KB), trimmed; undefined when there is none. */
export async function lastLine(file: string): Promise<string | undefined> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch {
    return undefined;
  }
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
