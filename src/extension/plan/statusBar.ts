// The status bar item: the current phase with its progress and the open pitfall count; a click shows the Phases view.
// With several plans it follows the active editor's folder (else the first plan).
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { COMMANDS } from '../commandIds';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { isPitfall } from '../../core/pitfallsByStep';
import { checkCriteria } from '../../core/runs/compare';

export class PlanStatusBar extends DisposableOwner {
  private readonly item = this.own(vscode.window.createStatusBarItem('mlproject.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly registry: ProjectRegistry) {
    super();
    this.item.name = 'ML Project';
    this.item.command = COMMANDS.showStatus;
    this.own(registry.onDidChange(() => this.update()));
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
    this.item.text = `$(checklist) ${where}${pitfalls ? ` $(warning) ${pitfalls}` : ''}${run ? ` $(beaker) ${run.short}` : ''}`;
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown(`**ML Project** · ${project.folder.name.replace(/[\\`*_[\]]/g, '\\$&')}\n\n`);
    md.appendMarkdown(phase ? `Current phase: ${phase.title}, ${phase.closed} of ${phase.total} steps closed\n\n` : 'Every phase is complete\n\n');
    md.appendMarkdown(`${state.closed} of ${state.total} steps closed overall · ${pitfalls} open pitfall${pitfalls === 1 ? '' : 's'}\n\n`);
    if (run) md.appendMarkdown(`Latest run: ${run.long}\n\n`);
    md.appendMarkdown('Click to show the phases.');
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: `ML Project: ${where}, ${pitfalls} open pitfalls` };
    this.item.show();
  }

  /** The latest run's verdict against the success criteria: `cnn ✓` / `cnn ✗ 1/2` / `cnn failed`. */
  private latestRunVerdict(project: ProjectSnapshot): { short: string; long: string } | undefined {
    const runs = project.result.facts.runs;
    const latest = runs[runs.length - 1];
    if (!latest) return undefined;
    if (latest.status !== 'ok') return { short: `${latest.candidate} ${latest.status}`, long: `${latest.candidate}, ${latest.status}` };
    const criteria = checkCriteria(latest.metrics, project.result.parsed.plan);
    const met = criteria.filter((c) => c.status === 'pass').length;
    const mark = criteria.length === 0 ? '' : met === criteria.length ? ' ✓' : ` ✗ ${met}/${criteria.length}`;
    return { short: `${latest.candidate}${mark}`, long: `${latest.candidate}, ${met} of ${criteria.length} success criteria met` };
  }
}
