// The plan surfaces in the workbench, driven through the DOM: the "ML Project" activity-bar entry, the Phases tree
// with progress and pitfall markers, the Pitfalls badge, the Problems panel with rule codes and the status bar item.
// examples/in-trouble walks into every pitfall; it runs trusted and in Restricted Mode (reading and diagnosing only).
import { waitFor } from '../../../scripts/editor/codeServer.mjs';

export const workspace = 'examples/in-trouble';
export const trust = 'both';

const row = (page, scope, text) => page.locator(`${scope} .monaco-list-row`, { hasText: text }).first();

async function rowText(locator) {
  await locator.waitFor();
  return (await locator.innerText()).replace(/\s+/g, ' ');
}

async function expectRow(page, scope, label, ...parts) {
  const r = row(page, scope, label);
  let text = '';
  const deadline = Date.now() + 30_000;
  for (;;) {
    text = await rowText(r);
    if (parts.every((p) => text.includes(p))) return r;
    if (Date.now() > deadline) throw new Error(`row "${label}" reads "${text}", expected it to contain ${parts.map((p) => `"${p}"`).join(', ')}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Expands a tree row. A click can land while the tree re-renders (a re-check refreshes it) and only select the row,
 * so check the row's state before every retry: a second click on an expanded row would collapse it again.
 */
async function expand(row) {
  await waitFor(async () => {
    if ((await row.getAttribute('aria-expanded')) === 'true') return true;
    await row.click();
    return false;
  }, { ms: 15_000, what: 'the tree row to expand' });
}

export default async function ({ page, screenshot, trusted }) {
  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  const phases = '.pane-body:has(.monaco-list[aria-label*="Phases"])';
  await page.locator(phases).first().waitFor();

  // Phases with progress; the current phase is marked and expanded.
  await expectRow(page, phases, 'Design', '0/4');
  await expectRow(page, phases, 'Discover', '2/3', 'current');
  await expectRow(page, phases, 'Data understanding');
  await expectRow(page, phases, 'Project brief', 'skipped');
  await expectRow(page, phases, 'Deployment', '0/4');
  // Develop is collapsed: open it to see the pitfall markers on its steps.
  const develop = await expectRow(page, phases, 'Develop', '1/3');
  await expand(develop);
  await expectRow(page, phases, 'Brainstorm candidates', '⚠ pitfall 1, 3');
  await expectRow(page, phases, 'Literature review', '⚠ pitfall 2');
  await screenshot(`phases${trusted ? '' : '-restricted'}`);

  // Pitfalls view: one row per pitfall diagnostic, and a count badge on the activity-bar entry.
  await expectRow(page, '.pane-body:has(.monaco-list[aria-label*="Pitfalls"])', 'Pitfall 1');
  const badge = page.locator('.activitybar [aria-label^="ML Project"] .badge-content').first();
  // The same badge shows VS Code's progress indicator while the extension starts: wait for the number.
  let count = NaN;
  await waitFor(async () => {
    count = Number((await badge.innerText().catch(() => '')).trim());
    return count >= 5;
  }, { ms: 30_000, what: `the Pitfalls badge to read at least 5 (one per pitfall; last read ${count})` });

  // Status bar: current phase, its progress and the open pitfalls.
  const status = page.locator('.statusbar-item', { hasText: 'Discover 2/3' }).first();
  await status.waitFor();
  const statusText = (await status.innerText()).replace(/\s+/g, ' ').trim();
  if (!statusText.includes(String(count))) throw new Error(`status bar reads "${statusText}", expected the pitfall count ${count}`);

  // Problems panel: each diagnostic with its rule code (a link to the rule's docs). The list is virtualised, so
  // each code is found through the panel's filter box.
  await page.keyboard.press('Control+Shift+M');
  const markers = '.markers-panel';
  await page.locator(`${markers} .monaco-list-row`, { hasText: 'runway' }).first().waitFor();
  await screenshot(`problems${trusted ? '' : '-restricted'}`);
  const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
  for (const code of ['single-architecture', 'no-literature-review', 'too-incremental', 'metric-misalignment', 'manual-evaluation', 'unknown-step']) {
    await filter.fill(code);
    await page.locator(`${markers} .monaco-list-row`, { hasText: code }).first().waitFor();
  }
  await filter.fill('');
}
