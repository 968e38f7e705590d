// The runs dashboard: one webview panel per project. Strict CSP with a nonce, scripts and styles only from dist/ and
// media/, no remote content (the charting library, uPlot, is bundled by esbuild into dist/dashboard.js and
// dist/dashboard.css). The data is computed by core/runs/dashboardData.ts (downsampled, so 10,000 runs stay
// responsive) and posted when the webview says it is ready and whenever the project's history or plan changes
// (debounced; a hidden panel is updated when it is shown again). The panel keeps no state of its own.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { dashboardData } from '../../core/runs/dashboardData';
import type { FromWebview, ToWebview } from './dashboardProtocol';
import { isFromWebview } from './dashboardProtocol';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { runsOf } from '../project/commandArgs';

export const DASHBOARD_VIEW_TYPE = 'mlproject.dashboard';
/**
 * An internal command (not contributed, so not in the palette) for the editor tests: the last message posted to a
 * project's dashboard, `{ folder }` as the argument; undefined when none was posted.
 */
export const DASHBOARD_LAST_MESSAGE_COMMAND = 'mlproject.internal.dashboardLastMessage';

export function dashboardHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'dashboard.js'));
  // uPlot's CSS (bundled by esbuild from the import in media/dashboard/charts.ts), then the dashboard's own
  const chartStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'dashboard.css'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dashboard', 'dashboard.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${chartStyle}" nonce="${nonce}">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<title>${esc(title)}</title>
</head>
<body>
<main id="app"><p class="empty">Loading runs…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

class DashboardPanel extends DisposableOwner {
  private ready = false;
  private stale = true;
  private timer?: ReturnType<typeof setTimeout>;
  private lastRuns: unknown;
  private lastPlanKey = '';
  /** the last message posted to the webview */
  lastMessage?: ToWebview;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly folderKey: string,
    private readonly registry: ProjectRegistry,
    private readonly onOpenRun: (project: ProjectSnapshot, id: string) => void,
  ) {
    super();
    this.own(panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    this.own(panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) this.schedule(0);
    }));
    this.own(registry.onDidChange((p) => {
      if (!p || p.folder.uri.toString() === this.folderKey) this.changed(p);
    }));
  }

  private project(): ProjectSnapshot | undefined {
    return this.registry.projects().find((p) => p.folder.uri.toString() === this.folderKey);
  }

  private onMessage(m: unknown): void {
    if (!isFromWebview(m)) return; // untrusted input
    const msg: FromWebview = m;
    if (msg.type === 'ready') {
      this.ready = true;
      this.stale = true;
      this.schedule(0);
    } else if (msg.type === 'openRun') {
      const project = this.project();
      if (project) this.onOpenRun(project, msg.id);
    }
  }

  private changed(p: ProjectSnapshot | undefined): void {
    const project = p ?? this.project();
    if (!project) return;
    const plan = project.result.parsed.plan;
    const planKey = JSON.stringify([plan.candidates, plan.goal?.success_criteria, plan.decision?.chosen, plan.project?.name, plan.evaluation?.metrics_file]);
    if (runsOf(project) === this.lastRuns && planKey === this.lastPlanKey) return; // a keystroke that changes nothing here
    this.stale = true;
    if (this.panel.visible) this.schedule(300);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.post(), ms);
  }

  private post(): void {
    this.timer = undefined;
    if (!this.ready || !this.panel.visible) return;
    const project = this.project();
    if (!project) return;
    const plan = project.result.parsed.plan;
    const runs = runsOf(project);
    this.lastRuns = runs;
    this.lastPlanKey = JSON.stringify([plan.candidates, plan.goal?.success_criteria, plan.decision?.chosen, plan.project?.name, plan.evaluation?.metrics_file]);
    const message: ToWebview = { type: 'data', payload: dashboardData(runs, plan) };
    this.stale = false;
    this.lastMessage = message;
    void this.panel.webview.postMessage(message);
    this.panel.title = `Runs: ${plan.project?.name ?? project.folder.name}`;
  }

  protected override onDispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

export class Dashboards extends DisposableOwner {
  private readonly panels = new Map<string, DashboardPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly registry: ProjectRegistry,
    private readonly onOpenRun: (project: ProjectSnapshot, id: string) => void,
  ) {
    super();
    this.own(vscode.commands.registerCommand(DASHBOARD_LAST_MESSAGE_COMMAND, (arg?: { folder?: unknown }) => {
      return typeof arg?.folder === 'string' ? this.panels.get(arg.folder)?.lastMessage : undefined;
    }));
  }

  /** Opens (or reveals) the dashboard of a project. */
  open(project: ProjectSnapshot): vscode.WebviewPanel {
    const key = project.folder.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing.panel;
    }
    const title = `Runs: ${project.result.parsed.plan.project?.name ?? project.folder.name}`;
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.webview.html = dashboardHtml(panel.webview, this.extensionUri, title);
    const controller = new DashboardPanel(panel, key, this.registry, this.onOpenRun);
    this.panels.set(key, controller);
    panel.onDidDispose(() => {
      controller.dispose();
      this.panels.delete(key);
    });
    return panel;
  }

  protected override onDispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    this.panels.clear();
  }
}
