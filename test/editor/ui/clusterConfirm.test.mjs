// The first-run confirmation applies to a Slurm submission exactly as to a local run: with
// `evaluation.executor: slurm`, Run Evaluation from the palette asks (modal, showing the exact command) before
// anything is submitted, and Cancel submits nothing: no pending file, no run folder, no history line.
// Runs on the installed VSIX, trusted workspace, no cluster needed (nothing may reach sbatch).
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';
import { runCommand } from '../../../scripts/editor/workbench.mjs';

export const timeout = 180_000;

const listing = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : []);
let before;
let history;
const historyOf = (workspace) => fs.readFileSync(path.join(workspace, '.mlproject', 'runs.jsonl'), 'utf8');

export async function prepare(workspace) {
  const plan = path.join(workspace, '.mlproject.yaml');
  const text = fs.readFileSync(plan, 'utf8');
  const slurm = text.replace(/^evaluation:\n/m, 'evaluation:\n  executor: slurm\n');
  if (slurm === text) throw new Error('the example plan has no evaluation section');
  fs.writeFileSync(plan, slurm);
  before = listing(path.join(workspace, '.mlproject'));
  history = historyOf(workspace);
  return undefined;
}

export default async function ({ page, workspace, screenshot }) {
  const icon = page.locator('.activitybar [aria-label^="ML Project"]').first();
  await icon.waitFor({ timeout: 60_000 });
  await icon.click();
  await page.locator('.pane-header', { hasText: 'Runs' }).first().waitFor();

  await runCommand(page, 'ML Project: Run Evaluation');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'logreg' }).first().click();
  await page.locator('.quick-input-widget', { hasText: 'What is this run trying to show?' }).first().waitFor();
  await page.locator('.quick-input-widget input').first().fill('ui test: declined slurm submission');
  await page.keyboard.press('Enter');
  // 3/3: the repeat count (1, the default)
  await page.locator('.quick-input-widget', { hasText: 'How many runs per candidate?' }).first().waitFor();
  await page.keyboard.press('Enter');

  const dialog = page.locator('.monaco-dialog-box').first();
  await dialog.waitFor();
  const text = await dialog.innerText();
  if (!/python3 eval\.py --model 'logreg'/.test(text)) throw new Error(`the confirmation does not show the command:\n${text}`);
  await screenshot('slurm-confirmation');
  // the run was prepared (its folder made) but nothing is submitted while the question is open
  const mlp = path.join(workspace, '.mlproject');
  if (fs.existsSync(path.join(mlp, 'pending'))) throw new Error('a pending file was written before the confirmation');
  await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).first().click();
  await dialog.waitFor({ state: 'detached' });
  // declining removes the prepared run folder as the command's last step: then .mlproject/ is as it was
  await waitFor(() => JSON.stringify(listing(mlp)) === JSON.stringify(before), { ms: 30_000, what: '.mlproject/ to be as it was before the declined run' });
  if (historyOf(workspace) !== history) throw new Error('declining changed the run history');
}
