// Restricted Mode: the workspace is not trusted, so Run Evaluation refuses, says why and offers to manage trust;
// nothing runs and no run is recorded.
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../../scripts/editor/workbench.mjs';

export const trust = false;

export default async function ({ page, workspace, screenshot }) {
  const history = path.join(workspace, '.mlproject', 'runs.jsonl');
  const read = () => (fs.existsSync(history) ? fs.readFileSync(history, 'utf8') : undefined);
  const before = read(); // the example may ship a history of earlier runs
  const runDirs = () => (fs.existsSync(path.dirname(history)) ? fs.readdirSync(path.join(path.dirname(history), 'runs')).length : 0);
  const dirsBefore = runDirs();
  const icon = page.locator('.activitybar [aria-label^="ML Project"]').first();
  await icon.waitFor({ timeout: 60_000 });
  await icon.click();
  await page.locator('.pane-header', { hasText: 'Runs' }).first().waitFor();
  await runCommand(page, 'ML Project: Run Evaluation');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Restricted Mode' }).first();
  await toast.waitFor({ timeout: 30_000 });
  await toast.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).first().waitFor();
  await screenshot('refused');
  // no candidate prompt appeared and nothing was recorded
  if (await page.locator('.quick-input-widget', { hasText: 'which candidate' }).isVisible()) throw new Error('it asked for a candidate');
  if (read() !== before) throw new Error('a run was recorded');
  if (runDirs() !== dirsBefore) throw new Error('a run folder was created');
}
