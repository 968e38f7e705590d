// Which project a command acts on: the folder given in its arguments, else the project of the active editor, else
// the only project, else the user picks one (multi-root). Shared by the run and the brief commands.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';

/** A folder argument: a Uri, a `file:` URI string or an absolute path. */
export function folderUriOf(folder: unknown): vscode.Uri | undefined {
  if (folder instanceof vscode.Uri) return folder;
  if (typeof folder !== 'string' || folder === '') return undefined;
  if (/^[a-z][a-z0-9+.-]+:/i.test(folder) && !path.isAbsolute(folder)) return vscode.Uri.parse(folder);
  return vscode.Uri.file(folder);
}

export async function pickProject(registry: ProjectRegistry, folder?: unknown, purpose = 'for'): Promise<ProjectSnapshot | undefined> {
  const projects = registry.projects();
  const wanted = folderUriOf(folder);
  if (wanted) {
    const found = projects.find((p) => p.folder.uri.toString() === wanted.toString()) ?? registry.projectFor(wanted);
    if (!found) void vscode.window.showErrorMessage(`ML Project: no .mlproject.yaml in ${wanted.fsPath}.`);
    return found;
  }
  if (projects.length === 0) {
    const create = 'Create .mlproject.yaml';
    void vscode.window.showWarningMessage('ML Project: this workspace has no .mlproject.yaml yet.', create).then((c) => {
      if (c === create) void vscode.commands.executeCommand('mlproject.createPlan');
    });
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? registry.projectFor(active) : undefined;
  if (fromEditor) return fromEditor;
  const picked = await vscode.window.showQuickPick(
    projects.map((p) => ({ label: p.result.parsed.plan.project?.name ?? p.folder.name, description: p.folder.name, project: p })),
    { title: `ML Project: which project ${purpose}?`, ignoreFocusOut: true },
  );
  return picked?.project;
}
