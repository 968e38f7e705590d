// "Mark Steps with Evidence as Done": lists every step the workspace shows is done while the checklist still says to do
// or in progress (each with its evidence, all preselected), then sets the chosen ones to `done` in one undoable
// WorkspaceEdit: the core's minimal edits, computed one after the other and applied together (one undo reverts all).
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { markStepsDone } from '../../core/edit/markStepsDone';
import { EditError } from '../../core/edit/setValue';
import { stepsWithEvidence, type StepState } from '../../core/state/projectState';
import type { ProjectRegistry } from '../project/projectRegistry';
import { freshSnapshot, pickProject } from '../project/pickProject';
import { commandArgFields, folderArgOf } from '../project/commandArgs';
import { editPlan } from '../common/workspaceEdits';

interface StepItem extends vscode.QuickPickItem {
  step: StepState;
}

/** Arguments of tests: `steps` (step ids) answers the pick; without it every listed step is offered. */
function argsOf(arg: unknown): { folder?: unknown; steps?: string[] } {
  const a = commandArgFields(arg);
  return { folder: folderArgOf(a), ...(Array.isArray(a.steps) ? { steps: a.steps.filter((s): s is string => typeof s === 'string') } : {}) };
}

/** The steps marked done (their ids), or undefined when nothing was changed. */
async function markWithEvidence(registry: ProjectRegistry, arg: unknown): Promise<string[] | undefined> {
  const args = argsOf(arg);
  const picked = await pickProject(registry, args.folder, 'to mark steps in');
  if (!picked) return undefined;
  const project = await freshSnapshot(registry, picked);
  const candidates = stepsWithEvidence(project.result.state);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('ML Project: no step has evidence the checklist does not show yet: every step with evidence is already done or skipped.');
    return undefined;
  }
  const phaseTitle = new Map(project.result.state.phases.map((p) => [p.id, p.title]));
  const items: StepItem[] = candidates.map((step) => ({
    label: step.title,
    description: `${phaseTitle.get(step.phase)} · now ${step.status === 'in-progress' ? 'in progress' : 'to do'}`,
    detail: `Evidence: ${step.evidence?.detail ?? ''}`,
    picked: true,
    step,
  }));
  const chosen = args.steps
    ? items.filter((i) => args.steps!.includes(i.step.id))
    : await vscode.window.showQuickPick(items, {
      title: `ML Project: Mark ${items.length} Step${items.length === 1 ? '' : 's'} with Evidence as Done`,
      placeHolder: 'These steps become `done` in .mlproject.yaml, in one edit (Undo reverts it). Untick any the team does not agree are done.',
      canPickMany: true, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true,
    });
  if (!chosen || chosen.length === 0) return undefined;
  try {
    const refs = chosen.map((i) => ({ phase: i.step.phase, id: i.step.id }));
    if (!(await editPlan(project.planUri, (t) => markStepsDone(t, refs)))) return undefined;
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    void vscode.window.showErrorMessage(`ML Project: the steps were not marked: ${e.message}`);
    return undefined;
  }
  await registry.refresh(project.planUri, false);
  void vscode.window.showInformationMessage(`ML Project: marked ${chosen.map((i) => i.step.title).join(', ')} as done.`);
  return chosen.map((i) => i.step.id);
}

export function registerMarkEvidenceDone(registry: ProjectRegistry): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.markEvidenceDone, (arg?: unknown) => markWithEvidence(registry, arg));
}
