// The workspace on disk, for the CLI and the extension host. Every path is resolved inside `root`; anything that
// leaves it reads as absent. Reads are bounded so a huge file cannot exhaust memory.
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { EntryKind, WorkspaceFs } from './workspaceFs';
import { resolveInside } from './paths';
import { resolveReal } from './realPaths';
import { readWorkspaceText } from './safeRead';

const SKIP_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'dist', 'out', 'build']);

export class NodeFs implements WorkspaceFs {
  constructor(readonly root: string, private readonly maxFileBytes = 256 * 1024 * 1024) {}

  /** The real path of a workspace path, or undefined when it (or a symbolic link on the way) leads outside. */
  private async realInside(relPath: string): Promise<string | undefined> {
    if (!resolveInside(this.root, relPath)) return undefined;
    try {
      const rp = await resolveReal(this.root, relPath);
      return rp.exists ? rp.real : undefined;
    } catch {
      return undefined;
    }
  }

  /** Through the one safe reader (safeRead.ts): links leading outside, FIFOs, devices and huge files read as absent. */
  async readText(relPath: string): Promise<string | undefined> {
    if (!resolveInside(this.root, relPath)) return undefined;
    try {
      return await readWorkspaceText(this.root, relPath, { maxBytes: this.maxFileBytes });
    } catch {
      return undefined;
    }
  }

  async stat(relPath: string): Promise<EntryKind | undefined> {
    const abs = await this.realInside(relPath);
    if (!abs) return undefined;
    try {
      const st = await fsp.stat(abs);
      return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : undefined;
    } catch {
      return undefined;
    }
  }

  async findFiles(pattern: RegExp, limit: number): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (out.length >= limit || depth > 8) return;
      let entries: import('fs').Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (out.length >= limit) return;
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) await walk(abs, depth + 1);
        else if (e.isFile()) {
          const rel = path.relative(this.root, abs).split(path.sep).join('/');
          if (pattern.test(rel)) out.push(rel);
        }
      }
    };
    await walk(this.root, 0);
    return out;
  }
}
