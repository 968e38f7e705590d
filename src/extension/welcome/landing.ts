// The first time the extension activates in a workspace that has a plan, the user lands on the project: the
// ML Project view container is shown and, when no editor is in front, the plan is opened. Once per workspace
// (remembered in its workspaceState), so a user who later closes the view or the plan is never pushed back to them.
import * as vscode from 'vscode';
import { VIEW_CONTAINER } from '../commandIds';
import type { ProjectRegistry } from '../project/projectRegistry';

const LANDED_KEY = 'mlproject.landed';

export async function landOnFirstActivation(context: vscode.ExtensionContext, registry: ProjectRegistry): Promise<void> {
  if (context.workspaceState.get<boolean>(LANDED_KEY)) return;
  const project = registry.projects()[0];
  if (!project) return; // no plan yet: land the first time one is there
  await context.workspaceState.update(LANDED_KEY, true);
  await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`).then(undefined, () => undefined);
  if (!vscode.window.activeTextEditor) {
    await vscode.window.showTextDocument(project.planUri, { preview: false }).then(undefined, () => undefined);
  }
}
