// The tree items of the Runs view: a recorded run (status icon that tells apart ok and every target met, ok but a
// target missed, and not ok; metrics with Δ and ✓/✗; a tooltip with the command and every metric), a candidate of
// the grouped view (n, mean ± 95% interval of the primary metric, a verdict icon vs the baseline) and a run not yet
// in the history (queued or running, with its elapsed time). Icons are never the only sign: the words are in the
// description, the tooltip and the accessibility label.
import * as vscode from 'vscode';
import type { CandidateStats } from '../../core/runs/candidateStats';
import type { RunComparison } from '../../core/runs/compare';
import type { RunRecord, RunStatus } from '../../core/runs/runRecord';
import { formatDuration } from '../../core/runs/timeout';
import type { ProjectSnapshot } from '../project/projectRegistry';
import type { ActiveRun } from './activeRuns';
import { criterionMark, formatDelta, formatNumber, metricsSummary, outcomeKind, outcomeText, relativeTime, STATUS_TEXT, type RunOutcomeKind } from './runText';
import { candidateDescription, candidateDetails, primaryStats, verdictKind, type VerdictKind } from './statsText';
import { escapeMarkdown } from '../common/markdown';
import { targetBound } from '../../core/runs/statsWords';

export interface RunNode {
  kind: 'run';
  project: ProjectSnapshot;
  run: RunRecord;
  comparison: RunComparison;
}

export interface ActiveNode {
  kind: 'active';
  project: ProjectSnapshot;
  run: ActiveRun;
}

/** [codicon, theme colour] of a run that did not succeed, by status. */
const NOT_OK_ICON: Record<Exclude<RunStatus, 'ok'>, [string, string]> = {
  failed: ['error', 'testing.iconFailed'],
  cancelled: ['circle-slash', 'disabledForeground'],
  timeout: ['watch', 'testing.iconErrored'],
  'metrics-error': ['warning', 'list.warningForeground'],
};

/** ok and met: a filled green check; ok but missed: an outlined check in the warning colour; else by status. */
export function runIcon(status: RunStatus, kind: RunOutcomeKind): vscode.ThemeIcon {
  if (kind !== 'not-ok') {
    return kind === 'met' ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('list.warningForeground'));
  }
  const [icon, colour] = NOT_OK_ICON[status as Exclude<RunStatus, 'ok'>];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
}

export function runTreeItem(node: RunNode): vscode.TreeItem {
  const { run, comparison: cmp } = node;
  // The sidebar is narrow: the verdict (metrics with Δ and ✓/✗) comes first, then the time and the note.
  const label = run.candidate;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `run:${node.project.folder.uri}#${run.id}`;
  const when = relativeTime(run.start);
  const summary = run.status === 'ok' ? metricsSummary(cmp) : STATUS_TEXT[run.status];
  item.description = [summary, when, run.note].filter(Boolean).join(' · ');
  const kind = outcomeKind(cmp);
  item.iconPath = runIcon(run.status, kind);
  item.contextValue = `run-${run.status}${cmp.targetsMet ? '-met' : ''}`;
  item.tooltip = runTooltip(node);
  item.accessibilityInformation = { label: `${label}, ${outcomeText(cmp)}, ${when}${run.status === 'ok' ? `, ${summary}` : ''}${run.note ? `, ${run.note}` : ''}` };
  return item;
}

function runTooltip(node: RunNode): vscode.MarkdownString {
  const { run, comparison: cmp } = node;
  const md = plainMarkdown();
  md.appendMarkdown('**');
  md.appendText(run.candidate);
  md.appendMarkdown('** · ');
  md.appendText(`${outcomeText(cmp)} · ${run.start.replace('T', ' ').slice(0, 19)} UTC · ${formatDuration(run.durationMs)}`);
  md.appendMarkdown('\n\n');
  if (run.note) {
    md.appendMarkdown('_Note:_ ');
    md.appendText(run.note);
    md.appendMarkdown('\n\n');
  }
  if (run.error) {
    md.appendText(run.error);
    md.appendMarkdown('\n\n');
  }
  const rows = cmp.metrics.map((m) => {
    const c = cmp.criteria.find((x) => x.metric === m.metric);
    const target = c ? `${criterionMark(c)} ${targetBound(c)}` : '';
    return `| ${escapeMarkdown(m.metric)} | ${formatNumber(m.value)} | ${m.delta !== undefined ? formatDelta(m.delta) : ''} | ${target} |`;
  });
  for (const c of cmp.criteria) if (c.status === 'missing') rows.push(`| ${escapeMarkdown(c.metric)} | — | | ✗ missing |`);
  if (rows.length > 0) {
    md.appendMarkdown(`| metric | value | Δ vs ${cmp.baseline ? `baseline ${escapeMarkdown(cmp.baseline.candidate)}` : 'baseline (none yet)'} | target |\n|---|---:|---:|---|\n${rows.join('\n')}\n\n`);
  }
  md.appendMarkdown('Command:');
  md.appendCodeblock(run.command, 'shell');
  const git = run.git ? `git ${run.git.commit.slice(0, 10)}${run.git.dirty ? ' (uncommitted changes)' : ''}` : 'no git commit recorded';
  const sweep = run.sweepId ? ` · sweep ${run.sweepId}, seed ${run.seed ?? 0}` : '';
  md.appendText(`${git} · exit code ${run.exitCode ?? 'none'} · from the ${run.source === 'cli' ? 'CLI' : 'editor'} · run ${run.id}${sweep}`);
  return md;
}

/** A verdict's codicon: distinct shapes (the words are in the description and tooltip too). */
const VERDICT_ICON: Record<VerdictKind, [string, string | undefined]> = {
  better: ['arrow-circle-up', 'testing.iconPassed'],
  worse: ['arrow-circle-down', 'testing.iconFailed'],
  'within noise': ['arrow-both', undefined],
  baseline: ['milestone', undefined],
  none: ['symbol-class', undefined],
};

export function candidateTreeItem(project: ProjectSnapshot, candidate: string, runs: number, stats: CandidateStats | undefined, reference: string | undefined): vscode.TreeItem {
  const plan = project.result.parsed.plan;
  const c = plan.candidates?.find((x) => x?.id === candidate);
  const item = new vscode.TreeItem(candidate, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `candidate:${project.folder.uri}#${candidate}`;
  const tags = [c?.baseline ? 'baseline' : undefined, plan.decision?.chosen === candidate ? 'chosen' : undefined].filter(Boolean);
  const described = stats ? candidateDescription(stats, plan, reference) : 'no statistics';
  item.description = `${described} · ${runs} run${runs === 1 ? '' : 's'}${tags.length ? ` · ${tags.join(', ')}` : ''}`;
  const kind = stats && stats.n > 0 ? verdictKind(stats, primaryStats(stats, plan), reference) : 'none';
  const [icon, colour] = VERDICT_ICON[kind];
  item.iconPath = new vscode.ThemeIcon(icon, colour ? new vscode.ThemeColor(colour) : undefined);
  const md = plainMarkdown();
  md.appendMarkdown('**');
  md.appendText(c?.name ? `${candidate}: ${c.name}` : candidate);
  md.appendMarkdown('**\n\n');
  if (!c) md.appendText(`${candidate} is not a candidate in .mlproject.yaml\n\n`);
  // appendMarkdown with the text escaped, not appendText: that would turn every space into &nbsp; (no wrapping)
  for (const line of stats ? candidateDetails(stats, plan, reference) : []) md.appendMarkdown(`${escapeMarkdown(line)}\n\n`);
  item.tooltip = md;
  item.accessibilityInformation = { label: `${candidate}, ${item.description}` };
  item.contextValue = 'runsCandidate';
  return item;
}

/** `running 1m 05s`, `queued 12s`. */
export function activeDescription(run: ActiveRun, now = Date.now()): string {
  const elapsed = formatElapsed(Math.max(0, now - run.since.getTime()));
  const where = run.executor === 'slurm' ? ` on Slurm${run.jobId ? ` (job ${run.jobId})` : ''}` : '';
  return `${run.phase} ${elapsed}${where}${run.sweepId ? ` · ${run.sweepId}` : ''}`;
}

/** Whole seconds, then minutes and seconds, then hours and minutes: `7s`, `1m 05s`, `2h 03m`. */
export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export function activeTreeItem(node: ActiveNode): vscode.TreeItem {
  const { run } = node;
  const item = new vscode.TreeItem(run.label, vscode.TreeItemCollapsibleState.None);
  item.id = `active:${node.project.folder.uri}#${run.id}`;
  item.description = activeDescription(run);
  item.iconPath = new vscode.ThemeIcon(run.phase === 'running' ? 'sync~spin' : 'clock');
  item.contextValue = run.executor === 'slurm' ? `active-slurm-${run.phase}` : `active-${run.phase}`;
  item.tooltip = `${run.label}: ${run.phase} since ${run.since.toISOString().replace('T', ' ').slice(0, 19)} UTC, run ${run.id}${run.sweepId ? ` of ${run.sweepId}` : ''}${run.logFile ? `\nlog: ${run.logFile}` : ''}`;
  item.accessibilityInformation = { label: `${run.label}, ${item.description}` };
  return item;
}

function plainMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
