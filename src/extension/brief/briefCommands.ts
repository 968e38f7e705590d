// "Create Project Brief" and "Update Project Brief". Create writes the brief from the template (never over an
// existing file), sets `project.brief` with a minimal edit when it was not set, and opens the brief beside its
// preview. Update regenerates only the marked blocks through a WorkspaceEdit on the brief's document (undoable,
// correct on unsaved buffers); a brief without markers is never rewritten, and blocks edited by hand are listed in
// a modal and kept unless the user chooses to replace them.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { DEFAULT_BRIEF_PATH, type ProjectPlan } from '../../core/model';
import { renderBrief } from '../../core/brief/generate';
import { PlanEditError, setProjectBrief } from '../../core/brief/planEdits';
import { BriefTemplateError } from '../../core/brief/template';
import { describeKept, updateBrief, type KeptBlock } from '../../core/brief/update';
import { EDITOR_FRONT_END } from '../common/frontEnd';
import { isInsideWorkspace, normaliseRelative } from '../../core/workspace/paths';
import { WorkspacePathError } from '../../core/workspace/realPaths';
import type { Evidence } from '../../core/state/evidence';
import { findStepState } from '../../core/state/projectState';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { editDocument } from '../common/workspaceEdits';
import { freshSnapshot, pickProject } from '../project/pickProject';
import { commandArgFields, folderArgOf, runsOf } from '../project/commandArgs';
import { localToday } from '../../core/text/dates';
import { writeNewFile } from '../../core/workspace/newFile';
import { briefTemplateFor, BriefTemplateSettingError } from '../project/briefTemplate';
import { BriefCommandError, exists, insideFolder } from './briefSupport';
import { editPlan } from '../common/workspaceEdits';
import { minimalEdit } from '../../core/edit/minimalEdit';

/** Arguments that skip the prompts (tests, other commands). */
export interface BriefArgs {
  folder?: unknown;
  /** the brief's workspace-relative path when `project.brief` is not set */
  path?: string;
  /** YYYY-MM-DD for the runway countdown (default: today) */
  today?: string;
  /** false: do not open the brief and its preview */
  open?: boolean;
  /** Update: replace (true) or keep (false) blocks edited by hand without asking */
  replaceEdited?: boolean;
}

export interface CreateBriefResult {
  path: string;
  uri: vscode.Uri;
  /** true when `project.brief` was set by the command */
  planEdited: boolean;
  /** the project-brief step's evidence in the registry before and after the command */
  evidence: { before?: Evidence; after?: Evidence };
}

function briefEvidence(project: ProjectSnapshot | undefined): Evidence | undefined {
  return project ? findStepState(project.result.state, 'project-brief')?.evidence : undefined;
}

function briefArgsOf(arg: unknown): BriefArgs {
  const a = commandArgFields(arg);
  return {
    ...(folderArgOf(a) !== undefined ? { folder: folderArgOf(a) } : {}),
    ...(typeof a.path === 'string' ? { path: a.path } : {}),
    ...(typeof a.today === 'string' ? { today: a.today } : {}),
    ...(a.open === false ? { open: false } : {}),
    ...(typeof a.replaceEdited === 'boolean' ? { replaceEdited: a.replaceEdited } : {}),
  };
}

export function configuredBrief(plan: ProjectPlan): string | undefined {
  const b = plan.project?.brief;
  return typeof b === 'string' && b.trim() !== '' ? b.trim() : undefined;
}

async function showBrief(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri).then(undefined, () => undefined);
}

function fail(e: unknown): undefined {
  if (e instanceof BriefCommandError || e instanceof BriefTemplateSettingError || e instanceof BriefTemplateError || e instanceof PlanEditError || e instanceof WorkspacePathError) {
    void vscode.window.showErrorMessage(`ML Project: ${e.message}`);
    return undefined;
  }
  throw e;
}

export async function askBriefPath(): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: 'ML Project: Create Project Brief',
    prompt: 'Where should the brief go? (workspace-relative; saved as project.brief in .mlproject.yaml)',
    value: DEFAULT_BRIEF_PATH,
    valueSelection: [0, DEFAULT_BRIEF_PATH.length - 3],
    ignoreFocusOut: true,
    validateInput: (v) => {
      const t = v.trim();
      if (!t) return 'Give a path, e.g. docs/brief.md';
      if (!isInsideWorkspace(t)) return 'The brief must be inside the workspace folder';
      if (t.endsWith('/')) return 'Give a file name, e.g. docs/brief.md';
      return undefined;
    },
  });
  return answer === undefined ? undefined : normaliseRelative(answer.trim());
}

export async function createBrief(registry: ProjectRegistry, arg?: unknown): Promise<CreateBriefResult | undefined> {
  const args = briefArgsOf(arg);
  const picked = await pickProject(registry, args.folder, 'for the brief');
  if (!picked) return undefined;
  try {
    const project = await freshSnapshot(registry, picked);
    const plan = project.result.parsed.plan;
    const configured = configuredBrief(plan);
    const rel = configured ?? (args.path !== undefined ? normaliseRelative(args.path.trim()) : await askBriefPath());
    if (!rel) return undefined;
    const abs = insideFolder(project.folder, rel, configured ? 'project.brief' : 'the brief path');
    const uri = vscode.Uri.file(abs);
    const template = await briefTemplateFor(project.folder);

    if (await exists(abs, project.folder.uri.fsPath)) {
      let planEdited = false;
      if (!configured) planEdited = await editPlan(project.planUri, (t) => setProjectBrief(t, rel));
      const update = 'Update Project Brief';
      const open = 'Open Brief';
      void vscode.window
        .showInformationMessage(`ML Project: ${rel} already exists; it is never overwritten. Update refreshes only its generated blocks.`, update, open)
        .then((c) => {
          if (c === update) void vscode.commands.executeCommand(COMMANDS.updateBrief, { folder: project.folder.uri.toString() });
          if (c === open) void showBrief(uri);
        });
      if (planEdited) await registry.refresh(project.planUri);
      return undefined;
    }

    const text = renderBrief(plan, template, { today: args.today ?? localToday(), runs: runsOf(project), frontEnd: EDITOR_FRONT_END });
    if (!(await writeNewFile(abs, text, project.folder.uri.fsPath))) throw new BriefCommandError(`${rel} appeared while the brief was generated; it was not overwritten`);
    let planEdited = false;
    if (configured !== rel) {
      try {
        planEdited = await editPlan(project.planUri, (t) => setProjectBrief(t, rel));
      } catch (e) {
        if (!(e instanceof PlanEditError)) throw e;
        void vscode.window.showWarningMessage(`ML Project: wrote ${rel}, but could not set project.brief: ${e.message}`);
      }
    }
    const after = await freshSnapshot(registry, project, true);
    if (args.open !== false) await showBrief(uri);
    const sections = template.sections.length;
    void vscode.window.showInformationMessage(
      `ML Project: wrote ${rel}${planEdited ? ' and set project.brief' : ''}. Fill in its ${sections} sections (text outside the <!-- mlproject --> markers is yours), then review it with the business owner.`,
    );
    return { path: rel, uri, planEdited, evidence: { before: briefEvidence(project), after: briefEvidence(after) } };
  } catch (e) {
    return fail(e);
  }
}

export interface UpdateBriefResult {
  changedBlocks: string[];
  /** blocks edited by hand that were kept */
  keptBlocks: string[];
  /** blocks edited by hand that were replaced, as the user chose */
  replacedBlocks: string[];
  /** whether the brief's document has unsaved changes after the update */
  dirty?: boolean;
  error?: string;
}

/** Asks, in a modal, whether to replace the blocks edited by hand; keeping them is the default (and Cancel). */
async function askReplaceEdited(rel: string, kept: readonly KeptBlock[], preset: boolean | undefined): Promise<boolean> {
  if (preset !== undefined) return preset;
  const replace = 'Replace edited blocks';
  const keep = 'Keep my edits';
  const which = kept.length === 1 ? 'A generated block was' : `${kept.length} generated blocks were`;
  const choice = await vscode.window.showWarningMessage(
    `${which} edited by hand in ${rel}: ${kept.map((k) => k.id).join(', ')}`,
    {
      modal: true,
      detail: `${describeKept(kept)}.\n\nTheir text differs from what .mlproject.yaml generates. "Keep my edits" leaves them as they are and updates the other blocks; "Replace edited blocks" overwrites them (Undo reverts it until you save). To keep your text for good, move it outside the <!-- mlproject --> markers.`,
    },
    keep,
    replace,
  );
  return choice === replace;
}

function updateMessage(rel: string, result: UpdateBriefResult): string {
  const parts: string[] = [];
  if (result.changedBlocks.length > 0) {
    parts.push(`updated ${rel}: ${result.changedBlocks.join(', ')} (${result.dirty ? 'not saved yet; Undo reverts it' : 'saved'})`);
  } else if (result.keptBlocks.length === 0) {
    parts.push(`${rel} is up to date with .mlproject.yaml`);
  }
  if (result.keptBlocks.length > 0) parts.push(`kept your edits in ${result.keptBlocks.join(', ')}; move that text outside the markers to keep it for good`);
  return `ML Project: ${parts.join('; ')}.`;
}

export async function updateBriefCommand(registry: ProjectRegistry, arg?: unknown): Promise<UpdateBriefResult | undefined> {
  const args = briefArgsOf(arg);
  const active = vscode.window.activeTextEditor?.document.uri;
  const picked = await pickProject(registry, args.folder ?? (active && active.path.endsWith('.md') ? active : undefined), 'whose brief to update');
  if (!picked) return undefined;
  try {
    const project = await freshSnapshot(registry, picked);
    const plan = project.result.parsed.plan;
    const rel = configuredBrief(plan);
    const create = 'Create Project Brief';
    if (!rel) {
      void vscode.window.showInformationMessage('ML Project: project.brief is not set, so there is no brief to update.', create).then((c) => {
        if (c === create) void vscode.commands.executeCommand(COMMANDS.createBrief, { folder: project.folder.uri.toString() });
      });
      return undefined;
    }
    const abs = insideFolder(project.folder, rel, 'project.brief');
    const uri = vscode.Uri.file(abs);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (!open && !(await exists(abs, project.folder.uri.fsPath))) {
      void vscode.window.showInformationMessage(`ML Project: ${rel} does not exist yet.`, create).then((c) => {
        if (c === create) void vscode.commands.executeCommand(COMMANDS.createBrief, { folder: project.folder.uri.toString() });
      });
      return undefined;
    }
    const template = await briefTemplateFor(project.folder);
    const options = { today: args.today ?? localToday(), runs: runsOf(project), frontEnd: EDITOR_FRONT_END };
    // which blocks were edited by hand: the user decides about those before anything is written
    const preview = updateBrief((await vscode.workspace.openTextDocument(uri)).getText(), plan, template, options);
    const replaceEdited = !preview.error && preview.keptBlocks.length > 0 && (await askReplaceEdited(rel, preview.keptBlocks, args.replaceEdited))
      ? preview.keptBlocks.map((k) => k.id)
      : [];
    let result: UpdateBriefResult = { changedBlocks: [], keptBlocks: [], replacedBlocks: [] };
    const applied = await editDocument(uri, (text) => {
      const r = updateBrief(text, plan, template, { ...options, replaceEdited });
      result = { changedBlocks: r.changedBlocks, keptBlocks: r.keptBlocks.map((k) => k.id), replacedBlocks: r.replacedBlocks, ...(r.error ? { error: r.error } : {}) };
      return r.error ? [] : minimalEdit(text, r.text);
    });
    if (result.error) {
      void vscode.window.showWarningMessage(`ML Project: ${rel}: ${result.error}`);
    } else if (!applied) {
      return result;
    } else {
      result.dirty = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.isDirty ?? false;
      const message = updateMessage(rel, result);
      if (result.keptBlocks.length > 0) void vscode.window.showWarningMessage(message);
      else void vscode.window.showInformationMessage(message);
    }
    if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
    return result;
  } catch (e) {
    return fail(e);
  }
}
