// The git commit and dirty flag of the workspace, recorded with each run. Absent when the workspace is not in a
// git repository or git is not installed. mlproject's own files (`.mlproject/`, the run history) do not make the
// tree dirty, since every run writes them.
import { execFile } from 'child_process';
import type { GitState } from './runRecord';

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 10_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (err, stdout) => resolve(err ? undefined : stdout));
  });
}

/**
 * Reads `git rev-parse HEAD` and `git status --porcelain` in `root`. `ignore` lists workspace-relative paths
 * whose changes do not count (e.g. the run history).
 */
export async function readGitState(root: string, ignore: readonly string[] = []): Promise<GitState | undefined> {
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  const commit = head?.trim();
  if (!commit || !/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  const excludes = ['.mlproject', ...ignore].map((p) => `:(exclude)${p}`);
  const status = await git(root, ['status', '--porcelain', '--', ':/', ...excludes]);
  if (status === undefined) return undefined;
  return { commit, dirty: status.trim().length > 0 };
}
