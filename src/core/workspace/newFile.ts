// Writes a file that must be new (a brief, a decision record): its folder is created, an existing file is never
// overwritten. One of the core's I/O modules.
import { promises as fsp } from 'fs';
import * as path from 'path';

/** Writes a new file (creating its folder); false when the file already exists, which is left untouched. */
export async function writeNewFile(abs: string, text: string): Promise<boolean> {
  await fsp.mkdir(path.dirname(abs), { recursive: true });
  try {
    await fsp.writeFile(abs, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}
