// Small file-system helpers over vscode.workspace.fs, shared by the extension's commands, registry and landing.
import * as vscode from 'vscode';
import { PLAN_FILE_NAME } from '../../core/model';

/** True when something exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The workspace folders that hold a plan, in folder order, with the plan's URI. */
export async function foldersWithPlans(): Promise<{ folder: vscode.WorkspaceFolder; planUri: vscode.Uri }[]> {
  const found: { folder: vscode.WorkspaceFolder; planUri: vscode.Uri }[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const planUri = vscode.Uri.joinPath(folder.uri, PLAN_FILE_NAME);
    if (await exists(planUri)) found.push({ folder, planUri });
  }
  return found;
}
