// An empty folder: the Phases view's welcome content links to the walkthrough. The link opens it even while VS Code's
// own walkthrough is in front, and on a folder without a plan no step is shown as done.
import { runCommand } from '../../../scripts/editor/workbench.mjs';
export const workspace = 'test/editor/fixtures/empty';

const OURS = 'Design an ML model without the classic pitfalls';

export default async function ({ page, screenshot }) {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with VS Code for the Web' }).first().click();
  await page.locator('.gettingStartedSlideDetails h2.category-title', { hasText: 'Get Started with VS Code for the Web' }).first().waitFor();

  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  const welcome = page.locator('.welcome-view-content', { hasText: 'No .mlproject.yaml in this workspace yet' }).first();
  await welcome.waitFor();
  await welcome.locator('a', { hasText: 'walkthrough' }).first().click();
  await page.locator('.gettingStartedSlideDetails h2.category-title', { hasText: OURS }).first().waitFor();
  await page.locator('button.getting-started-step[data-step-id$="createPlan"]').first().waitFor();
  const ticked = await page.locator('button.getting-started-step[aria-checked="true"]').count();
  if (ticked !== 0) throw new Error(`${ticked} step(s) shown done on a folder without a plan`);
  await screenshot('walkthrough-from-welcome-view');
}
