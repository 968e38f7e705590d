// How each element of the Phases tree looks: labels, codicons, descriptions, tooltips, context values.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { PhaseState, ProjectState, StepState } from '../../core/state/projectState';
import type { Diagnostic } from '../../core/types';
import { ruleInfo } from '../../core/rules/ruleInfo';
import type { FolderNode, PhaseNode, StageNode, StepNode } from './treeNodes';
import { escapeMarkdown } from '../common/markdown';

const STATUS_ICON: Record<StepState['status'], vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  todo: new vscode.ThemeIcon('circle-large-outline'),
  'in-progress': new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.blue')),
  skipped: new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('disabledForeground')),
};

const STATUS_TEXT: Record<StepState['status'], string> = { done: 'done', todo: 'to do', 'in-progress': 'in progress', skipped: 'skipped' };

/** A step counted as done because its evidence is seen (`progress.count_evidence`), its status not written yet. */
const EVIDENCE_DONE_ICON = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));

/** Steps that an evaluation run gives evidence for (the tree offers "Run Evaluation" on them). */
const RUNNABLE = new Set(['baseline', 'prototyping', 'tuning', 'evaluation']);

const progress = (closed: number, total: number) => `${closed}/${total}`;

function markdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export function folderItem(node: FolderNode, state: ProjectState): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `${node.planUri}`;
  item.description = progress(state.closed, state.total);
  item.iconPath = new vscode.ThemeIcon('root-folder');
  item.resourceUri = vscode.Uri.parse(node.planUri);
  item.contextValue = 'project';
  return item;
}

export function stageItem(node: StageNode, phases: PhaseState[]): vscode.TreeItem {
  const design = phases.filter((p) => p.stage === 'design');
  const item = new vscode.TreeItem('Design', vscode.TreeItemCollapsibleState.Expanded);
  item.id = `${node.planUri}#design`;
  item.description = progress(design.filter((p) => p.complete).length, design.length);
  item.tooltip = 'The double diamond: Discover and Define the problem, Develop and Deliver the model.';
  item.iconPath = new vscode.ThemeIcon('symbol-structure');
  item.contextValue = 'stage';
  return item;
}

export function phaseItem(node: PhaseNode, phase: PhaseState, current: boolean): vscode.TreeItem {
  const state = current ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(phase.title, state);
  item.id = `${node.planUri}#${phase.id}`;
  item.description = current ? `${progress(phase.closed, phase.total)} · current` : progress(phase.closed, phase.total);
  item.iconPath = phase.complete
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : current ? new vscode.ThemeIcon('arrow-circle-right', new vscode.ThemeColor('charts.blue')) : new vscode.ThemeIcon('circle-large-outline');
  const md = markdown();
  md.appendMarkdown(`**${phase.title}**${current ? ' (current phase)' : ''}: ${phase.closed} of ${phase.total} steps closed\n\n`);
  md.appendText(phase.summary);
  item.tooltip = md;
  item.contextValue = current ? 'phase-current' : 'phase';
  return item;
}

function evidenceText(step: StepState): string | undefined {
  const e = step.evidence;
  if (!e) return undefined;
  if (e.file || /^brief \d+\/\d+ sections$/.test(e.detail)) return e.detail;
  return e.seen ? 'evidence seen' : 'no evidence';
}

export function stepItem(node: StepNode, step: StepState, pitfalls: Diagnostic[]): vscode.TreeItem {
  const item = new vscode.TreeItem(step.title, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.planUri}#${step.phase}/${step.id}`;
  item.iconPath = step.doneByEvidence ? EVIDENCE_DONE_ICON : STATUS_ICON[step.status];
  const parts: string[] = [];
  if (step.status === 'skipped') parts.push(step.reason ? `skipped: ${step.reason}` : 'skipped');
  else {
    const evidence = evidenceText(step);
    if (evidence) parts.push(step.doneByEvidence ? `${evidence} · counts as done` : evidence);
  }
  const numbers = [...new Set(pitfalls.map((d) => ruleInfo(d.code)?.pitfall).filter((n): n is number => !!n))].sort();
  if (numbers.length) parts.unshift(`⚠ pitfall ${numbers.join(', ')}`);
  item.description = parts.join(' · ');

  const md = markdown();
  md.appendMarkdown(`**${escapeMarkdown(step.title)}** (\`${step.id}\`): ${STATUS_TEXT[step.status]}\n\n`);
  md.appendText(step.why);
  md.appendMarkdown('\n\n');
  if (step.roles.length) md.appendMarkdown(`**Roles:** ${step.roles.map(escapeMarkdown).join(', ')}\n\n`);
  if (step.evidence) md.appendMarkdown(`**Evidence:** ${step.evidence.seen ? 'seen' : 'not seen'}: ${escapeMarkdown(step.evidence.detail)}\n\n`);
  if (step.doneByEvidence) md.appendMarkdown('Counts as done in the progress: its evidence is seen and the checklist declares no status.\n\n');
  if (step.reason) md.appendMarkdown(`**Reason:** ${escapeMarkdown(step.reason)}\n\n`);
  for (const d of pitfalls) md.appendMarkdown(`$(warning) **${escapeMarkdown(ruleInfo(d.code)?.title ?? d.code)}**: ${escapeMarkdown(d.message)}\n\n`);
  item.tooltip = md;

  let context = `step-${step.status}`;
  if (step.evidence?.file) context += '-evidence';
  if (step.id === 'project-brief') context += '-project-brief';
  if (RUNNABLE.has(step.id)) context += '-runnable';
  item.contextValue = context;
  item.command = { command: COMMANDS.revealStep, title: 'Reveal in Plan', arguments: [node] };
  item.accessibilityInformation = { label: `${step.title}, ${STATUS_TEXT[step.status]}${item.description ? `, ${item.description}` : ''}` };
  return item;
}

