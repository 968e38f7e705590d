// What `mlproject brief` and `mlproject decision` share: the shipped template, workspace-relative output paths,
// the runs to show and writing a new file. Their `.mlproject.yaml` edits go through ../planEdit.ts.
import * as path from 'path';
import type { ProjectPlan } from '../../core/model';
import { builtInTemplatePath } from '../../core/brief/briefFact';
import type { RunSummary } from '../../core/brief/runs';
import { readHistory, resolveHistoryPath } from '../../core/runs/history';
import { insideRoot as sharedInsideRoot, resolveInside } from '../../core/workspace/paths';
import { WorkspacePathError } from '../../core/workspace/realPaths';
import { MAX_DOCUMENT_BYTES, readRegularFile, readWorkspaceText } from '../../core/workspace/safeRead';
import { createNewFile } from '../../core/workspace/safeWrite';
import { UsageError } from '../io';

/**
 * The template's text: `--template` resolved from the current folder (it must be inside the workspace `root`, by
 * its real path), else the shipped one. Either is read as a bounded regular file.
 */
export async function readTemplate(templateArg: string | undefined, cwd: string, root: string): Promise<string> {
  let file: string;
  try {
    file = templateArg !== undefined ? path.resolve(cwd, templateArg) : builtInTemplatePath();
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; pass --template`);
  }
  let text: string | undefined;
  try {
    text = templateArg !== undefined
      ? await readWorkspaceText(root, file, { maxBytes: MAX_DOCUMENT_BYTES })
      : (await readRegularFile(file, file, { maxBytes: MAX_DOCUMENT_BYTES })).toString('utf8');
  } catch (e) {
    if (e instanceof WorkspacePathError) throw new UsageError(`cannot read the template ${templateArg ?? file}: ${e.message}`);
    throw new UsageError(`cannot read the template ${templateArg ?? file}`);
  }
  if (text === undefined) throw new UsageError(`cannot read the template ${templateArg ?? file}`);
  return text;
}

/** A path given on the command line (relative to the current folder) as a workspace-relative path. */
export function workspaceRelative(arg: string, cwd: string, root: string): string {
  const abs = path.resolve(cwd, arg);
  const rel = path.relative(root, abs).split(path.sep).join('/');
  if (!rel || !resolveInside(root, rel)) throw new UsageError(`${arg} is outside the workspace ${root}`);
  return rel;
}

/** The absolute path of a workspace-relative path; refuses (a UsageError) one that leaves the workspace. */
export function insideRoot(root: string, rel: string, what: string): string {
  return sharedInsideRoot(root, rel, what, UsageError);
}

/** The runs of the plan's history (empty when there is none or it cannot be read). */
export async function readRuns(root: string, plan: ProjectPlan): Promise<RunSummary[]> {
  try {
    return (await readHistory(resolveHistoryPath(root, plan), root)).runs;
  } catch {
    return [];
  }
}

/** Writes a new file inside the workspace `root` (by its real path), creating its folder; refuses to overwrite. */
export async function writeNewFile(abs: string, text: string, shown: string, root: string): Promise<void> {
  let made: 'created' | 'exists';
  try {
    made = await createNewFile(root, abs, text);
  } catch (e) {
    throw new UsageError(`cannot write ${shown}: ${(e as Error).message}`);
  }
  if (made === 'exists') throw new UsageError(`${shown} already exists; not overwriting it`);
}
