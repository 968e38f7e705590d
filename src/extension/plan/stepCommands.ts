// Step commands from the Phases tree (which passes a StepNode) or the palette (a QuickPick of steps): mark a step
// to do / in progress / done / skipped (skipped asks for a reason), reveal it in the plan, open its evidence.
// Status edits are the core's minimal edit, applied through a WorkspaceEdit (undoable, correct on unsaved buffers).
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { StepStatus } from '../../core/model';
import { setStepStatus } from '../../core/edit/setStepStatus';
import type { StepState } from '../../core/state/projectState';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { editDocument } from '../common/workspaceEdits';
import { isStepNode, type StepNode } from './treeNodes';
import { pickProject } from '../project/pickProject';

const STATUS_LABEL: Record<StepStatus, string> = { todo: 'to do', 'in-progress': 'in progress', done: 'done', skipped: 'skipped' };

interface Target {
  project: ProjectSnapshot;
  step: StepState;
}

function resolve(registry: ProjectRegistry, node: StepNode): Target | undefined {
  const project = registry.projects().find((p) => p.planUri.toString() === node.planUri);
  const step = project?.result.state.phases.find((p) => p.id === node.phase)?.steps.find((s) => s.id === node.stepId);
  return project && step ? { project, step } : undefined;
}

/** The step a command acts on: the tree's argument, else one the user picks. */
async function target(registry: ProjectRegistry, arg: unknown, placeHolder: string, exclude?: StepStatus): Promise<Target | undefined> {
  if (isStepNode(arg)) {
    const found = resolve(registry, arg);
    if (!found) void vscode.window.showWarningMessage(`Step "${arg.stepId}" is no longer in the plan.`);
    return found;
  }
  const project = await pickProject(registry);
  if (!project) return undefined;
  const items = project.result.state.phases.flatMap((phase) => phase.steps
    .filter((s) => s.status !== exclude)
    .map((step) => ({ label: step.title, description: `${phase.title} · ${STATUS_LABEL[step.status]}`, detail: step.id, step })));
  const pick = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return pick ? { project, step: pick.step } : undefined;
}

async function setStatus(registry: ProjectRegistry, arg: unknown, status: StepStatus, reasonArg?: unknown): Promise<boolean> {
  const t = await target(registry, arg, `Mark which step as ${STATUS_LABEL[status]}?`, status === 'skipped' ? undefined : status);
  if (!t) return false;
  let reason: string | undefined;
  if (status === 'skipped') {
    reason = typeof reasonArg === 'string' && reasonArg.trim() ? reasonArg.trim() : await vscode.window.showInputBox({
      title: `Skip "${t.step.title}"`,
      prompt: 'Why is this step skipped? The reason is written into the plan beside the status.',
      value: t.step.reason ?? '',
      validateInput: (v) => (v.trim() ? undefined : 'A skipped step needs a reason.'),
    });
    if (!reason?.trim()) return false;
    reason = reason.trim();
  }
  const uri = t.project.planUri;
  const document = await vscode.workspace.openTextDocument(uri);
  const wasDirty = document.isDirty;
  const { phase, id } = t.step;
  const applied = await editDocument(uri, (text) => setStepStatus(text, phase, id, status, reason === undefined ? {} : { reason }));
  // A clean plan stays clean (the checklist is a checklist, not a draft); unsaved work is left for the user to save.
  if (applied && !wasDirty && document.isDirty) await document.save();
  return applied;
}

async function revealStep(registry: ProjectRegistry, arg: unknown): Promise<void> {
  const t = await target(registry, arg, 'Reveal which step?');
  if (!t) return;
  const source = t.project.result.parsed.source;
  const range = source.keyRange(t.step.path) ?? source.rangeOf(t.step.path);
  const editor = await vscode.window.showTextDocument(t.project.planUri, { preview: false });
  if (!range) return;
  const at = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(at.start, at.end);
  editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function openEvidence(registry: ProjectRegistry, arg: unknown): Promise<void> {
  const t = await target(registry, arg, 'Open the evidence of which step?');
  const file = t?.step.evidence?.file;
  if (!t || !file) {
    if (t) void vscode.window.showInformationMessage(`"${t.step.title}" has no evidence file to open: ${t.step.evidence?.detail ?? 'a manual step'}.`);
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.joinPath(t.project.folder.uri, ...file.split('/')), { preview: true });
}

export function registerStepCommands(registry: ProjectRegistry): vscode.Disposable {
  const mark = (status: StepStatus) => (arg?: unknown, reason?: unknown) => setStatus(registry, arg, status, reason);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.markTodo, mark('todo')),
    vscode.commands.registerCommand(COMMANDS.markInProgress, mark('in-progress')),
    vscode.commands.registerCommand(COMMANDS.markDone, mark('done')),
    vscode.commands.registerCommand(COMMANDS.markSkipped, mark('skipped')),
    vscode.commands.registerCommand(COMMANDS.revealStep, (arg?: unknown) => revealStep(registry, arg)),
    vscode.commands.registerCommand(COMMANDS.openEvidence, (arg?: unknown) => openEvidence(registry, arg)),
  );
}
