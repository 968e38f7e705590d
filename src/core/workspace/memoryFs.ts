// An in-memory workspace for tests and benchmarks: a map of workspace-relative paths to file contents.
import type { EntryKind, WorkspaceFs } from './workspaceFs';
import { isInsideWorkspace, normaliseRelative } from './paths';

export class MemoryFs implements WorkspaceFs {
  private readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, text] of Object.entries(files)) this.write(p, text);
  }

  write(relPath: string, text: string): void {
    this.files.set(normaliseRelative(relPath), text);
  }

  delete(relPath: string): void {
    this.files.delete(normaliseRelative(relPath));
  }

  async readText(relPath: string): Promise<string | undefined> {
    if (!isInsideWorkspace(relPath)) return undefined;
    return this.files.get(normaliseRelative(relPath));
  }

  async stat(relPath: string): Promise<EntryKind | undefined> {
    if (!isInsideWorkspace(relPath)) return undefined;
    const p = normaliseRelative(relPath);
    if (this.files.has(p)) return 'file';
    const prefix = p === '.' ? '' : p.replace(/\/$/, '') + '/';
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return 'directory';
    return undefined;
  }

  async findFiles(pattern: RegExp, limit: number): Promise<string[]> {
    const out: string[] = [];
    for (const f of [...this.files.keys()].sort()) {
      if (f.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) continue;
      if (pattern.test(f)) out.push(f);
      if (out.length >= limit) break;
    }
    return out;
  }
}
