// The Runs view and the run terminal, driven through the workbench: "Group Runs by Candidate" from the palette while
// the Runs pane is collapsed reveals it, grouped; Ctrl+C typed into the task terminal of a running evaluation
// records the run as `cancelled` (VS Code reports exit code 0 for a shell task interrupted this way, so the
// extension spawns the command itself behind a pseudoterminal); "Evaluate All Candidates" shows `sweep k/N` in the
// status bar and its queued and running rows, and the view's Cancel records every run of the sweep as cancelled.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';
import { runCommand } from '../../../scripts/editor/workbench.mjs';

export const timeout = 180_000;
// The DOM renderer, so that the terminal's text can be read
export const settings = { 'terminal.integrated.gpuAcceleration': 'off' };

/** The evaluation command sleeps first, so that there is time to interrupt it (then the example's runs stop counting). */
function slowCommand(workspace) {
  const plan = path.join(workspace, '.mlproject.yaml');
  fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace(/^(\s*command:\s*)python3/m, '$1sleep 60 && python3'));
}

const readHistory = (workspace) => {
  const file = path.join(workspace, '.mlproject', 'runs.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
};

export default async function ({ page, workspace, screenshot }) {
  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  const header = page.locator('.pane-header', { hasText: 'Runs' }).first();
  await header.waitFor();
  const runsPane = page.locator('.pane', { has: header }).first();
  // the example's committed runs are listed
  await runsPane.locator('.monaco-list-row').first().waitFor();

  // 1. Group Runs by Candidate with the pane collapsed: it opens, grouped (a row per candidate with its statistics).
  if ((await header.getAttribute('aria-expanded')) !== 'false') await header.click();
  await waitFor(async () => (await header.getAttribute('aria-expanded')) === 'false', { ms: 10_000, what: 'the Runs pane to collapse' });
  await runCommand(page, 'ML Project: Group Runs by Candidate');
  await waitFor(async () => (await header.getAttribute('aria-expanded')) === 'true', { ms: 15_000, what: 'the Runs pane to be revealed' });
  const knn = runsPane.locator('.monaco-list-row', { hasText: 'knn' }).first();
  await waitFor(async () => /n=\d+ · macro_f1 [\d.]+ ± [\d.]+/.test(await knn.innerText()), { ms: 15_000, what: 'knn grouped with mean ± interval' });
  await screenshot('grouped');
  await runCommand(page, 'ML Project: Show Runs as a List');

  // 2. Ctrl+C in the task's terminal.
  slowCommand(workspace);
  await runsPane.locator('.monaco-list-row', { hasText: 'knn' }).first().waitFor();
  await page.waitForTimeout(2000); // the registry re-reads the plan after the file change
  await runCommand(page, 'ML Project: Run Evaluation');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'knn' }).first().click();
  await page.locator('.quick-input-widget', { hasText: 'What is this run trying to show?' }).first().waitFor();
  await page.locator('.quick-input-widget input').first().fill('ui test: interrupted');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'How many runs per candidate?' }).first().waitFor();
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box').first();
  await dialog.waitFor();
  if (!/sleep 60 && python3 eval\.py --model 'knn'/.test(await dialog.innerText())) throw new Error(`the confirmation shows: ${await dialog.innerText()}`);
  await dialog.locator('.monaco-button', { hasText: /^Run$/ }).first().click();
  // the running row, then the terminal showing the command's start line
  await runsPane.locator('.monaco-list-row', { hasText: /running \d+s/ }).first().waitFor({ timeout: 30_000 });
  const terminal = page.locator('.terminal-wrapper .xterm').first();
  await terminal.waitFor({ timeout: 30_000 });
  await waitFor(async () => /Ctrl\+C stops it/.test(await page.locator('.xterm-rows').first().innerText()), { ms: 30_000, what: 'the run\'s start line in the terminal' });
  await terminal.click();
  await page.keyboard.press('Control+C');
  await waitFor(() => readHistory(workspace).some((r) => r.note === 'ui test: interrupted'), { ms: 30_000, what: 'the interrupted run in the history' });
  const run = readHistory(workspace).find((r) => r.note === 'ui test: interrupted');
  if (run.status !== 'cancelled' || run.error !== 'interrupted with Ctrl+C in the terminal') throw new Error(`recorded as ${JSON.stringify(run)}`);
  await page.locator('.notifications-toasts', { hasText: 'Evaluation of knn was cancelled (interrupted with Ctrl+C in the terminal).' }).first().waitFor();
  await screenshot('interrupted');

  // 3. A sweep: sweep k/N in the status bar, queued rows, Cancel from the view's title.
  const before = readHistory(workspace).length;
  await runCommand(page, 'ML Project: Evaluate All Candidates');
  await page.locator('.quick-input-widget', { hasText: 'How many runs per candidate?' }).first().waitFor();
  await page.keyboard.press('Enter'); // 1 each: 3 runs, one at a time; the command text is approved already
  await page.locator('.statusbar-item', { hasText: /sweep 0\/3/ }).first().waitFor({ timeout: 30_000 });
  await runsPane.locator('.monaco-list-row', { hasText: /queued \d+s/ }).first().waitFor();
  await screenshot('sweep');
  await header.hover();
  await runsPane.locator('.pane-header .action-label[aria-label="Cancel Running Evaluations"]').first().click();
  await waitFor(() => readHistory(workspace).length === before + 3, { ms: 30_000, what: 'the three cancelled runs in the history' });
  const swept = readHistory(workspace).slice(before);
  if (!swept.every((r) => r.status === 'cancelled' && r.sweepId === swept[0].sweepId)) throw new Error(`recorded: ${JSON.stringify(swept)}`);
  await page.locator('.statusbar-item', { hasText: /sweep \d\/3/ }).first().waitFor({ state: 'detached', timeout: 15_000 });
}
