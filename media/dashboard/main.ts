// The runs dashboard (runs in the webview; bundled by esbuild to dist/dashboard.js, uPlot's CSS to
// dist/dashboard.css). It draws what the extension sends (already downsampled by core/runs/dashboardData.ts): for
// each metric a uPlot chart of the runs over time per candidate, with the success criterion's target line and the
// latest baseline value (charts.ts); and a table of the best run per candidate (table.ts). Every text from the
// workspace goes in through textContent, never as HTML. Colours come from the theme's CSS variables (theme.ts;
// charts are redrawn when the theme changes) and charts follow the panel's width. It keeps no state across
// reloads: when the panel is shown again it asks the extension for the data.
import type uPlot from 'uplot';
import type { DashboardData, FromWebview, ToWebview } from '../../src/extension/runs/dashboardProtocol';
import type { MetricChart } from '../../src/core/runs/dashboardData';
import { CHART_HEIGHT, chartCard, drawChart } from './charts';
import { el } from './dom';
import { bestTable } from './table';
import { onThemeChange, readTheme, type Theme } from './theme';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const openRun = (id: string): void => vscode.postMessage({ type: 'openRun', id });

/** the charts on screen (rebuilt with each message; only so they can be resized, redrawn and destroyed) */
interface Live {
  host: HTMLElement;
  chart: MetricChart;
  plot: uPlot;
}
let live: Live[] = [];
let theme: Theme = readTheme();

const resizer = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const l = live.find((x) => x.host === entry.target);
    const width = Math.floor(entry.contentRect.width);
    if (l && width > 0 && Math.abs(width - l.plot.width) >= 1) l.plot.setSize({ width, height: CHART_HEIGHT });
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
  header.append(el('p', 'summary', `${data.runCount.toLocaleString('en')} runs, ${data.okCount.toLocaleString('en')} successful. Only successful runs are plotted; drag across a chart to zoom in, double-click to zoom out, click a point to open its run.`));
  const charts = el('div', 'charts');
  const pending: { host: HTMLElement; chart: MetricChart }[] = [];
  for (const c of data.charts) {
    const { card, host } = chartCard(c);
    charts.append(card);
    if (host) pending.push({ host, chart: c });
  }
  const parts: Node[] = [header];
  if (data.runCount === 0) parts.push(el('p', 'empty', 'No evaluation runs recorded yet. Run "ML Project: Run Evaluation" or `mlproject eval`.'));
  parts.push(charts);
  if (data.omittedMetrics.length > 0) parts.push(el('p', 'note', `Not charted: ${data.omittedMetrics.join(', ')}.`));
  parts.push(bestTable(data, openRun));
  app.replaceChildren(...parts);
  // uPlot measures its host, so the charts are drawn once the cards are in the document
  for (const { host, chart } of pending) {
    live.push({ host, chart, plot: drawChart(host, chart, theme, openRun) });
    resizer.observe(host);
  }
}

onThemeChange((next) => {
  theme = next;
  for (const l of live) {
    l.plot.destroy();
    l.plot = drawChart(l.host, l.chart, theme, openRun);
  }
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg && msg.type === 'data') render(msg.payload);
});

vscode.postMessage({ type: 'ready' });
