// The small file-system interface the core reads the workspace through. The CLI and the extension pass a
// Node implementation (nodeFs.ts); tests pass an in-memory one (memoryFs.ts). Paths are workspace-relative,
// with forward slashes; implementations refuse paths that leave the workspace (see paths.ts).

export type EntryKind = 'file' | 'directory';

export interface WorkspaceFs {
  /** Text of a workspace-relative file (UTF-8), or undefined when it does not exist, is not a file, or leaves the workspace. */
  readText(relPath: string): Promise<string | undefined>;
  /** What is at a workspace-relative path, or undefined when nothing is (or the path leaves the workspace). */
  stat(relPath: string): Promise<EntryKind | undefined>;
  /**
   * Workspace-relative paths of files whose path matches `pattern`, at most `limit` of them, skipping
   * `node_modules`, `.git` and other dot-folders. Used to find evaluation scripts the pipeline does not use.
   */
  findFiles(pattern: RegExp, limit: number): Promise<string[]>;
}
