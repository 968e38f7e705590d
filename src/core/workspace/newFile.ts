// Writes a file that must be new (a brief, a decision record): its folder is created, an existing file is never
// overwritten, and the path is judged by its real path inside the workspace `root` (safeWrite.createNewFile).
import { createNewFile } from './safeWrite';

/** Writes a new file (creating its folder); false when the file already exists, which is left untouched. */
export async function writeNewFile(abs: string, text: string, root: string): Promise<boolean> {
  return (await createNewFile(root, abs, text)) === 'created';
}
