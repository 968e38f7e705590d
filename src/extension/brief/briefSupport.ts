// What the brief and decision commands share: their error and workspace-relative paths kept inside the folder.
import * as vscode from 'vscode';
import { insideRoot } from '../../core/workspace/paths';
import { resolveReal } from '../../core/workspace/realPaths';

export class BriefCommandError extends Error {}

/** A workspace-relative path as an absolute one; BriefCommandError when it leaves the folder. */
export function insideFolder(folder: vscode.WorkspaceFolder, rel: string, what: string): string {
  return insideRoot(folder.uri.fsPath, rel, what, BriefCommandError);
}

/** True when something exists at `abs`, judged by its real path inside `root` (a link leading outside throws). */
export async function exists(abs: string, root: string): Promise<boolean> {
  return (await resolveReal(root, abs)).exists;
}

