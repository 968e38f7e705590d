// "Create .mlproject.yaml" (the Phases view's welcome button): asks for the project name (default: the folder's
// name) and the lead, writes the core's starter plan and opens it. Multi-root: asks which folder. Never overwrites.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { PLAN_FILE_NAME } from '../../core/model';
import { starterPlan } from '../../core/starter';
import { EDITOR_FRONT_END } from '../common/frontEnd';
import type { ProjectRegistry } from '../project/projectRegistry';
import { exists } from '../common/files';
import { WorkspacePathError } from '../../core/workspace/realPaths';
import { createNewFile } from '../../core/workspace/safeWrite';

async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Open a folder first: the plan lives at the root of a workspace folder.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the plan in which folder?' });
}

/** Creates the plan; `options` skips the prompts (tests, walkthrough links with arguments). */
export async function createPlan(registry: ProjectRegistry, options?: { folder?: vscode.Uri; name?: string; lead?: string }): Promise<vscode.Uri | undefined> {
  const folder = options?.folder ? vscode.workspace.getWorkspaceFolder(options.folder) : await chooseFolder();
  if (!folder) return undefined;
  const planUri = vscode.Uri.joinPath(folder.uri, PLAN_FILE_NAME);
  if (await exists(planUri)) {
    const open = 'Open It';
    const answer = await vscode.window.showWarningMessage(`${folder.name} already has a ${PLAN_FILE_NAME}; it was left as it is.`, open);
    if (answer === open) await vscode.window.showTextDocument(planUri);
    return undefined;
  }
  const name = options?.name ?? await vscode.window.showInputBox({
    title: `Create ${PLAN_FILE_NAME} (1/2)`, prompt: 'Project name', value: folder.name,
    validateInput: (v) => (v.trim() ? undefined : 'The project needs a name.'),
  });
  if (name === undefined) return undefined;
  const lead = options?.lead ?? await vscode.window.showInputBox({
    title: `Create ${PLAN_FILE_NAME} (2/2)`, prompt: 'Project lead: who organises the work and leads the model decision (optional)',
    placeHolder: 'e.g. Dana',
  });
  if (lead === undefined) return undefined;
  const eol = vscode.workspace.getConfiguration('files', folder.uri).get<string>('eol') === '\r\n' ? '\r\n' : '\n';
  // Checked again right before writing: the prompts take time, and a plan may have appeared meanwhile.
  if (await exists(planUri)) {
    void vscode.window.showWarningMessage(`${folder.name} already has a ${PLAN_FILE_NAME}; it was left as it is.`);
    return undefined;
  }
  // Created exclusively by the core (never through a link, never over a file that appeared meanwhile).
  let made: 'created' | 'exists';
  try {
    made = await createNewFile(folder.uri.fsPath, planUri.fsPath, starterPlan({ name, lead, eol, frontEnd: EDITOR_FRONT_END }));
  } catch (e) {
    if (!(e instanceof WorkspacePathError)) throw e;
    void vscode.window.showErrorMessage(`ML Project: ${PLAN_FILE_NAME} was not created: ${e.message}`);
    return undefined;
  }
  if (made === 'exists') {
    void vscode.window.showWarningMessage(`${folder.name} already has a ${PLAN_FILE_NAME}; it was left as it is.`);
    return undefined;
  }
  await registry.discover();
  await vscode.window.showTextDocument(planUri, { preview: false });
  return planUri;
}

/** The command's optional argument: a folder URI, or `{ folder, name, lead }` (anything else is ignored). */
function optionsOf(arg: unknown): Parameters<typeof createPlan>[1] {
  if (arg instanceof vscode.Uri) return { folder: arg };
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as Record<string, unknown>;
  return {
    folder: o.folder instanceof vscode.Uri ? o.folder : undefined,
    name: typeof o.name === 'string' ? o.name : undefined,
    lead: typeof o.lead === 'string' ? o.lead : undefined,
  };
}

export function registerCreatePlan(registry: ProjectRegistry): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.createPlan, (arg?: unknown) => createPlan(registry, optionsOf(arg)));
}
