// Small file-system helpers over vscode.workspace.fs, shared by the extension's commands and registry.
import * as vscode from 'vscode';

/** True when something exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
