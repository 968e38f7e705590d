// Which project a command acts on: the folder given in its arguments, else the project of the active editor, else
// the only project, else the user picks one (multi-root). Shared by every command that acts on one project.
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { ProjectRegistry, ProjectSnapshot } from './projectRegistry';

/** A folder argument: a Uri, a `file:` URI string or an absolute path. */
export function folderUriOf(folder: unknown): vscode.Uri | undefined {
  if (folder instanceof vscode.Uri) return folder;
  if (typeof folder !== 'string' || folder === '') return undefined;
  if (/^[a-z][a-z0-9+.-]+:/i.test(folder) && !path.isAbsolute(folder)) return vscode.Uri.parse(folder);
  return vscode.Uri.file(folder);
}

/**
 * Waits (up to `ms`) until `find` finds something in the registry: right after a settings change or a plan
 * created on disk, the registry may still be checking the project.
 */
async function settle<T>(registry: ProjectRegistry, find: () => T | undefined, ms = 5000): Promise<T | undefined> {
  const now = find();
  if (now !== undefined) return now;
  return new Promise<T | undefined>((resolve) => {
    const done = (v: T | undefined): void => {
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    };
    const sub = registry.onDidChange(() => {
      const v = find();
      if (v !== undefined) done(v);
    });
    const timer = setTimeout(() => done(find()), ms);
  });
}

export async function pickProject(registry: ProjectRegistry, folder?: unknown, purpose = 'for'): Promise<ProjectSnapshot | undefined> {
  const wanted = folderUriOf(folder);
  if (wanted) {
    const found = await settle(registry, () =>
      registry.projects().find((p) => p.folder.uri.toString() === wanted.toString()) ?? registry.projectFor(wanted));
    if (!found) void vscode.window.showErrorMessage(`ML Project: no .mlproject.yaml in ${wanted.fsPath}.`);
    return found;
  }
  const projects = (await settle(registry, () => (registry.projects().length > 0 ? registry.projects() : undefined), 1500)) ?? [];
  if (projects.length === 0) {
    const create = 'Create .mlproject.yaml';
    void vscode.window.showWarningMessage('ML Project: this workspace has no .mlproject.yaml yet.', create).then((c) => {
      if (c === create) void vscode.commands.executeCommand(COMMANDS.createPlan);
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

/** Checks the project now and returns a snapshot made after this call (see ProjectRegistry.refresh). */
export async function freshSnapshot(registry: ProjectRegistry, project: ProjectSnapshot, invalidateFacts = false): Promise<ProjectSnapshot> {
  return (await registry.refresh(project.planUri, invalidateFacts)) ?? project;
}
