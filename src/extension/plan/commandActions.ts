// Code actions that run a command instead of an edit: where fixing a diagnostic needs input (a reason, a candidate,
// a literature entry) or a whole command (writing the brief, running the evaluation). Keyed on the rule code.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { CheckResult } from '../../core/check';
import { missingRanking } from '../../core/edit/candidateFixes';
import { PHASES, type Candidate, type PhaseId } from '../../core/model';
import type { Diagnostic } from '../../core/types';
import { stepNode } from './treeNodes';
import type { CandidateFixArg } from './fixCommands';

interface CommandFix {
  title: string;
  command: string;
  arguments?: unknown[];
}

type Offer = (d: Diagnostic, result: CheckResult, planUri: vscode.Uri) => CommandFix[];

const pathOf = (d: Diagnostic, result: CheckResult) => result.parsed.source.pathAt(d.range.startOffset) ?? [];
const candidateArg = (planUri: vscode.Uri, index: number, c: Candidate): CandidateFixArg => ({ planUri: planUri.toString(), index, ...(c.id ? { id: c.id } : {}) });

const OFFERS: Record<string, Offer> = {
  'no-brief': () => [{ title: 'Create the project brief', command: COMMANDS.createBrief }],
  'no-literature-review': () => [{ title: 'Add a literature entry…', command: COMMANDS.addLiterature }],
  'single-architecture': () => [{ title: 'Add a candidate architecture…', command: COMMANDS.addCandidate }],
  // "Candidate X has no expected_gain and cost": fill them in on X. The other findings ask for a rationale or a
  // decision, which no command writes for you.
  'too-incremental': (d, result, planUri) => {
    const [root, index] = pathOf(d, result);
    const c = typeof index === 'number' && root === 'candidates' ? result.parsed.plan.candidates?.[index] : undefined;
    const missing = missingRanking(c);
    if (!c || missing.length === 0) return [];
    return [{ title: `Fill in ${missing.join(' and ')} of "${c.id ?? c.name ?? (index as number) + 1}"…`, command: COMMANDS.rankCandidate, arguments: [candidateArg(planUri, index as number, c)] }];
  },
  // "Cites … which is not a literature title": add that entry, or cite an existing title.
  'unknown-reference': (d, result, planUri) => {
    const [root, index, key] = pathOf(d, result);
    const c = typeof index === 'number' && root === 'candidates' && key === 'source' ? result.parsed.plan.candidates?.[index] : undefined;
    if (!c?.source) return [];
    const arg = candidateArg(planUri, index as number, c);
    const add = { title: `Add a literature entry "${c.source}"…`, command: COMMANDS.addCitedLiterature, arguments: [arg] };
    const hasTitles = (result.parsed.plan.literature ?? []).some((l) => !!l?.title);
    return hasTitles ? [add, { title: 'Cite an existing literature title…', command: COMMANDS.pickSource, arguments: [arg] }] : [add];
  },
  // The success-criteria findings sit under `goal`; the others are about Deliver without a reality check.
  'metric-misalignment': (d, result) => (pathOf(d, result)[0] === 'goal' ? [] : [{ title: 'Plan a reality check…', command: COMMANDS.addRealityCheck }]),
  'manual-evaluation': (_d, result) => (result.parsed.plan.evaluation?.command ? [{ title: 'Run the evaluation', command: COMMANDS.runEvaluation }] : []),
  'skipped-without-reason': (d, result, planUri) => {
    const [root, phase, step] = pathOf(d, result);
    if (root !== 'checklist' || !PHASES.includes(phase as PhaseId) || typeof step !== 'string') return [];
    return [{ title: `Give the reason "${step}" is skipped…`, command: COMMANDS.markSkipped, arguments: [stepNode(planUri.toString(), phase as PhaseId, step)] }];
  },
};

export function commandActions(vsDiagnostic: vscode.Diagnostic, core: Diagnostic, result: CheckResult, planUri: vscode.Uri): vscode.CodeAction[] {
  const offer = OFFERS[core.code];
  if (!offer) return [];
  return offer(core, result, planUri).map((f) => {
    const action = new vscode.CodeAction(f.title, vscode.CodeActionKind.QuickFix);
    action.command = { title: f.title, command: f.command, arguments: f.arguments };
    action.diagnostics = [vsDiagnostic];
    return action;
  });
}
