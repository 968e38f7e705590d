// The status bar item: the current phase with its progress and the open pitfall count, the latest run's verdict
// (targets, and in words how its candidate compares with the baseline) and `sweep 3/12` while a sweep runs; a click
// shows the Phases view. With several plans it follows the active editor's folder (else the first plan).
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { COMMANDS } from '../commandIds';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { isPitfall } from '../../core/pitfallsByStep';
import { checkCriteria } from '../../core/runs/compare';
import type { ActiveRuns } from '../runs/activeRuns';
import { STATUS_TEXT } from '../runs/runText';
import { latestVerdictWords } from '../runs/statsText';
import { sweepProgressText } from '../runs/sweepText';
import { escapeMarkdown } from '../common/markdown';

export class PlanStatusBar extends DisposableOwner {
  private readonly item = this.own(vscode.window.createStatusBarItem('mlproject.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly registry: ProjectRegistry, private readonly activeRuns?: ActiveRuns) {
    super();
    this.item.name = 'ML Project';
    this.item.command = COMMANDS.showStatus;
    this.own(registry.onDidChange(() => this.update()));
    if (activeRuns) this.own(activeRuns.onDidChange(() => this.update()));
    this.own(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  private project(): ProjectSnapshot | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && this.registry.projectFor(active)) || this.registry.projects()[0];
  }

  private update(): void {
    const project = this.project();
    if (!project) {
      this.item.hide();
      return;
    }
    const state = project.result.state;
    const pitfalls = project.result.diagnostics.filter(isPitfall).length;
    const phase = state.phases.find((p) => p.id === state.currentPhase);
    const where = phase ? `${phase.title} ${phase.closed}/${phase.total}` : 'All phases done';
    const run = this.latestRunVerdict(project);
    const sweeps = this.activeRuns?.sweepsUnderWay() ?? [];
    const sweep = sweeps.length > 0 ? sweepProgressText(sweeps.reduce((n, s) => n + s.finished, 0), sweeps.reduce((n, s) => n + s.total, 0)) : undefined;
    this.item.text = `$(checklist) ${where}${pitfalls ? ` $(warning) ${pitfalls}` : ''}${run ? ` $(beaker) ${run.short}` : ''}${sweep ? ` $(sync~spin) ${sweep}` : ''}`;
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown(`**ML Project** · ${escapeMarkdown(project.folder.name)}\n\n`);
    md.appendMarkdown(phase ? `Current phase: ${phase.title}, ${phase.closed} of ${phase.total} steps closed\n\n` : 'Every phase is complete\n\n');
    md.appendMarkdown(`${state.closed} of ${state.total} steps closed overall · ${pitfalls} open pitfall${pitfalls === 1 ? '' : 's'}\n\n`);
    if (run) md.appendMarkdown(`Latest run: ${escapeMarkdown(run.long)}\n\n`);
    if (sweep) md.appendMarkdown(`Evaluating: ${sweep} runs finished\n\n`);
    md.appendMarkdown('Click to show the phases.');
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: `ML Project: ${where}, ${pitfalls} open pitfalls${run ? `, latest run ${run.long}` : ''}${sweep ? `, ${sweep}` : ''}` };
    this.item.show();
  }

  /**
   * The latest run's verdict against the success criteria: `cnn ✓` / `cnn ✗ 1/2` / `cnn metrics missing`, then how
   * its candidate compares with the baseline in words: `cnn ✓ better` / `knn ✗ 1/2 within noise`.
   */
  private latestRunVerdict(project: ProjectSnapshot): { short: string; long: string } | undefined {
    const runs = project.result.facts.runs;
    const latest = runs[runs.length - 1];
    if (!latest) return undefined;
    if (latest.status !== 'ok') return { short: `${latest.candidate} ${STATUS_TEXT[latest.status]}`, long: `${latest.candidate}, ${STATUS_TEXT[latest.status]}` };
    const plan = project.result.parsed.plan;
    const criteria = checkCriteria(latest.metrics, plan);
    const met = criteria.filter((c) => c.status === 'pass').length;
    const mark = criteria.length === 0 ? '' : met === criteria.length ? ' ✓' : ` ✗ ${met}/${criteria.length}`;
    const words = latestVerdictWords(runs, plan, latest.candidate);
    return {
      short: `${latest.candidate}${mark}${words ? ` ${words.verdict}` : ''}`,
      long: `${latest.candidate}, ${met} of ${criteria.length} success criteria met${words ? `; ${words.sentence}` : ''}`,
    };
  }
}
