// The first day of a project (test/editor/fixtures/first-day: goal, data and brief written, nothing marked, no
// candidate, no run): the Pitfalls and Runs views show their welcome content instead of a blank pane; Add Candidate
// from the palette asks for the baseline first; the setting mlproject.progress.countEvidence makes the tree count the
// steps with evidence; once the plan is gone, both views say that a plan is needed.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';
import { runCommand as palette } from '../../../scripts/editor/workbench.mjs';

export const workspace = 'test/editor/fixtures/first-day';

const PHASES = '.pane-body:has(.monaco-list[aria-label*="Phases"])';

async function expectRow(page, label, ...parts) {
  const row = page.locator(`${PHASES} .monaco-list-row`, { hasText: label }).first();
  let text = '';
  await waitFor(async () => {
    text = (await row.innerText().catch(() => '')).replace(/\s+/g, ' ');
    return parts.every((p) => text.includes(p));
  }, { ms: 30_000, what: `row "${label}" to contain ${parts.join(', ')} (it reads "${text}")` });
}

export default async function ({ page, workspace: folder, screenshot }) {
  const planFile = path.join(folder, '.mlproject.yaml');
  const welcome = (text) => page.locator('.welcome-view-content', { hasText: text }).first();
  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  await expectRow(page, 'Discover', '0/3');

  // Nothing to list yet: welcome content, not a blank pane.
  await welcome('No pitfall found in the plan').waitFor();
  const runs = welcome('No evaluation runs recorded yet');
  await runs.waitFor();
  await runs.locator('a', { hasText: 'Configure Evaluation' }).first().waitFor();
  await screenshot('welcome-views');

  // Add Candidate asks whether it is the baseline; with no baseline yet, "The baseline" comes first.
  const input = await palette(page, 'ML Project: Add Candidate');
  await page.locator('.quick-input-widget', { hasText: 'the baseline, or a candidate to compare with it?' }).first().waitFor();
  const first = page.locator('.quick-input-list .monaco-list-row').first();
  await first.filter({ hasText: 'The baseline' }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'Add the baseline (1/2)' }).first().waitFor();
  if ((await input.inputValue()) !== 'baseline') throw new Error(`the baseline's id defaults to "${await input.inputValue()}"`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'Add the baseline (2/2)' }).first().waitFor();
  await input.fill('Majority class');
  await page.keyboard.press('Enter');
  await page.locator('.view-lines', { hasText: '- { id: baseline, name: Majority class, baseline: true }' }).first().waitFor();
  await page.keyboard.press('Control+S');
  await waitFor(() => fs.readFileSync(planFile, 'utf8').endsWith('candidates:\n  - { id: baseline, name: Majority class, baseline: true }\n'),
    { ms: 20_000, what: 'the baseline candidate saved in the plan' });

  // Evidence counts once the setting says so: Discover's three steps have evidence, none is marked.
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'mlproject.progress.countEvidence': true }, null, 2));
  await expectRow(page, 'Discover', '3/3');
  await expectRow(page, 'Business understanding', 'counts as done');
  await expectRow(page, 'Define', 'current');
  await screenshot('count-evidence');

  // No plan any more: both views say a plan is needed.
  await palette(page, 'View: Close All Editors');
  fs.rmSync(planFile);
  await welcome('No plan to check yet').waitFor();
  await welcome('Runs need a plan').waitFor();
  await screenshot('no-plan');
}
