// The Runs view: the runs not yet in the history (queued or running, from ActiveRuns, with their elapsed time), then
// the run history newest first, or grouped by candidate with each candidate's statistics (n, mean ± 95% interval of
// the primary metric, the verdict against the baseline). It reads only the registry's snapshots (whose facts hold
// the history) and ActiveRuns, and recomputes a project's rows only when its history changed. While something runs,
// the active rows re-render each second; else the view re-renders once a minute so that "5 min ago" stays true.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { COMMANDS, CONTEXT_KEYS, VIEWS, focusCommand } from '../commandIds';
import type { CandidateStats } from '../../core/runs/candidateStats';
import { compareWithBaseline, isLater, latestBaselineRun } from '../../core/runs/compare';
import type { RunRecord } from '../../core/runs/runRecord';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { runsOf } from '../project/commandArgs';
import type { ActiveRuns } from './activeRuns';
import { activeTreeItem, candidateTreeItem, runTreeItem, type ActiveNode, type RunNode } from './runItems';
import { outcomeText } from './runText';
import { referenceOf } from '../../core/runs/statsWords';
import { summariesOf } from './statsText';

export type { ActiveNode, RunNode };

/** Rows per list before a "… older runs" row (the dashboard shows them all). */
export const MAX_ROWS = 300;

interface ProjectNode {
  kind: 'project';
  project: ProjectSnapshot;
}
export interface CandidateNode {
  kind: 'candidate';
  project: ProjectSnapshot;
  candidate: string;
  rows: RunNode[];
  stats?: CandidateStats;
  reference?: string;
}
interface MoreNode {
  kind: 'more';
  project: ProjectSnapshot;
  hidden: number;
}
export type RunsViewNode = RunNode | ActiveNode | ProjectNode | CandidateNode | MoreNode;

export function isRunNode(v: unknown): v is RunNode {
  return typeof v === 'object' && v !== null && (v as RunNode).kind === 'run' && typeof (v as RunNode).run?.id === 'string';
}

export function isActiveNode(v: unknown): v is ActiveNode {
  return typeof v === 'object' && v !== null && (v as ActiveNode).kind === 'active' && typeof (v as ActiveNode).run?.id === 'string';
}

interface Rows {
  runs: readonly RunRecord[];
  /** what of the plan the rows depend on */
  planKey: string;
  rows: RunNode[];
  stats: CandidateStats[];
}

function planKeyOf(project: ProjectSnapshot): string {
  const plan = project.result.parsed.plan;
  return JSON.stringify([plan.candidates, plan.goal?.success_criteria, plan.decision?.chosen, plan.project?.name, plan.evaluation?.command]);
}

export class RunsView extends DisposableOwner implements vscode.TreeDataProvider<RunsViewNode> {
  private readonly emitter = this.own(new vscode.EventEmitter<RunsViewNode | undefined | void>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly cache = new Map<string, Rows>();
  /** the active rows shown, by run id: the same objects each second, so that only they re-render */
  private readonly activeNodes = new Map<string, ActiveNode>();
  private grouped: boolean;
  readonly view: vscode.TreeView<RunsViewNode>;
  private clock?: ReturnType<typeof setInterval>;
  private clockMs = 0;

  constructor(
    private readonly registry: ProjectRegistry,
    private readonly state: vscode.Memento,
    private readonly active: ActiveRuns,
  ) {
    super();
    this.grouped = state.get<boolean>(CONTEXT_KEYS.runsGrouped, false);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.runsGrouped, this.grouped);
    this.own(registry.onDidChange((p) => this.onProjectChange(p)));
    this.own(active.onDidChange(() => this.onActiveChange()));
    this.view = this.own(vscode.window.createTreeView<RunsViewNode>(VIEWS.runs, { treeDataProvider: this, showCollapseAll: false }));
    this.own(this.view.onDidChangeVisibility(() => this.tick()));
    this.tick();
    this.updateDescription();
  }

  /** Each second while runs are active and the view is visible, else once a minute while it is visible. */
  private tick(): void {
    const ms = !this.view.visible ? 0 : this.active.list().length > 0 ? 1000 : 60_000;
    if (ms === this.clockMs) return;
    if (this.clock) clearInterval(this.clock);
    this.clockMs = ms;
    this.clock = ms === 0 ? undefined : setInterval(() => this.onTick(), ms);
  }

  private onTick(): void {
    if (this.clockMs === 1000) for (const node of this.activeNodes.values()) this.emitter.fire(node);
    else this.emitter.fire();
  }

  private onActiveChange(): void {
    const list = this.active.list();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.runsActive, list.length > 0);
    this.tick();
    this.emitter.fire();
  }

  async setGrouped(grouped: boolean): Promise<void> {
    this.grouped = grouped;
    await this.state.update(CONTEXT_KEYS.runsGrouped, grouped);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.runsGrouped, grouped);
    this.emitter.fire();
    // From the palette with the Runs pane collapsed or hidden, the change would go unseen: show the pane.
    if (!this.view.visible) await vscode.commands.executeCommand(focusCommand(VIEWS.runs));
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

  private entry(project: ProjectSnapshot): Rows {
    const key = project.folder.uri.toString();
    const runs = runsOf(project);
    const planKey = planKeyOf(project);
    const cached = this.cache.get(key);
    if (cached && cached.runs === runs && cached.planKey === planKey) return cached;
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
    const entry = { runs, planKey, rows, stats: summariesOf(runs, plan) };
    this.cache.set(key, entry);
    return entry;
  }

  /** Every run of a project, newest first, each compared with the latest baseline run (computed once). */
  rowsOf(project: ProjectSnapshot): RunNode[] {
    return this.entry(project).rows;
  }

  /** The newest run of a project (for tests and the view's description). */
  latest(project: ProjectSnapshot): RunNode | undefined {
    return this.rowsOf(project)[0];
  }

  private updateDescription(): void {
    const projects = this.registry.projects();
    const newest = projects.map((p) => this.latest(p)).filter((r): r is RunNode => !!r)
      .sort((a, b) => (isLater(a.run, b.run) ? -1 : 1))[0];
    this.view.description = newest ? `latest: ${newest.run.candidate} ${outcomeText(newest.comparison)}` : undefined;
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

  /** The project's runs not yet in the history, as rows (kept by id, so that the clock re-renders only them). */
  activeRows(project: ProjectSnapshot): ActiveNode[] {
    const folder = project.folder.uri.toString();
    const list = this.active.list(folder);
    const ids = new Set(list.map((r) => r.id));
    for (const [id, n] of this.activeNodes) if (n.project.folder.uri.toString() === folder && !ids.has(id)) this.activeNodes.delete(id);
    return list.map((run) => {
      let n = this.activeNodes.get(run.id);
      if (!n || n.run !== run) this.activeNodes.set(run.id, (n = { kind: 'active', project, run }));
      return n;
    });
  }

  private projectChildren(project: ProjectSnapshot): RunsViewNode[] {
    const active = this.activeRows(project);
    const { rows, stats } = this.entry(project);
    if (!this.grouped) return [...active, ...this.limit(project, rows)];
    const byCandidate = new Map<string, RunNode[]>();
    for (const c of project.result.parsed.plan.candidates ?? []) if (typeof c?.id === 'string') byCandidate.set(c.id, []);
    for (const r of rows) {
      let list = byCandidate.get(r.run.candidate);
      if (!list) byCandidate.set(r.run.candidate, (list = []));
      list.push(r);
    }
    const statsBy = new Map(stats.map((s) => [s.candidate, s]));
    const reference = referenceOf(stats);
    const groups = [...byCandidate].filter(([, list]) => list.length > 0)
      .map(([candidate, list]): CandidateNode => ({ kind: 'candidate', project, candidate, rows: list, stats: statsBy.get(candidate), reference }));
    return [...active, ...groups];
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
        const active = this.active.list(node.project.folder.uri.toString()).length;
        item.description = `${runsOf(node.project).length} runs${active ? ` · ${active} active` : ''}`;
        item.iconPath = new vscode.ThemeIcon('project');
        item.contextValue = 'runsProject';
        return item;
      }
      case 'candidate':
        return candidateTreeItem(node.project, node.candidate, node.rows.length, node.stats, node.reference);
      case 'more': {
        const item = new vscode.TreeItem(`… ${node.hidden.toLocaleString('en')} older runs`, vscode.TreeItemCollapsibleState.None);
        item.description = 'open the dashboard to see them all';
        item.iconPath = new vscode.ThemeIcon('graph');
        item.command = { command: COMMANDS.openDashboard, title: 'Open Dashboard', arguments: [{ folder: node.project.folder.uri.toString() }] };
        return item;
      }
      case 'active':
        return activeTreeItem(node);
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
