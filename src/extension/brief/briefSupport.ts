// What the brief and decision commands share: their error, workspace-relative paths kept inside the folder, and
// saving the plan after an edit when it had no unsaved changes of the user's before.
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/types';
import { insideRoot } from '../../core/workspace/paths';
import { resolveReal } from '../../core/workspace/realPaths';
import { editDocument } from '../common/workspaceEdits';

export class BriefCommandError extends Error {}

/** A workspace-relative path as an absolute one; BriefCommandError when it leaves the folder. */
export function insideFolder(folder: vscode.WorkspaceFolder, rel: string, what: string): string {
  return insideRoot(folder.uri.fsPath, rel, what, BriefCommandError);
}

/** True when something exists at `abs`, judged by its real path inside `root` (a link leading outside throws). */
export async function exists(abs: string, root: string): Promise<boolean> {
  return (await resolveReal(root, abs)).exists;
}

/**
 * Edits the plan through a WorkspaceEdit (undoable), then saves it when it had no unsaved changes before, so the
 * CLI and the file on disk agree; a plan with the user's unsaved changes is left unsaved.
 */
export async function editPlan(planUri: vscode.Uri, compute: (text: string) => TextEdit[]): Promise<boolean> {
  const before = vscode.workspace.textDocuments.find((d) => d.uri.toString() === planUri.toString());
  const wasDirty = before?.isDirty ?? false;
  const ok = await editDocument(planUri, compute);
  if (!ok) return false;
  if (!wasDirty) {
    const doc = await vscode.workspace.openTextDocument(planUri);
    if (doc.isDirty) await doc.save();
  }
  return true;
}
