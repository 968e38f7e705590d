// `npm start`'s way of launching (its seeded user settings, examples/genre-tagger, a fresh profile): the user lands
// on the project, with the ML Project view showing and the plan in the active editor, not on a Welcome walkthrough.
// Nothing is clicked: the extension does it on its first activation in the workspace.
import { START_SETTINGS, waitFor } from '../../../scripts/editor/codeServer.mjs';

export const settings = START_SETTINGS;

export default async function ({ page, screenshot }) {
  // The ML Project container is the one the side bar shows, with its Phases tree filled.
  await page.locator('.sidebar .composite.title', { hasText: 'ML Project' }).first().waitFor();
  await page.locator('.sidebar .pane-body .monaco-list-row', { hasText: 'Deliver' }).first().waitFor();
  // The plan is the active editor tab, and its text is showing.
  await page.locator('.tabs-container .tab.active', { hasText: '.mlproject.yaml' }).first().waitFor();
  await page.locator('.editor-instance .view-lines', { hasText: 'Plan of the genre tagger' }).first().waitFor();
  // No Welcome page or walkthrough opened in front of it (give a late one a moment to show up).
  await page.waitForTimeout(1500);
  const tabs = (await page.locator('.tabs-container .tab').allInnerTexts()).map((t) => t.trim());
  if (tabs.some((t) => /^(Welcome|Walkthrough)/.test(t))) throw new Error(`a Welcome tab opened: tabs are ${JSON.stringify(tabs)}`);
  const active = (await page.locator('.tabs-container .tab.active').first().innerText()).trim();
  if (!active.includes('.mlproject.yaml')) throw new Error(`the active tab is "${active}", not the plan`);
  await waitFor(async () => (await page.locator('.activitybar .action-item.checked [aria-label^="ML Project"], .activitybar .action-item.checked[aria-label^="ML Project"]').count()) > 0,
    { ms: 10_000, what: 'the ML Project activity-bar entry to be the checked one' });
  await screenshot('landing');
}
