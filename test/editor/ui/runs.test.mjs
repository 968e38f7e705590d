// The Runs view after a run started from the UI: command palette → "ML Project: Run Evaluation" → pick a candidate
// → a note → the repeat count (1) → the first-run confirmation (modal, showing the exact command) → the task runs in a terminal → the Runs
// view shows the run with its metrics and ✓/✗ per success criterion. Runs on the installed VSIX, trusted workspace.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';
import { runCommand, visibleWebview } from '../../../scripts/editor/workbench.mjs';

export const timeout = 150_000;

export default async function ({ page, workspace, screenshot }) {
  // The extension activates because of .mlproject.yaml; open its container so the Runs view renders.
  const icon = page.locator('.activitybar [aria-label^="ML Project"]').first();
  await icon.waitFor({ timeout: 60_000 });
  await icon.click();
  await page.locator('.pane-header', { hasText: 'Runs' }).first().waitFor();

  await runCommand(page, 'ML Project: Run Evaluation');
  // 1/2: the candidate (the chosen one, cnn, is listed first; pick the baseline)
  const logreg = page.locator('.quick-input-list .monaco-list-row', { hasText: 'logreg' }).first();
  await logreg.waitFor();
  await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: 'cnn' }).waitFor();
  await logreg.click();
  // 2/2: the note
  const note = page.locator('.quick-input-widget input').first();
  await page.locator('.quick-input-widget', { hasText: 'What is this run trying to show?' }).first().waitFor();
  await note.fill('ui test: baseline through the pipeline');
  await page.keyboard.press('Enter');
  // 3/3: the repeat count, 1 by default (the example sets no evaluation.repeats)
  await page.locator('.quick-input-widget', { hasText: 'How many runs per candidate?' }).first().waitFor();
  const repeats = await page.locator('.quick-input-widget input').first().inputValue();
  if (repeats !== '1') throw new Error(`the repeat count defaults to "${repeats}", not 1`);
  await page.keyboard.press('Enter');
  // the first-run confirmation shows the exact command
  const dialog = page.locator('.monaco-dialog-box').first();
  await dialog.waitFor();
  const text = await dialog.innerText();
  if (!/python3 eval\.py --model 'logreg'/.test(text)) throw new Error(`the confirmation does not show the command:\n${text}`);
  await screenshot('confirmation');
  await dialog.locator('.monaco-button', { hasText: /^Run$/ }).first().click();

  // the Runs view shows the run with ✓/✗ per criterion
  const runsPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Runs' }) }).first();
  const row = runsPane.locator('.monaco-list-row', { hasText: 'ui test: baseline through the pipeline' }).first();
  await row.waitFor({ timeout: 90_000 });
  await waitFor(async () => /[✓✗]/.test(await row.innerText()), { ms: 30_000, what: 'a ✓ or ✗ in the run row' });
  const rowText = await row.innerText();
  if (!/macro_f1 \d/.test(rowText)) throw new Error(`the run row shows no macro_f1 value: ${rowText}`);
  await screenshot('runs-view');
  // The status bar shows the latest run's verdict: the baseline misses the macro_f1 target, meets the latency one.
  const status = page.locator('.statusbar-item', { hasText: 'logreg ✗ 1/2' }).first();
  await status.waitFor({ timeout: 30_000 });

  // the dashboard (a webview with a strict CSP): a uPlot chart per metric whose legend lists the candidates that have
  // runs, the target and the latest baseline; the cursor legend shows values; the best-run table; no CSP violation
  // (the webview's console messages reach the page's console)
  const cspViolations = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(`[${m.type()}] ${m.text()}`);
  });
  await runCommand(page, 'ML Project: Open Dashboard');
  const frame = visibleWebview(page);
  // per metric two charts: the comparison of the candidates, then the runs by run order
  const overTime = (metric) => frame.locator('section.chart:not(.comparison)', { has: frame.locator('h3', { hasText: metric }) }).first();
  for (const metric of ['macro_f1', 'latency_ms', 'accuracy']) {
    await overTime(metric).locator('.uplot canvas').first().waitFor({ timeout: 30_000 });
  }
  const f1Chart = overTime('macro_f1');
  const legend = f1Chart.locator('.uplot .u-legend').first();
  for (const label of ['logreg (baseline)', 'knn', 'cnn', 'target ≥', 'latest baseline']) {
    await legend.locator('.u-series', { hasText: label }).first().waitFor();
  }
  // hovering the plot puts the time under the cursor in the legend (its first row)
  await f1Chart.locator('.u-over').first().hover();
  const cursorTime = legend.locator('.u-series').first().locator('.u-value');
  await waitFor(async () => /\d{4}-\d\d-\d\d \d\d:\d\d/.test(await cursorTime.innerText()), { ms: 10_000, what: 'a time in the cursor legend' });
  await frame.locator('section.best tr', { hasText: 'logreg' }).first().waitFor();
  // the first chart of each metric compares the candidates; its text table (a <details> under the chart) holds each
  // candidate's mean and 95% interval, best first. The bundled sweep gives knn and cnn 3 runs each; the run above
  // made logreg's latest sample a single run: no interval, and so every verdict against it is "within noise".
  const f1Compare = frame.locator('section.comparison', { has: frame.locator('h3', { hasText: 'macro_f1' }) }).first();
  await f1Compare.locator('.uplot canvas').first().waitFor();
  await f1Compare.locator('details.sr-table summary').first().click();
  const table = f1Compare.locator('details.sr-table table').first();
  await table.locator('caption', { hasText: 'best first' }).waitFor();
  const rows = await table.locator('tbody tr').allInnerTexts();
  const cells = rows.map((r) => r.split('\t').map((c) => c.trim()));
  const expected = [
    ['1. knn', '3', '0.8561', '[0.8561, 0.8561]'],
    ['2. cnn', '3', '0.7961', '[0.7233, 0.8689]'],
    ['3. logreg', '1', '0.6699', 'none (n=1)'],
  ];
  if (JSON.stringify(cells.map((c) => c.slice(0, 4))) !== JSON.stringify(expected)) throw new Error(`comparison table:\n${rows.join('\n')}`);
  if (!/^within noise/.test(cells[0][4]) || !/^within noise/.test(cells[1][4]) || cells[2][4] !== 'baseline') {
    throw new Error(`verdicts against a baseline with n=1 must be "within noise":\n${rows.join('\n')}`);
  }
  await screenshot('dashboard');
  if (cspViolations.length > 0) throw new Error(`CSP violations in the webview:\n${cspViolations.join('\n')}`);

  // the same run is in the history the CLI reads
  const history = path.join(workspace, '.mlproject', 'runs.jsonl');
  await waitFor(() => fs.existsSync(history), { what: 'the run history' });
  const runs = fs.readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const run = runs.find((r) => r.note === 'ui test: baseline through the pipeline');
  if (!run || run.status !== 'ok' || run.source !== 'editor' || typeof run.metrics.macro_f1 !== 'number') {
    throw new Error(`unexpected history: ${JSON.stringify(runs)}`);
  }
}
