// Applies the core's text edits to a document through a WorkspaceEdit: undoable, correct on unsaved buffers, and
// refused when the document changed since the edits were computed (the caller re-reads and recomputes); editPlan
// also saves the plan when it had no unsaved changes of the user's before.
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/types';
import { textEditRefusal } from '../../core/edit/planText';
import { WorkspacePathError } from '../../core/workspace/realPaths';
import { checkWorkspaceFile } from '../../core/workspace/safeRead';

/**
 * Checks a file the editor is about to edit with the core's real-path rules (inside its workspace folder, a regular
 * file). False, after an error message naming the link or the file, when it is refused.
 */
async function editable(uri: vscode.Uri): Promise<boolean> {
  const folder = uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  if (!folder) return true;
  try {
    await checkWorkspaceFile(folder.uri.fsPath, uri.fsPath);
    return true;
  } catch (e) {
    if (!(e instanceof WorkspacePathError)) throw e;
    void vscode.window.showErrorMessage(`ML Project: ${vscode.workspace.asRelativePath(uri)} was not edited: ${e.message}`);
    return false;
  }
}

/** Computes edits from the document's current text and applies them; returns false when nothing was applied. */
export async function editDocument(uri: vscode.Uri, compute: (text: string) => TextEdit[], attempts = 3): Promise<boolean> {
  if (!(await editable(uri))) return false;
  for (let i = 0; i < attempts; i++) {
    const document = await vscode.workspace.openTextDocument(uri);
    const version = document.version;
    const refusal = textEditRefusal(document.getText());
    if (refusal) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)}: ${refusal}`);
      return false;
    }
    const edits = compute(document.getText());
    if (edits.length === 0) return true;
    if (document.version !== version) continue; // changed while computing: recompute on the fresh text
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    }
    if (document.version !== version) continue;
    if (await vscode.workspace.applyEdit(edit)) return true;
  }
  void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} kept changing while ML Project tried to edit it; nothing was changed. Try again.`);
  return false;
}

/** Converts a core TextEdit list into a WorkspaceEdit for a document (used by quick fixes). */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return edit;
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
