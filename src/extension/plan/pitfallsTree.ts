// The Pitfalls view: the pitfall diagnostics of every plan by pitfall number (with a count badge on the view), then
// the process warnings in a collapsed group; welcome content (package.json) when there is nothing to show. Clicking
// an item opens its place in the plan.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { VIEWS } from '../commandIds';
import { ruleInfo } from '../../core/rules/ruleInfo';
import { byPitfallNumber } from '../../core/pitfallsByStep';
import type { Diagnostic } from '../../core/types';
import { diagnosticUri, toVsRange } from './vsDiagnostics';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { escapeMarkdown } from '../common/markdown';

type PitfallNode =
  | { kind: 'group'; label: string; items: PitfallNode[] }
  | { kind: 'diagnostic'; project: ProjectSnapshot; diagnostic: Diagnostic; showFolder: boolean };

const ICON = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' } as const;
const COLOR = { error: 'problemsErrorIcon.foreground', warning: 'problemsWarningIcon.foreground', info: 'problemsInfoIcon.foreground', hint: 'problemsInfoIcon.foreground' } as const;

export class PitfallsTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<PitfallNode> {
  private readonly emitter = this.own(new vscode.EventEmitter<PitfallNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<PitfallNode>;

  constructor(private readonly registry: ProjectRegistry) {
    super();
    this.view = this.own(vscode.window.createTreeView(VIEWS.pitfalls, { treeDataProvider: this, showCollapseAll: false }));
    this.own(registry.onDidChange(() => this.update()));
    this.update();
  }

  private nodes(category: 'pitfall' | 'process'): PitfallNode[] {
    const projects = this.registry.projects();
    const nodes = projects.flatMap((project) => project.result.diagnostics
      .filter((d) => ruleInfo(d.code)?.category === category && d.severity !== 'hint')
      .map((diagnostic): PitfallNode => ({ kind: 'diagnostic', project, diagnostic, showFolder: projects.length > 1 })));
    return byPitfallNumber(nodes, (n) => (n.kind === 'diagnostic' ? n.diagnostic.code : ''));
  }

  private update(): void {
    const count = this.nodes('pitfall').length;
    this.view.badge = count ? { value: count, tooltip: `${count} pitfall${count === 1 ? '' : 's'} to look at` } : undefined;
    // Only above the process warnings: an empty view shows its welcome content, which a message would hide.
    this.view.message = this.registry.projects().length && !count && this.nodes('process').length ? 'No pitfall found in the plan.' : undefined;
    this.emitter.fire(undefined);
  }

  getChildren(node?: PitfallNode): PitfallNode[] {
    if (node) return node.kind === 'group' ? node.items : [];
    const process = this.nodes('process');
    return [...this.nodes('pitfall'), ...(process.length ? [{ kind: 'group' as const, label: 'Process', items: process }] : [])];
  }

  getTreeItem(node: PitfallNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.items.length);
      item.tooltip = 'Process warnings: steps, order, baseline, runway and setup.';
      item.contextValue = 'pitfall-group';
      return item;
    }
    const d = node.diagnostic;
    const info = ruleInfo(d.code);
    const label = info?.pitfall ? `Pitfall ${info.pitfall}: ${info.title}` : info?.title ?? d.code;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = node.showFolder ? `${node.project.folder.name} · ${d.message}` : d.message;
    item.iconPath = new vscode.ThemeIcon(ICON[d.severity], new vscode.ThemeColor(COLOR[d.severity]));
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown(`**${escapeMarkdown(label)}** (\`${d.code}\`)\n\n${escapeMarkdown(d.message)}\n\n`);
    const why = d.why ?? info?.why;
    if (why) md.appendMarkdown(`*Why:* ${escapeMarkdown(why)}`);
    item.tooltip = md;
    item.contextValue = `diagnostic-${d.code}`;
    const uri = diagnosticUri(node.project.folder.uri, node.project.planUri, d.file);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: toVsRange(d.range) }] };
    return item;
  }
}
