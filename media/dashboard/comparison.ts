// The first chart of each metric: which candidate is best. One column per candidate, best first (the core ranks
// them, core/runs/dashboardComparison.ts): its counted runs as dots, its mean with the 95% interval as an error bar
// (n = 1: the dot and the mean only), the reference baseline's band (its 95% interval of the mean) and mean, the
// target as a dashed line or an off-scale marker; under each candidate its n and its verdict against the baseline in
// words. uPlot draws the axes and the live legend (the candidate under the cursor with its mean, interval and
// verdict); the marks are drawn on its canvas in a draw hook. Nothing here computes a statistic.
import uPlot from 'uplot';
import type { MetricComparison } from '../../src/core/runs/dashboardData';
import { el, fmt } from './dom';
import { drawOffScaleTarget, OFF_SCALE_ROOM, targetText } from './overlay';
import { comparisonTable } from './srTable';
import type { Theme } from './theme';
import { meanText, verdictText, verdictWord } from './words';

export const COMPARISON_HEIGHT = 270;

export function comparisonCard(cmp: MetricComparison, why: string | undefined): { card: HTMLElement; host?: HTMLElement } {
  const card = el('section', 'chart comparison');
  const title = el('h3');
  title.append(el('span', 'metric', cmp.metric));
  if (cmp.target !== undefined) title.append(el('span', 'goal', ` ${targetText(cmp.target, cmp.direction)}`));
  card.append(title);
  if (why) card.append(el('p', 'why', why));
  if (cmp.rows.length === 0) {
    card.append(el('p', 'empty', 'No candidate has a counted run that reported this metric.'));
    return { card };
  }
  const order = cmp.ranked ? `Best first (${cmp.direction === 'minimize' ? 'lower' : 'higher'} is better).` : 'In plan order: no success criterion gives this metric a direction.';
  const band = cmp.baseline ? ` Band: 95% interval of the baseline ${cmp.baseline.candidate}'s mean${cmp.baseline.ci ? '' : ' (none: n=1, a line only)'}.` : ' No baseline run to compare with.';
  card.append(el('p', 'note', `${order} Dots: runs; bar: mean with its 95% interval.${band}`));
  const host = el('div', 'plot');
  host.setAttribute('role', 'img');
  const best = cmp.rows[0];
  host.setAttribute('aria-label', `${cmp.metric} by candidate${cmp.ranked ? `, best first: ${best.candidate}, ${meanText(best)}` : ''}; the table below lists every candidate`);
  card.append(host);
  if (cmp.missing.length > 0) card.append(el('p', 'note', `No counted run reported ${cmp.metric}: ${cmp.missing.join(', ')}.`));
  card.append(comparisonTable(cmp));
  return { card, host };
}

/** an x-axis label: the candidate, its n, its verdict (the axis draws one line per \n) */
function label(cmp: MetricComparison, i: number): string {
  const r = cmp.rows[i];
  if (!r) return '';
  const name = r.candidate.length > 14 ? `${r.candidate.slice(0, 13)}…` : r.candidate;
  return `${name}\nn=${r.n}\n${verdictWord(r, cmp)}`;
}

function hline(ctx: CanvasRenderingContext2D, x0: number, x1: number, y: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y);
  ctx.lineTo(x1, y);
  ctx.stroke();
}

function drawMarks(u: uPlot, cmp: MetricComparison, theme: Theme): void {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const { left, top, width, height } = u.bbox;
  const Y = (v: number): number => u.valToPos(v, 'y', true);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  const b = cmp.baseline;
  if (b) {
    if (b.ci) {
      ctx.globalAlpha = 0.13;
      ctx.fillStyle = theme.baseline;
      ctx.fillRect(left, Y(b.ci.high), width, Math.max(1 * r, Y(b.ci.low) - Y(b.ci.high)));
      ctx.globalAlpha = 1;
    }
    ctx.strokeStyle = theme.baseline;
    ctx.lineWidth = 1 * r;
    ctx.setLineDash([2 * r, 3 * r]);
    hline(ctx, left, left + width, Y(b.mean));
  }
  if (cmp.target !== undefined && cmp.axis.target === 'in') {
    ctx.strokeStyle = theme.target;
    ctx.lineWidth = 1.5 * r;
    ctx.setLineDash([6 * r, 4 * r]);
    hline(ctx, left, left + width, Y(cmp.target));
  }
  ctx.setLineDash([]);
  cmp.rows.forEach((row, i) => {
    const colour = theme.palette[row.colour % theme.palette.length];
    const cx = u.valToPos(i, 'x', true);
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    // the runs, left of the bar, spread a little so equal values stay countable
    ctx.globalAlpha = 0.6;
    row.runs.forEach((p, j) => {
      ctx.beginPath();
      ctx.arc(cx - 9 * r + (((j * 3) % 5) - 2) * 2.5 * r, Y(p.v), 3 * r, 0, 2 * Math.PI);
      ctx.fill();
    });
    ctx.globalAlpha = 1;
    const bx = cx + 8 * r;
    if (row.ci) {
      ctx.lineWidth = 2 * r;
      ctx.beginPath();
      ctx.moveTo(bx, Y(row.ci.low));
      ctx.lineTo(bx, Y(row.ci.high));
      ctx.stroke();
      hline(ctx, bx - 5 * r, bx + 5 * r, Y(row.ci.low));
      hline(ctx, bx - 5 * r, bx + 5 * r, Y(row.ci.high));
    }
    ctx.lineWidth = 3 * r;
    hline(ctx, bx - 8 * r, bx + 8 * r, Y(row.mean));
  });
  ctx.restore();
  if (cmp.target !== undefined && cmp.axis.target) drawOffScaleTarget(u, cmp.target, cmp.direction, cmp.axis.target, theme);
}

export function drawComparison(host: HTMLElement, cmp: MetricComparison, theme: Theme): uPlot {
  const k = cmp.rows.length;
  const xs = cmp.rows.map((_r, i) => i);
  const means = cmp.rows.map((r) => r.mean);
  const at = (i: number | null): (typeof cmp.rows)[number] | undefined => (i == null ? undefined : cmp.rows[i]);
  const axis = { stroke: theme.muted, font: theme.font, labelFont: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1, size: 4 } };
  const hidden = { paths: () => null, points: { show: false } };
  const opts: uPlot.Options = {
    width: host.clientWidth > 0 ? Math.floor(host.clientWidth) : 400,
    height: COMPARISON_HEIGHT,
    scales: { x: { time: false, range: () => [-0.5, k - 0.5] }, y: { range: () => [cmp.axis.min, cmp.axis.max] } },
    series: [
      { label: 'candidate', value: (_u, _v, _s, i) => at(i)?.candidate ?? '—' },
      { ...hidden, label: 'mean [95% interval]', stroke: theme.foreground, value: (_u, _v, _s, i) => { const r = at(i); return r ? meanText(r).replace(/^mean /, '') : '—'; } },
      { ...hidden, label: 'vs baseline', stroke: theme.baseline, value: (_u, _v, _s, i) => { const r = at(i); return r ? verdictText(r, cmp) : '—'; } },
    ],
    axes: [
      { ...axis, grid: { show: false }, splits: () => xs, values: (_u, splits) => splits.map((i) => label(cmp, i)), size: 56, gap: 4 },
      { ...axis, label: cmp.metric, labelSize: 16, values: (_u, splits) => splits.map(fmt), size: (_u, values) => 14 + 7 * Math.max(3, ...(values ?? []).map((v) => v.length)) },
    ],
    cursor: { y: false, points: { show: false }, drag: { x: false, y: false } },
    legend: { live: true },
    ...(cmp.axis.target === 'above' || cmp.axis.target === 'below' ? { padding: [OFF_SCALE_ROOM, null, null, null] as uPlot.Padding } : {}),
    hooks: { draw: [(u) => drawMarks(u, cmp, theme)] },
  };
  return new uPlot(opts, [xs, means, means], host);
}
