// The quick fixes that need a choice, as commands the code actions run (commandActions.ts): fill in a candidate's
// missing expected_gain / cost (a quick pick per key, values from the schema), and resolve a candidate's `source`
// that names no literature title (add an entry with that title, or pick an existing title, the closest first).
// The edits are the core's minimal ones, applied through a WorkspaceEdit; a test may pass the choices as a second
// argument instead of answering the pickers.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { citeAction, missingRanking, rankCandidateAction, rankingValues, titlesByCloseness, type RankingKey } from '../../core/edit/candidateFixes';
import { fixEdits } from '../../core/edit/fixEdits';
import { addLiterature } from '../../core/edit/sequence';
import type { Candidate } from '../../core/model';
import type { FixAction, TextEdit } from '../../core/types';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { editDocument } from '../common/workspaceEdits';

/** What a code action passes: the plan and the candidate (its index, and its id to check it is still the one). */
export interface CandidateFixArg {
  planUri: string;
  index: number;
  id?: string;
}

const KEY_PROMPT: Record<RankingKey, string> = { expected_gain: 'Expected gain over the baseline', cost: 'Cost to build and run' };

function isArg(arg: unknown): arg is CandidateFixArg {
  const a = arg as CandidateFixArg | undefined;
  return typeof a?.planUri === 'string' && typeof a.index === 'number';
}

/** The project and the candidate the argument names, or undefined (after a warning) when it moved or went. */
function resolve(registry: ProjectRegistry, arg: unknown): { project: ProjectSnapshot; candidate: Candidate } | undefined {
  if (!isArg(arg)) return undefined;
  const project = registry.projects().find((p) => p.planUri.toString() === arg.planUri);
  const candidate = project?.result.parsed.plan.candidates?.[arg.index];
  if (!project || !candidate || (arg.id !== undefined && candidate.id !== arg.id)) {
    void vscode.window.showWarningMessage(`ML Project: candidate "${arg.id ?? arg.index}" is no longer where it was in the plan; nothing was changed.`);
    return undefined;
  }
  return { project, candidate };
}

async function apply(project: ProjectSnapshot, compute: (text: string) => TextEdit[]): Promise<boolean> {
  try {
    return await editDocument(project.planUri, compute);
  } catch (e) {
    void vscode.window.showErrorMessage(`ML Project: could not edit the plan: ${(e as Error).message}`);
    return false;
  }
}

const applyAction = (project: ProjectSnapshot, action: FixAction) => apply(project, (text) => fixEdits(text, action));

async function rankCandidate(registry: ProjectRegistry, arg: unknown, given?: Partial<Record<RankingKey, string>>): Promise<boolean> {
  const target = resolve(registry, arg);
  if (!target) return false;
  const name = target.candidate.id ?? target.candidate.name ?? `#${(arg as CandidateFixArg).index + 1}`;
  const missing = missingRanking(target.candidate);
  if (missing.length === 0) return false;
  const values: Partial<Record<RankingKey, string>> = {};
  for (const [i, key] of missing.entries()) {
    const value = given?.[key] ?? (await vscode.window.showQuickPick(rankingValues(key), {
      title: `Rank candidate "${name}" (${i + 1}/${missing.length}): ${key}`, placeHolder: KEY_PROMPT[key], ignoreFocusOut: true,
    }));
    if (!value) return false;
    values[key] = value;
  }
  return applyAction(target.project, rankCandidateAction((arg as CandidateFixArg).index, values));
}

async function addCitedLiterature(registry: ProjectRegistry, arg: unknown, givenTakeaway?: string): Promise<boolean> {
  const target = resolve(registry, arg);
  const title = target?.candidate.source;
  if (!target || !title) return false;
  const takeaway = givenTakeaway ?? (await vscode.window.showInputBox({
    title: `Add literature entry "${title}"`, prompt: 'Takeaway: what it teaches this project', ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A takeaway is required.'),
  }));
  if (!takeaway?.trim()) return false;
  return apply(target.project, (text) => addLiterature(text, { title, takeaway: takeaway.trim() }));
}

async function pickSource(registry: ProjectRegistry, arg: unknown, givenTitle?: string): Promise<boolean> {
  const target = resolve(registry, arg);
  const cited = target?.candidate.source;
  if (!target || !cited) return false;
  const titles = (target.project.result.parsed.plan.literature ?? []).map((l) => l?.title).filter((t): t is string => !!t);
  const title = givenTitle ?? (await vscode.window.showQuickPick(titlesByCloseness(cited, titles), {
    title: `Cite an existing literature title instead of "${cited}"`, placeHolder: 'Closest titles first', ignoreFocusOut: true,
  }));
  if (!title) return false;
  return applyAction(target.project, citeAction((arg as CandidateFixArg).index, title));
}

export function registerFixCommands(registry: ProjectRegistry): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.rankCandidate, (arg?: unknown, values?: Partial<Record<RankingKey, string>>) => rankCandidate(registry, arg, values)),
    vscode.commands.registerCommand(COMMANDS.addCitedLiterature, (arg?: unknown, takeaway?: string) => addCitedLiterature(registry, arg, takeaway)),
    vscode.commands.registerCommand(COMMANDS.pickSource, (arg?: unknown, title?: string) => pickSource(registry, arg, title)),
  );
}
