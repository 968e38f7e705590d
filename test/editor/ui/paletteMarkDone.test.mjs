// A step command from the command palette: F1 → "ML Project: Mark Step as Done" → a quick pick of the steps that are
// not done yet → "Evaluation against baseline and targets" (todo in examples/genre-tagger). The plan, not open in an
// editor, is edited and saved: the file on disk differs from the original only in `evaluation: todo` → `done`.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';
import { runCommand } from '../../../scripts/editor/workbench.mjs';

const STEP = 'Evaluation against baseline and targets';

export default async function ({ page, workspace, screenshot }) {
  const planFile = path.join(workspace, '.mlproject.yaml');
  const original = fs.readFileSync(planFile, 'utf8');
  const expected = original.replace('    tuning: in-progress\n    evaluation: todo\n', '    tuning: in-progress\n    evaluation: done\n');
  if (expected === original) throw new Error('the example no longer has `evaluation: todo` after `tuning`');

  // the extension activates because of .mlproject.yaml; its commands are in the palette once the plan is checked
  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  await page.locator('.pane-body .monaco-list-row', { hasText: 'Deliver' }).first().waitFor();

  const input = await runCommand(page, 'ML Project: Mark Step as Done');

  // the step picker: every step not done yet, with its phase and status; done steps are not offered
  await page.locator('.quick-input-widget input[placeholder="Mark which step as done?"]').first().waitFor();
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const row = rows.filter({ hasText: STEP }).first();
  await row.waitFor();
  const rowText = (await row.innerText()).replace(/\s+/g, ' ');
  if (!rowText.includes('Deliver') || !rowText.includes('to do')) throw new Error(`the step's row reads "${rowText}"`);
  if (await rows.filter({ hasText: 'Literature review' }).count()) throw new Error('a done step is offered');
  await screenshot('step-picker');
  await input.fill('Evaluation against');
  await rows.first().filter({ hasText: STEP }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });

  let last = original;
  try {
    await waitFor(() => (last = fs.readFileSync(planFile, 'utf8')) === expected, { ms: 20_000, what: 'the plan on disk to have evaluation: done' });
  } catch (e) {
    throw new Error(`${e.message}\n--- expected ---\n${expected}\n--- on disk ---\n${last}`);
  }
  // the tree follows
  await page.locator('.pane-body .monaco-list-row', { hasText: 'Deliver' }).filter({ hasText: '2/4' }).first().waitFor();
  // no editor was left dirty (the plan was not open: the command saved it)
  if (await page.locator('.tab.dirty').count()) throw new Error('an editor is left with unsaved changes');
}
