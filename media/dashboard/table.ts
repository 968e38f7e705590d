// The table of the best run per candidate: its time links to the run's metrics file (through the extension), a ✓
// or ✗ per success criterion. Text only through textContent.
import type { DashboardData } from '../../src/extension/runs/dashboardProtocol';
import { el, fmt } from './dom';

export function bestTable(data: DashboardData, openRun: (id: string) => void): HTMLElement {
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
        openRun(run.id);
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
