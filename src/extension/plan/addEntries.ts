// "Add Literature Entry…", "Add Candidate…", "Add Reality Check…": a few input boxes and quick picks, then the
// core's minimal edit (one list item appended in the file's style), applied through a WorkspaceEdit. Add Candidate
// asks first whether the candidate is the baseline (`baseline: true`, no gain or cost) or one to compare with it.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Candidate, Level, LiteratureEntry, RealityCheck, RealityCheckKind } from '../../core/model';
import { addCandidate, addLiterature, addRealityCheck } from '../../core/edit/sequence';
import type { TextEdit } from '../../core/types';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { editDocument } from '../common/workspaceEdits';
import { freshSnapshot, pickProject } from '../project/pickProject';
import { commandArgFields, folderArgOf } from '../project/commandArgs';

const LEVELS: Level[] = ['low', 'medium', 'high'];
const KINDS: { label: string; value: RealityCheckKind; detail: string }[] = [
  { label: 'A/B test', value: 'ab-test', detail: 'real users, the business metric measured on both arms' },
  { label: 'Demo', value: 'demo', detail: 'show the predictions to the people who will use them' },
  { label: 'Focus group', value: 'focus-group', detail: 'a few users judge the output' },
  { label: 'Pilot', value: 'pilot', detail: 'a limited rollout in production' },
  { label: 'User study', value: 'user-study', detail: 'a structured study with users' },
];

const text = (title: string, prompt: string, options: Partial<vscode.InputBoxOptions> = {}) =>
  vscode.window.showInputBox({ title, prompt, ignoreFocusOut: true, ...options });
const required = (what: string) => (v: string) => (v.trim() ? undefined : `${what} is required.`);
const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

async function level(title: string, what: string): Promise<Level | undefined> {
  const pick = await vscode.window.showQuickPick(LEVELS.map((l) => ({ label: l })), { title, placeHolder: what, ignoreFocusOut: true });
  return pick?.label as Level | undefined;
}

/** Applies an append edit to the project's plan and shows where it landed. */
async function append(project: ProjectSnapshot, compute: (text: string) => TextEdit[]): Promise<boolean> {
  let edits: TextEdit[] = [];
  try {
    const applied = await editDocument(project.planUri, (t) => (edits = compute(t)));
    if (!applied || edits.length === 0) return false;
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not add to the plan: ${(e as Error).message}`);
    return false;
  }
  const editor = await vscode.window.showTextDocument(project.planUri, { preview: false });
  const last = edits.reduce((a, b) => (b.start >= a.start ? b : a));
  const end = editor.document.positionAt(last.start + last.newText.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

async function literature(registry: ProjectRegistry): Promise<boolean> {
  const project = await pickProject(registry);
  if (!project) return false;
  const title = await text('Add literature entry (1/3)', 'Title of the paper, post or prior project', { validateInput: required('A title') });
  if (title === undefined) return false;
  const url = await text('Add literature entry (2/3)', 'Link (optional)', { placeHolder: 'https://…' });
  if (url === undefined) return false;
  const takeaway = await text('Add literature entry (3/3)', 'Takeaway: what it teaches this project', { validateInput: required('A takeaway') });
  if (takeaway === undefined) return false;
  const entry: LiteratureEntry = { title: title.trim(), url: optional(url), takeaway: takeaway.trim() };
  return append(project, (t) => addLiterature(t, entry));
}

/** Arguments that skip the prompts of Add Candidate (tests, other commands): each one given is not asked. */
interface CandidateArgs {
  folder?: unknown;
  id?: string;
  name?: string;
  baseline?: boolean;
  expected_gain?: Level;
  cost?: Level;
}

function candidateArgsOf(arg: unknown): CandidateArgs {
  const a = commandArgFields(arg);
  const isLevel = (v: unknown): v is Level => LEVELS.includes(v as Level);
  return {
    folder: folderArgOf(a),
    ...(typeof a.id === 'string' ? { id: a.id } : {}),
    ...(typeof a.name === 'string' ? { name: a.name } : {}),
    ...(typeof a.baseline === 'boolean' ? { baseline: a.baseline } : {}),
    ...(isLevel(a.expected_gain) ? { expected_gain: a.expected_gain } : {}),
    ...(isLevel(a.cost) ? { cost: a.cost } : {}),
  };
}

/** "Is it the baseline?": the first answer is the likely one (yes while the plan has no baseline). */
async function isBaseline(existing: string[]): Promise<boolean | undefined> {
  const yes = {
    label: 'The baseline',
    description: existing.length ? `(${existing.join(', ')} ${existing.length === 1 ? 'is' : 'are'} already marked as the baseline)` : undefined,
    detail: 'A simple, possibly poor model, fitted first through the evaluation pipeline: every other candidate is compared with it.',
    value: true,
  };
  const no = { label: 'A candidate to compare with the baseline', detail: 'You say what it is expected to gain over the baseline, and what it costs.', value: false };
  const pick = await vscode.window.showQuickPick(existing.length ? [no, yes] : [yes, no], {
    title: 'Add candidate: the baseline, or a candidate to compare with it?', ignoreFocusOut: true,
  });
  return pick?.value;
}

async function candidate(registry: ProjectRegistry, arg?: unknown): Promise<boolean> {
  const args = candidateArgsOf(arg);
  const picked = await pickProject(registry, args.folder);
  if (!picked) return false;
  // The ids taken now, not at the last debounced check: a candidate added a moment ago counts.
  const project = await freshSnapshot(registry, picked);
  const candidates = (project.result.parsed.plan.candidates ?? []).filter((c) => !!c);
  const taken = new Set(candidates.map((c) => c.id));
  const idError = (v: string) => (!/^[A-Za-z0-9][\w.-]*$/.test(v.trim()) ? 'Letters, digits, "-", "_" or ".", starting with a letter or digit.' : taken.has(v.trim()) ? `"${v.trim()}" is already a candidate.` : undefined);
  const baseline = args.baseline ?? await isBaseline(candidates.filter((c) => c.baseline === true && c.id).map((c) => c.id!));
  if (baseline === undefined) return false;
  const steps = baseline ? 2 : 4;
  if (args.id !== undefined && idError(args.id)) {
    void vscode.window.showErrorMessage(`ML Project: the candidate id "${args.id}" was not added: ${idError(args.id)}`);
    return false;
  }
  const id = args.id ?? await text(`Add ${baseline ? 'the baseline' : 'candidate'} (1/${steps})`, 'Short id, used in runs and the decision', {
    placeHolder: baseline ? 'e.g. baseline, logreg, majority' : 'e.g. cnn',
    ...(baseline && !taken.has('baseline') ? { value: 'baseline' } : {}),
    validateInput: idError,
  });
  if (id === undefined) return false;
  const name = args.name ?? await text(`Add ${baseline ? 'the baseline' : 'candidate'} (2/${steps})`, 'What the candidate is', {
    placeHolder: baseline ? 'e.g. Majority class, or logistic regression on simple features' : 'e.g. CNN on mel-spectrograms',
    validateInput: required('A name'),
  });
  if (name === undefined || !name.trim()) return false;
  let entry: Candidate = { id: id.trim(), name: name.trim(), baseline: true };
  if (!baseline) {
    // The baseline is what the others are measured against: only the others have a gain over it and a cost.
    const gain = args.expected_gain ?? await level('Add candidate (3/4)', 'Expected gain over the baseline');
    if (!gain) return false;
    const cost = args.cost ?? await level('Add candidate (4/4)', 'Cost to build and run');
    if (!cost) return false;
    entry = { id: id.trim(), name: name.trim(), expected_gain: gain, cost };
  }
  return append(project, (t) => addCandidate(t, entry));
}

async function realityCheck(registry: ProjectRegistry): Promise<boolean> {
  const project = await pickProject(registry);
  if (!project) return false;
  const kind = await vscode.window.showQuickPick(KINDS, { title: 'Add reality check (1/3)', placeHolder: 'What kind of check?', ignoreFocusOut: true });
  if (!kind) return false;
  const plan = await text('Add reality check (2/3)', 'What it should show (you add the outcome once it happened)', { validateInput: required('A plan') });
  if (plan === undefined) return false;
  const date = await text('Add reality check (3/3)', 'Date, YYYY-MM-DD (optional)', {
    validateInput: (v) => (!v.trim() || /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? undefined : 'Use YYYY-MM-DD, or leave it empty.'),
  });
  if (date === undefined) return false;
  const entry: RealityCheck = { kind: kind.value, date: optional(date), plan: plan.trim() };
  return append(project, (t) => addRealityCheck(t, entry));
}

export function registerAddEntries(registry: ProjectRegistry): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.addLiterature, () => literature(registry)),
    vscode.commands.registerCommand(COMMANDS.addCandidate, (arg?: unknown) => candidate(registry, arg)),
    vscode.commands.registerCommand(COMMANDS.addRealityCheck, () => realityCheck(registry)),
  );
}
