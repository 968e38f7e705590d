// "Add Literature Entry…", "Add Candidate…", "Add Reality Check…": a few input boxes and quick picks, then the
// core's minimal edit (one list item appended in the file's style), applied through a WorkspaceEdit.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Candidate, Level, LiteratureEntry, RealityCheck, RealityCheckKind } from '../../core/model';
import { addCandidate, addLiterature, addRealityCheck } from '../../core/edit/sequence';
import type { TextEdit } from '../../core/types';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { editDocument } from '../common/workspaceEdits';
import { pickProject } from '../project/pickProject';

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

async function candidate(registry: ProjectRegistry): Promise<boolean> {
  const project = await pickProject(registry);
  if (!project) return false;
  const taken = new Set((project.result.parsed.plan.candidates ?? []).map((c) => c?.id));
  const id = await text('Add candidate (1/4)', 'Short id, used in runs and the decision', {
    placeHolder: 'e.g. cnn',
    validateInput: (v) => (!/^[A-Za-z0-9][\w.-]*$/.test(v.trim()) ? 'Letters, digits, "-", "_" or ".", starting with a letter or digit.' : taken.has(v.trim()) ? `"${v.trim()}" is already a candidate.` : undefined),
  });
  if (id === undefined) return false;
  const name = await text('Add candidate (2/4)', 'What the candidate is', { placeHolder: 'e.g. CNN on mel-spectrograms', validateInput: required('A name') });
  if (name === undefined) return false;
  const gain = await level('Add candidate (3/4)', 'Expected gain over the baseline');
  if (!gain) return false;
  const cost = await level('Add candidate (4/4)', 'Cost to build and run');
  if (!cost) return false;
  const entry: Candidate = { id: id.trim(), name: name.trim(), expected_gain: gain, cost };
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
    vscode.commands.registerCommand(COMMANDS.addCandidate, () => candidate(registry)),
    vscode.commands.registerCommand(COMMANDS.addRealityCheck, () => realityCheck(registry)),
  );
}
