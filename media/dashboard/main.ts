// The runs dashboard (runs in the webview; bundled by esbuild to dist/dashboard.js). It draws what the extension
// sends (already downsampled by core/runs/dashboardData.ts) as plain SVG: for each metric the runs over time per
// candidate, the success criterion's target line and the latest baseline value; and a table of the best run per
// candidate. Every text from the workspace goes in through textContent, never as HTML. Colours come from the
// theme's CSS variables (dashboard.css). It keeps no state: when the panel is shown again it asks for the data.
import type { DashboardData, FromWebview, ToWebview } from './protocol';
import type { ChartSeries, MetricChart } from '../../src/core/runs/dashboardData';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 260;
const M = { top: 16, right: 16, bottom: 28, left: 56 };
/** draw a dot per run up to this many points in a series; beyond, only the line */
const MAX_DOTS = 400;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, cls?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (cls) e.setAttribute('class', cls);
  return e;
}

function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function timeLabel(t: number, span: number): string {
  const iso = new Date(t).toISOString();
  if (span < 2 * 86_400_000) return iso.slice(11, 16);
  if (span < 400 * 86_400_000) return iso.slice(5, 10);
  return iso.slice(0, 7);
}

function colourClass(s: ChartSeries): string {
  return `s${s.colour % 8}`;
}

function chart(c: MetricChart, data: DashboardData): HTMLElement {
  const card = el('section', 'chart');
  const title = el('h2');
  title.append(el('span', 'metric', c.metric));
  if (c.target !== undefined) title.append(el('span', 'goal', ` target ${c.direction === 'minimize' ? '≤' : '≥'} ${fmt(c.target)}`));
  card.append(title);
  if (c.why) card.append(el('p', 'why', c.why));
  const total = c.series.reduce((n, s) => n + s.total, 0);
  if (total === 0) {
    card.append(el('p', 'empty', 'No successful run has reported this metric yet.'));
    return card;
  }
  let { tMin, tMax, vMin, vMax } = c;
  if (tMax - tMin < 60_000) {
    tMin -= 3_600_000;
    tMax += 3_600_000;
  }
  const vPad = vMax - vMin > 0 ? (vMax - vMin) * 0.08 : Math.abs(vMax) * 0.1 || 1;
  vMin -= vPad;
  vMax += vPad;
  const x = (t: number): number => M.left + ((t - tMin) / (tMax - tMin)) * (W - M.left - M.right);
  const y = (v: number): number => H - M.bottom - ((v - vMin) / (vMax - vMin)) * (H - M.top - M.bottom);

  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${c.metric} over time per candidate` });
  for (const v of niceTicks(vMin, vMax, 5)) {
    root.append(svg('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }, 'grid'));
    const label = svg('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, 'tick');
    label.textContent = fmt(v);
    root.append(label);
  }
  const span = tMax - tMin;
  for (const t of niceTicks(tMin, tMax, 4)) {
    const label = svg('text', { x: x(t), y: H - 8, 'text-anchor': 'middle' }, 'tick');
    label.textContent = timeLabel(t, span);
    root.append(label);
  }
  root.append(svg('line', { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom }, 'axis'));
  root.append(svg('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }, 'axis'));

  const refLine = (v: number, cls: string, text: string): void => {
    root.append(svg('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }, cls));
    const label = svg('text', { x: W - M.right - 4, y: y(v) - 4, 'text-anchor': 'end' }, `${cls}-label`);
    label.textContent = text;
    root.append(label);
  };
  if (c.baselineValue !== undefined) refLine(c.baselineValue, 'baseline', `baseline ${fmt(c.baselineValue)}`);
  if (c.target !== undefined) refLine(c.target, 'target', `target ${fmt(c.target)}`);

  for (const s of c.series) {
    const cls = colourClass(s);
    if (s.points.length > 1) {
      root.append(svg('polyline', { points: s.points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ') }, `line ${cls}`));
    }
    if (s.points.length <= MAX_DOTS) {
      for (const p of s.points) {
        const dot = svg('circle', { cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 3.5, tabindex: 0, 'data-run': p.id }, `dot ${cls}`);
        const tip = svg('title', {});
        tip.textContent = `${s.candidate} · ${new Date(p.t).toISOString().slice(0, 16).replace('T', ' ')} · ${c.metric} ${fmt(p.v)}`;
        dot.append(tip);
        root.append(dot);
      }
    }
  }
  card.append(root);
  const shown = c.series.reduce((n, s) => n + s.points.length, 0);
  if (shown < total) card.append(el('p', 'note', `${total.toLocaleString('en')} runs, ${shown.toLocaleString('en')} points drawn (downsampled).`));
  void data;
  return card;
}

function legend(data: DashboardData): HTMLElement {
  const box = el('div', 'legend');
  data.candidates.forEach((c, i) => {
    const item = el('span', 'item');
    item.append(el('span', `swatch s${i % 8}`));
    const tags = [c.baseline ? 'baseline' : '', c.chosen ? 'chosen' : '', c.inPlan ? '' : 'not in plan'].filter(Boolean).join(', ');
    item.append(document.createTextNode(`${c.id}${tags ? ` (${tags})` : ''}`));
    if (c.name) item.title = c.name;
    box.append(item);
  });
  const target = el('span', 'item');
  target.append(el('span', 'swatch target-swatch'), document.createTextNode('target'));
  const base = el('span', 'item');
  base.append(el('span', 'swatch baseline-swatch'), document.createTextNode('latest baseline'));
  box.append(target, base);
  return box;
}

function bestTable(data: DashboardData): HTMLElement {
  const section = el('section', 'best');
  const by = data.best.find((b) => b.by)?.by;
  section.append(el('h2', undefined, `Best run per candidate${by ? ` (by ${by})` : ' (latest successful run)'}`));
  const criteriaMetrics = data.charts.filter((c) => c.target !== undefined).map((c) => c.metric);
  const others = data.charts.filter((c) => c.target === undefined).map((c) => c.metric).slice(0, 4);
  const metrics = [...criteriaMetrics, ...others];
  const table = el('table');
  const head = el('tr');
  for (const h of ['Candidate', 'Runs', 'Best run', 'Note', ...metrics, 'Targets']) head.append(el('th', undefined, h));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  data.best.forEach((b, i) => {
    const tr = el('tr');
    const name = el('td');
    name.append(el('span', `swatch s${i % 8}`), document.createTextNode(`${b.candidate}${b.baseline ? ' (baseline)' : ''}${b.chosen ? ' (chosen)' : ''}`));
    if (b.name) name.title = b.name;
    tr.append(name, el('td', 'num', String(b.runCount)));
    if (!b.best) {
      tr.append(el('td', 'muted', b.runCount > 0 ? `no successful run (latest: ${b.latestStatus ?? '?'})` : 'never run'), el('td'));
      for (let k = 0; k < metrics.length; k++) tr.append(el('td', 'num muted', '—'));
      tr.append(el('td'));
    } else {
      const run = b.best;
      const link = el('a', undefined, run.start.slice(0, 16).replace('T', ' '));
      link.href = '#';
      link.title = `Open the metrics of run ${run.id}`;
      link.addEventListener('click', (e) => {
        e.preventDefault();
        vscode.postMessage({ type: 'openRun', id: run.id });
      });
      const when = el('td');
      when.append(link);
      tr.append(when, el('td', 'note', run.note ?? ''));
      for (const m of metrics) {
        const v = run.metrics[m];
        const crit = b.criteria.find((c) => c.metric === m);
        const cell = el('td', 'num', v === undefined ? '—' : fmt(v));
        if (crit) {
          cell.append(el('span', crit.status === 'pass' ? 'pass' : 'fail', crit.status === 'pass' ? ' ✓' : ' ✗'));
        }
        tr.append(cell);
      }
      const met = b.criteria.filter((c) => c.status === 'pass').length;
      tr.append(el('td', b.targetsMet ? 'pass' : 'fail', b.criteria.length === 0 ? '' : b.targetsMet ? '✓ all met' : `✗ ${met}/${b.criteria.length}`));
    }
    body.append(tr);
  });
  table.append(body);
  section.append(table);
  return section;
}

function render(data: DashboardData): void {
  const app = document.getElementById('app')!;
  const header = el('header');
  header.append(el('h1', undefined, `Evaluation runs${data.project ? `: ${data.project}` : ''}`));
  header.append(el('p', 'summary', `${data.runCount.toLocaleString('en')} runs, ${data.okCount.toLocaleString('en')} successful. Only successful runs are plotted.`));
  const charts = el('div', 'charts');
  for (const c of data.charts) charts.append(chart(c, data));
  const parts: Node[] = [header];
  if (data.runCount === 0) parts.push(el('p', 'empty', 'No evaluation runs recorded yet. Run "ML Project: Run Evaluation" or `mlproject eval`.'));
  parts.push(legend(data), charts);
  if (data.omittedMetrics.length > 0) parts.push(el('p', 'note', `Not charted: ${data.omittedMetrics.join(', ')}.`));
  parts.push(bestTable(data));
  app.replaceChildren(...parts);
}

document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  const id = target?.getAttribute?.('data-run');
  if (id) vscode.postMessage({ type: 'openRun', id });
});
document.addEventListener('keydown', (e) => {
  const target = e.target as Element | null;
  const id = target?.getAttribute?.('data-run');
  if (id && (e.key === 'Enter' || e.key === ' ')) vscode.postMessage({ type: 'openRun', id });
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg && msg.type === 'data') render(msg.payload);
});

vscode.postMessage({ type: 'ready' });
