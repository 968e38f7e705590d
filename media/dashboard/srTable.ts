// The text tables of the charts, for screen readers and for anyone who wants the numbers: a real <table> with a
// caption in a <details> under each chart. The comparison's table is built at once (one row per candidate); the
// table of a chart over time (up to a couple of thousand points) when it is first opened.
import type { MetricChart, MetricComparison } from '../../src/core/runs/dashboardData';
import { el, fmt, minuteUtc } from './dom';
import { intervalText, targetWord, verdictText } from './words';

function table(caption: string, head: string[], rows: string[][]): HTMLTableElement {
  const t = el('table', 'data');
  t.append(el('caption', undefined, caption));
  const tr = el('tr');
  for (const h of head) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    tr.append(th);
  }
  t.createTHead().append(tr);
  const body = el('tbody');
  for (const r of rows) {
    const row = el('tr');
    r.forEach((cell, i) => {
      const c = i === 0 ? el('th', undefined, cell) : el('td', undefined, cell);
      if (i === 0) (c as HTMLTableCellElement).scope = 'row';
      row.append(c);
    });
    body.append(row);
  }
  t.append(body);
  return t;
}

function details(summary: string, fill: (d: HTMLDetailsElement) => void, lazy: boolean): HTMLDetailsElement {
  const d = el('details', 'sr-table');
  d.append(el('summary', undefined, summary));
  if (!lazy) fill(d);
  else d.addEventListener('toggle', () => d.open && d.querySelector('table') === null && fill(d));
  return d;
}

export function comparisonTable(cmp: MetricComparison): HTMLDetailsElement {
  const order = cmp.ranked ? `best first (${cmp.direction === 'minimize' ? 'lowest' : 'highest'} mean first)` : 'in plan order (no success criterion gives a direction)';
  const caption = `${cmp.metric} per candidate, ${order}: mean and 95% interval of the mean over the counted runs, and the difference from the baseline ${cmp.baseline?.candidate ?? '(none)'} with its 95% interval`;
  const rows = cmp.rows.map((r, i) => [
    `${cmp.ranked ? `${i + 1}. ` : ''}${r.candidate}`,
    String(r.n),
    fmt(r.mean),
    intervalText(r.ci, r.n),
    verdictText(r, cmp),
    targetWord(r),
  ]);
  return details(`Table: ${cmp.metric} by candidate`, (d) => d.append(table(caption, ['Candidate', 'Runs (n)', 'Mean', '95% interval', 'vs baseline', 'Target'], rows)), false);
}

export function timeTable(c: MetricChart): HTMLDetailsElement {
  return details(`Table: ${c.metric} by run`, (d) => {
    const points = c.series.flatMap((s) => s.points.map((p) => ({ ...p, candidate: s.candidate })));
    points.sort((a, b) => a.x - b.x);
    const total = c.series.reduce((n, s) => n + s.total, 0);
    const note = points.length < total ? ` (${points.length} of ${total} runs, downsampled)` : '';
    const caption = `${c.metric} of each successful run, in run order${note}`;
    d.append(table(caption, ['Run', 'Started (UTC)', 'Candidate', c.metric], points.map((p) => [`#${p.x}`, minuteUtc(p.t), p.candidate, fmt(p.v)])));
  }, true);
}
