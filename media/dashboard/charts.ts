// One uPlot chart (canvas) per metric over time: a series per candidate by run order (x = the n-th successful run),
// the success criterion's target (a dashed line, or an off-scale marker when it is far from the data) and the latest
// baseline value, uPlot's live legend showing the run under the cursor, drag to zoom in (double-click to zoom out),
// and a click on a point opens that run's metrics. The points arrive already downsampled (core/runs/dashboardData.ts),
// so a chart never draws more than a couple of thousand of them. Its text table is in srTable.ts.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css'; // bundled by esbuild into dist/dashboard.css
import type { MetricChart } from '../../src/core/runs/dashboardData';
import { align } from './align';
import { el, fmt, minuteUtc } from './dom';
import { drawOffScaleTarget, OFF_SCALE_ROOM, targetText } from './overlay';
import { timeTable } from './srTable';
import type { Theme } from './theme';

export const CHART_HEIGHT = 240;
/** draw a dot per run up to this many points in a series; beyond, only the line */
const MAX_DOTS = 400;
/** how close (CSS px) a click must be to a point to open its run */
const HIT_PX = 10;

/** the chart's card: title, a host element for the plot (absent when nothing to plot) and its text table */
export function chartCard(c: MetricChart): { card: HTMLElement; host?: HTMLElement } {
  const card = el('section', 'chart');
  const title = el('h3');
  title.append(el('span', 'metric', c.metric));
  if (c.target !== undefined) title.append(el('span', 'goal', ` ${targetText(c.target, c.direction)}`));
  card.append(title);
  const total = c.series.reduce((n, s) => n + s.total, 0);
  if (total === 0) {
    card.append(el('p', 'empty', 'No successful run has reported this metric yet.'));
    return { card };
  }
  const host = el('div', 'plot');
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', `${c.metric} of each successful run, by run order, per candidate; the table below lists the points`);
  card.append(host);
  const shown = c.series.reduce((n, s) => n + s.points.length, 0);
  if (shown < total) card.append(el('p', 'note', `${total.toLocaleString('en')} runs, ${shown.toLocaleString('en')} points drawn (downsampled).`));
  card.append(timeTable(c));
  return { card, host };
}

/** the candidate point nearest the cursor within HIT_PX, as [series index in `c.series`, x index] */
function nearest(u: uPlot, candidates: number): [number, number] | undefined {
  const { left, top, idxs } = u.cursor;
  if (left === undefined || top === undefined || left < 0 || !idxs) return undefined;
  let best: [number, number] | undefined;
  let bestD = HIT_PX;
  for (let s = 1; s <= candidates; s++) {
    const i = idxs[s];
    const v = i == null ? undefined : u.data[s][i];
    if (i == null || v == null) continue;
    const d = Math.hypot(u.valToPos(u.data[0][i], 'x') - left, u.valToPos(v, 'y') - top);
    if (d <= bestD) {
      bestD = d;
      best = [s - 1, i];
    }
  }
  return best;
}

export function drawChart(host: HTMLElement, c: MetricChart, theme: Theme, openRun: (id: string) => void): uPlot {
  const { data, ids, times } = align(c);
  const columns = data as uPlot.AlignedData;
  const value = (_u: uPlot, v: number | null, _s: number, i: number | null): string => (i == null || v == null ? '—' : fmt(v));
  const runAt = (i: number | null): string => {
    const t = i == null ? undefined : times[i];
    return t === undefined ? '—' : `#${data[0][i!]} · ${minuteUtc(t)} UTC`;
  };
  const series: uPlot.Series[] = [
    { label: 'run', value: (_u, _v, _s, i) => runAt(i) },
    ...c.series.map((s): uPlot.Series => {
      const colour = theme.palette[s.colour % theme.palette.length];
      return {
        label: `${s.candidate}${s.baseline ? ' (baseline)' : ''}`,
        stroke: colour,
        width: 1.5,
        spanGaps: true,
        points: { show: s.points.length <= MAX_DOTS, size: 7, width: 1, stroke: colour, fill: colour },
        value,
      };
    }),
  ];
  // the reference lines show their value in the legend whether or not the cursor is on the plot
  const ref = (label: string, v: number, stroke: string, dash: number[]): uPlot.Series => ({ label, stroke, dash, width: 1.5, points: { show: false }, value: () => fmt(v) });
  const off = c.axis.target !== undefined && c.axis.target !== 'in';
  if (c.target !== undefined) series.push({ ...ref(`target ${c.direction === 'minimize' ? '≤' : '≥'}`, c.target, theme.target, [6, 4]), ...(off ? { value: () => `${fmt(c.target!)} (off scale)` } : {}) });
  if (c.baselineValue !== undefined) series.push(ref('latest baseline', c.baselineValue, theme.baseline, [2, 3]));

  const axis = { stroke: theme.muted, font: theme.font, labelFont: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1, size: 4 } };
  const opts: uPlot.Options = {
    width: host.clientWidth > 0 ? Math.floor(host.clientWidth) : 400,
    height: CHART_HEIGHT,
    scales: { x: { time: false }, y: { range: () => [c.axis.min, c.axis.max] } },
    series,
    axes: [
      {
        ...axis,
        label: 'run (in order)',
        labelSize: 16,
        space: 40,
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000],
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) && v > 0 ? `#${v}` : '')),
      },
      {
        ...axis,
        label: c.metric,
        labelSize: 16,
        values: (_u, splits) => splits.map(fmt),
        size: (_u, values) => 14 + 7 * Math.max(3, ...(values ?? []).map((v) => v.length)),
      },
    ],
    cursor: { drag: { x: true, y: false }, hover: { prox: 24 }, focus: { prox: 16 } },
    focus: { alpha: 0.4 },
    legend: { live: true },
    ...(c.axis.target === 'above' || c.axis.target === 'below' ? { padding: [OFF_SCALE_ROOM, null, null, null] as uPlot.Padding } : {}),
    hooks: { draw: [(u) => c.target !== undefined && c.axis.target && drawOffScaleTarget(u, c.target, c.direction, c.axis.target, theme)] },
  };
  const u = new uPlot(opts, columns, host);
  // a click (not a drag) on a point opens the run; the pointer shows which points can be clicked
  let down: { x: number; y: number } | undefined;
  u.over.addEventListener('mousedown', (e) => (down = { x: e.clientX, y: e.clientY }));
  u.over.addEventListener('click', (e) => {
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 3) return;
    const hit = nearest(u, c.series.length);
    const id = hit && ids[hit[0]][hit[1]];
    if (id) openRun(id);
  });
  u.over.addEventListener('mousemove', () => u.over.classList.toggle('hit', nearest(u, c.series.length) !== undefined));
  return u;
}
