// The first time the extension activates in a workspace that has a plan, the user lands on the project: the
// ML Project view container is shown and, when no editor is in front, the plan is opened. Once per workspace
// (remembered in its workspaceState), so a user who later closes the view or the plan is never pushed back to them.
// It runs at the start of activation, before the plan is checked and the views fill: whoever starts working in the
// views once they show the project is not interrupted by an editor taking the focus a moment later.
import * as vscode from 'vscode';
import { VIEW_CONTAINER } from '../commandIds';
import { foldersWithPlans } from '../common/files';

const LANDED_KEY = 'mlproject.landed';

export async function landOnFirstActivation(context: vscode.ExtensionContext): Promise<void> {
  if (context.workspaceState.get<boolean>(LANDED_KEY)) return;
  const plan = (await foldersWithPlans())[0]?.planUri;
  if (!plan) return; // no plan yet: land the first time one is there
  await context.workspaceState.update(LANDED_KEY, true);
  await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`).then(undefined, () => undefined);
  if (!vscode.window.activeTextEditor) {
    await vscode.window.showTextDocument(plan, { preview: false }).then(undefined, () => undefined);
  }
}
