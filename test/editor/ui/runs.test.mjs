// The Runs view after a run started from the UI: command palette → "ML Project: Run Evaluation" → pick a candidate
// → a note → the repeat count (1) → the first-run confirmation (modal, showing the exact command) → the task runs in a terminal → the Runs
// view shows the run with its metrics and ✓/✗ per success criterion. Runs on the installed VSIX, trusted workspace.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';

export const timeout = 150_000;

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

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
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  for (const metric of ['macro_f1', 'latency_ms', 'accuracy']) {
    const card = frame.locator('section.chart', { has: frame.locator('h2', { hasText: metric }) }).first();
    await card.locator('.uplot canvas').first().waitFor({ timeout: 30_000 });
  }
  const f1Chart = frame.locator('section.chart', { has: frame.locator('h2', { hasText: 'macro_f1' }) }).first();
  const legend = f1Chart.locator('.uplot .u-legend').first();
  for (const label of ['logreg (baseline)', 'knn', 'cnn', 'target ≥', 'latest baseline']) {
    await legend.locator('.u-series', { hasText: label }).first().waitFor();
  }
  // hovering the plot puts the time under the cursor in the legend (its first row)
  await f1Chart.locator('.u-over').first().hover();
  const cursorTime = legend.locator('.u-series').first().locator('.u-value');
  await waitFor(async () => /\d{4}-\d\d-\d\d \d\d:\d\d/.test(await cursorTime.innerText()), { ms: 10_000, what: 'a time in the cursor legend' });
  await frame.locator('section.best tr', { hasText: 'logreg' }).first().waitFor();
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
