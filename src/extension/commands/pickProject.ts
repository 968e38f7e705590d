// Which plan a palette command acts on: the active editor's, the only one, or the one the user picks.
import * as vscode from 'vscode';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';

export async function chooseProject(registry: ProjectRegistry, hint?: vscode.Uri): Promise<ProjectSnapshot | undefined> {
  const projects = registry.projects();
  const fromHint = hint && registry.projectFor(hint);
  if (fromHint) return fromHint;
  if (projects.length === 0) {
    void vscode.window.showInformationMessage('No .mlproject.yaml in this workspace. Create one with "ML Project: Create .mlproject.yaml".');
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active && registry.projectFor(active);
  if (fromEditor) return fromEditor;
  const pick = await vscode.window.showQuickPick(
    projects.map((p) => ({ label: p.folder.name, description: vscode.workspace.asRelativePath(p.planUri), project: p })),
    { placeHolder: 'Which project?' },
  );
  return pick?.project;
}
