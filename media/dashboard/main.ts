// The runs dashboard (runs in the webview; bundled by esbuild to dist/dashboard.js, uPlot's CSS to
// dist/dashboard.css). It draws what the extension sends (computed and downsampled by core/runs/dashboardData.ts):
// first, for each metric, the comparison of the candidates, best first, with means, 95% intervals, runs, the
// baseline's band and the verdicts (comparison.ts); then for each metric a uPlot chart of the runs by run order per
// candidate, with the target and the latest baseline value (charts.ts); each chart with its text table
// (srTable.ts); and a table of the best run per candidate (table.ts). Every text from the
// workspace goes in through textContent, never as HTML. Colours come from the theme's CSS variables (theme.ts;
// charts are redrawn when the theme changes) and charts follow the panel's width. It keeps no state across
// reloads: when the panel is shown again it asks the extension for the data.
import type uPlot from 'uplot';
import type { DashboardData, FromWebview, ToWebview } from '../../src/extension/runs/dashboardProtocol';
import { CHART_HEIGHT, chartCard, drawChart } from './charts';
import { COMPARISON_HEIGHT, comparisonCard, drawComparison } from './comparison';
import { el } from './dom';
import { bestTable } from './table';
import { onThemeChange, readTheme, type Theme } from './theme';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const openRun = (id: string): void => vscode.postMessage({ type: 'openRun', id });

/** the charts on screen (rebuilt with each message; only so they can be resized, redrawn and destroyed) */
interface Live {
  host: HTMLElement;
  height: number;
  draw: (host: HTMLElement, theme: Theme) => uPlot;
  plot: uPlot;
}
let live: Live[] = [];
let theme: Theme = readTheme();

const resizer = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const l = live.find((x) => x.host === entry.target);
    const width = Math.floor(entry.contentRect.width);
    if (l && width > 0 && Math.abs(width - l.plot.width) >= 1) l.plot.setSize({ width, height: l.height });
  }
});

function clearCharts(): void {
  for (const l of live) {
    resizer.unobserve(l.host);
    l.plot.destroy();
  }
  live = [];
}

function render(data: DashboardData): void {
  clearCharts();
  const app = document.getElementById('app')!;
  const header = el('header');
  header.append(el('h1', undefined, `Evaluation runs${data.project ? `: ${data.project}` : ''}`));
  header.append(el('p', 'summary', `${data.runCount.toLocaleString('en')} runs, ${data.okCount.toLocaleString('en')} successful. Only successful runs are plotted.`));
  const pending: Omit<Live, 'plot'>[] = [];
  const compare = el('div', 'charts');
  data.comparisons.forEach((cmp, i) => {
    const { card, host } = comparisonCard(cmp, data.charts[i]?.why);
    compare.append(card);
    if (host) pending.push({ host, height: COMPARISON_HEIGHT, draw: (h, t) => drawComparison(h, cmp, t) });
  });
  const charts = el('div', 'charts');
  for (const c of data.charts) {
    const { card, host } = chartCard(c);
    charts.append(card);
    if (host) pending.push({ host, height: CHART_HEIGHT, draw: (h, t) => drawChart(h, c, t, openRun) });
  }
  const parts: Node[] = [header];
  if (data.runCount === 0) parts.push(el('p', 'empty', 'No evaluation runs recorded yet. Run "ML Project: Run Evaluation" or `mlproject eval`.'));
  else {
    parts.push(el('h2', undefined, 'Which candidate is best?'));
    parts.push(el('p', 'summary', "Per metric, over each candidate's counted runs: its latest sweep (or its latest run), with the plan's current command and params. A verdict says better or worse only when the 95% interval of the difference from the baseline excludes 0; otherwise within noise."));
    parts.push(compare);
    parts.push(el('h2', undefined, 'Over time, by run order'));
    parts.push(el('p', 'summary', 'Every successful run, numbered in the order it started. Drag across a chart to zoom in, double-click to zoom out, click a point to open its run.'));
  }
  parts.push(charts);
  if (data.omittedMetrics.length > 0) parts.push(el('p', 'note', `Not charted: ${data.omittedMetrics.join(', ')}.`));
  parts.push(bestTable(data, openRun));
  app.replaceChildren(...parts);
  // uPlot measures its host, so the charts are drawn once the cards are in the document
  for (const p of pending) {
    live.push({ ...p, plot: p.draw(p.host, theme) });
    resizer.observe(p.host);
  }
}

onThemeChange((next) => {
  theme = next;
  for (const l of live) {
    l.plot.destroy();
    l.plot = l.draw(l.host, theme);
  }
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg && msg.type === 'data') render(msg.payload);
});

vscode.postMessage({ type: 'ready' });
