// The Runs view: the run history newest first, or grouped by candidate. Each row shows the candidate and the note,
// how long ago, a status icon, the key metrics with Δ against the latest baseline run and ✓/✗ per success
// criterion; its tooltip has the command, the git commit and every metric. It reads only the registry's snapshots
// (whose facts hold the history) and recomputes a project's rows only when its history changed.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { COMMANDS, CONTEXT_KEYS, VIEWS } from '../commandIds';
import { compareWithBaseline, isLater, latestBaselineRun, type RunComparison } from '../../core/runs/compare';
import type { RunRecord, RunStatus } from '../../core/runs/runRecord';
import { formatDuration } from '../../core/runs/timeout';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { runsOf } from '../project/commandArgs';
import { criterionMark, formatDelta, formatNumber, metricsSummary, relativeTime, STATUS_TEXT, verdict } from './runText';

/** Rows per list before a "… older runs" row (the dashboard shows them all). */
export const MAX_ROWS = 300;

export interface RunNode {
  kind: 'run';
  project: ProjectSnapshot;
  run: RunRecord;
  comparison: RunComparison;
}
interface ProjectNode {
  kind: 'project';
  project: ProjectSnapshot;
}
interface CandidateNode {
  kind: 'candidate';
  project: ProjectSnapshot;
  candidate: string;
  rows: RunNode[];
}
interface MoreNode {
  kind: 'more';
  project: ProjectSnapshot;
  hidden: number;
}
export type RunsViewNode = RunNode | ProjectNode | CandidateNode | MoreNode;

export function isRunNode(v: unknown): v is RunNode {
  return typeof v === 'object' && v !== null && (v as RunNode).kind === 'run' && typeof (v as RunNode).run?.id === 'string';
}

const STATUS_ICON: Record<RunStatus, [string, string]> = {
  ok: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  cancelled: ['circle-slash', 'disabledForeground'],
  timeout: ['watch', 'testing.iconErrored'],
  'metrics-error': ['warning', 'list.warningForeground'],
};

interface Rows {
  runs: readonly RunRecord[];
  /** what of the plan the rows depend on */
  planKey: string;
  rows: RunNode[];
}

function planKeyOf(project: ProjectSnapshot): string {
  const plan = project.result.parsed.plan;
  return JSON.stringify([plan.candidates, plan.goal?.success_criteria, plan.decision?.chosen, plan.project?.name]);
}

export class RunsView extends DisposableOwner implements vscode.TreeDataProvider<RunsViewNode> {
  private readonly emitter = this.own(new vscode.EventEmitter<RunsViewNode | undefined | void>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly cache = new Map<string, Rows>();
  private grouped: boolean;
  readonly view: vscode.TreeView<RunsViewNode>;
  private clock?: ReturnType<typeof setInterval>;

  constructor(
    private readonly registry: ProjectRegistry,
    private readonly state: vscode.Memento,
  ) {
    super();
    this.grouped = state.get<boolean>(CONTEXT_KEYS.runsGrouped, false);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.runsGrouped, this.grouped);
    this.own(registry.onDidChange((p) => this.onProjectChange(p)));
    this.view = this.own(vscode.window.createTreeView<RunsViewNode>(VIEWS.runs, { treeDataProvider: this, showCollapseAll: false }));
    this.own(this.view.onDidChangeVisibility((e) => this.tick(e.visible)));
    this.tick(this.view.visible);
    this.updateDescription();
  }

  /** While visible, re-render once a minute so that "5 min ago" stays true. */
  private tick(visible: boolean): void {
    if (this.clock) clearInterval(this.clock);
    this.clock = visible ? setInterval(() => this.emitter.fire(), 60_000) : undefined;
  }

  async setGrouped(grouped: boolean): Promise<void> {
    this.grouped = grouped;
    await this.state.update(CONTEXT_KEYS.runsGrouped, grouped);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.runsGrouped, grouped);
    this.emitter.fire();
  }

  private onProjectChange(p: ProjectSnapshot | undefined): void {
    if (p) {
      const key = p.folder.uri.toString();
      const cached = this.cache.get(key);
      if (cached && cached.runs === runsOf(p) && cached.planKey === planKeyOf(p)) return; // e.g. a keystroke elsewhere
      this.cache.delete(key);
    } else this.cache.clear();
    this.emitter.fire();
    this.updateDescription();
  }

  /** Every run of a project, newest first, each compared with the latest baseline run (computed once). */
  rowsOf(project: ProjectSnapshot): RunNode[] {
    const key = project.folder.uri.toString();
    const runs = runsOf(project);
    const planKey = planKeyOf(project);
    const cached = this.cache.get(key);
    if (cached && cached.runs === runs && cached.planKey === planKey) return cached.rows;
    const plan = project.result.parsed.plan;
    const latest = latestBaselineRun(runs, plan);
    const beforeLatest = latest ? latestBaselineRun(runs, plan, latest) : undefined;
    const sorted = [...runs].sort((a, b) => (isLater(a, b) ? -1 : isLater(b, a) ? 1 : 0));
    const rows = sorted.map((run): RunNode => ({
      kind: 'run',
      project,
      run,
      comparison: compareWithBaseline(run, latest && run.id === latest.id ? beforeLatest : latest, plan),
    }));
    this.cache.set(key, { runs, planKey, rows });
    return rows;
  }

  /** The newest run of a project (for tests and the view's description). */
  latest(project: ProjectSnapshot): RunNode | undefined {
    return this.rowsOf(project)[0];
  }

  private updateDescription(): void {
    const projects = this.registry.projects();
    const newest = projects.map((p) => this.latest(p)).filter((r): r is RunNode => !!r)
      .sort((a, b) => (isLater(a.run, b.run) ? -1 : 1))[0];
    this.view.description = newest ? `latest: ${newest.run.candidate} ${verdict(newest.comparison)}` : undefined;
  }

  getChildren(node?: RunsViewNode): RunsViewNode[] {
    const projects = this.registry.projects();
    if (!node) {
      if (projects.length > 1) return projects.map((project) => ({ kind: 'project', project }));
      return projects.length === 1 ? this.projectChildren(projects[0]) : [];
    }
    if (node.kind === 'project') return this.projectChildren(node.project);
    if (node.kind === 'candidate') return this.limit(node.project, node.rows);
    return [];
  }

  private projectChildren(project: ProjectSnapshot): RunsViewNode[] {
    const rows = this.rowsOf(project);
    if (!this.grouped) return this.limit(project, rows);
    const byCandidate = new Map<string, RunNode[]>();
    for (const c of project.result.parsed.plan.candidates ?? []) if (typeof c?.id === 'string') byCandidate.set(c.id, []);
    for (const r of rows) {
      let list = byCandidate.get(r.run.candidate);
      if (!list) byCandidate.set(r.run.candidate, (list = []));
      list.push(r);
    }
    return [...byCandidate].filter(([, list]) => list.length > 0).map(([candidate, list]) => ({ kind: 'candidate', project, candidate, rows: list }));
  }

  private limit(project: ProjectSnapshot, rows: RunNode[]): RunsViewNode[] {
    if (rows.length <= MAX_ROWS) return rows;
    return [...rows.slice(0, MAX_ROWS), { kind: 'more', project, hidden: rows.length - MAX_ROWS }];
  }

  getTreeItem(node: RunsViewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project': {
        const item = new vscode.TreeItem(node.project.result.parsed.plan.project?.name ?? node.project.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `project:${node.project.folder.uri}`;
        item.description = `${runsOf(node.project).length} runs`;
        item.iconPath = new vscode.ThemeIcon('project');
        item.contextValue = 'runsProject';
        return item;
      }
      case 'candidate': {
        const plan = node.project.result.parsed.plan;
        const c = plan.candidates?.find((x) => x?.id === node.candidate);
        const item = new vscode.TreeItem(node.candidate, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `candidate:${node.project.folder.uri}#${node.candidate}`;
        const tags = [c?.baseline ? 'baseline' : undefined, plan.decision?.chosen === node.candidate ? 'chosen' : undefined].filter(Boolean);
        item.description = `${tags.length ? `${tags.join(', ')} · ` : ''}${node.rows.length} run${node.rows.length === 1 ? '' : 's'} · latest ${verdict(node.rows[0].comparison)}`;
        item.tooltip = c?.name ?? (c ? undefined : `${node.candidate} is not a candidate in .mlproject.yaml`);
        item.iconPath = new vscode.ThemeIcon(c?.baseline ? 'milestone' : plan.decision?.chosen === node.candidate ? 'star-full' : 'symbol-class');
        item.contextValue = 'runsCandidate';
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`… ${node.hidden.toLocaleString('en')} older runs`, vscode.TreeItemCollapsibleState.None);
        item.description = 'open the dashboard to see them all';
        item.iconPath = new vscode.ThemeIcon('graph');
        item.command = { command: COMMANDS.openDashboard, title: 'Open Dashboard', arguments: [{ folder: node.project.folder.uri.toString() }] };
        return item;
      }
      case 'run':
        return runTreeItem(node);
    }
  }

  getParent(node: RunsViewNode): RunsViewNode | undefined {
    if (node.kind === 'project') return undefined;
    if (this.registry.projects().length > 1) return { kind: 'project', project: node.project };
    return undefined;
  }

  protected override onDispose(): void {
    if (this.clock) clearInterval(this.clock);
  }
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
  const [icon, colour] = STATUS_ICON[run.status];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
  item.contextValue = `run-${run.status}${cmp.targetsMet ? '-met' : ''}`;
  item.tooltip = runTooltip(node);
  item.accessibilityInformation = { label: `${label}, ${STATUS_TEXT[run.status]}, ${when}, ${summary}${run.note ? `, ${run.note}` : ''}` };
  return item;
}

function runTooltip(node: RunNode): vscode.MarkdownString {
  const { run, comparison: cmp } = node;
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(run.candidate);
  md.appendMarkdown('** · ');
  md.appendText(`${STATUS_TEXT[run.status]} · ${run.start.replace('T', ' ').slice(0, 19)} UTC · ${formatDuration(run.durationMs)}`);
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
    const target = c ? `${criterionMark(c)} ${c.direction === 'minimize' ? '≤' : '≥'} ${formatNumber(c.target)}` : '';
    return `| ${esc(m.metric)} | ${formatNumber(m.value)} | ${m.delta !== undefined ? formatDelta(m.delta) : ''} | ${target} |`;
  });
  for (const c of cmp.criteria) if (c.status === 'missing') rows.push(`| ${esc(c.metric)} | — | | ✗ missing |`);
  if (rows.length > 0) {
    md.appendMarkdown(`| metric | value | Δ vs ${cmp.baseline ? `baseline ${esc(cmp.baseline.candidate)}` : 'baseline (none yet)'} | target |\n|---|---:|---:|---|\n${rows.join('\n')}\n\n`);
  }
  md.appendMarkdown('Command:');
  md.appendCodeblock(run.command, 'shell');
  const git = run.git ? `git ${run.git.commit.slice(0, 10)}${run.git.dirty ? ' (uncommitted changes)' : ''}` : 'no git commit recorded';
  md.appendText(`${git} · exit code ${run.exitCode ?? 'none'} · from the ${run.source === 'cli' ? 'CLI' : 'editor'} · run ${run.id}`);
  return md;
}

function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
