// The ML Project walkthrough on examples/genre-tagger, a project already past every step the walkthrough names.
// It opens with "ML Project: Open Walkthrough" while VS Code's own walkthrough is in front (VS Code 1.100's
// openWalkthrough alone does nothing then), and from the Get Started list; its
// four steps show as done because the project's real state says so, not because a command was run.
import { runCommand as palette } from '../../../scripts/editor/workbench.mjs';

const OURS = 'Design an ML model without the classic pitfalls';
const OTHER = 'Get Started with VS Code for the Web';

/** "Welcome: Open Walkthrough…", then the walkthrough titled `title` in its picker. */
async function pickWalkthrough(page, title) {
  await palette(page, 'Welcome: Open Walkthrough...');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });
}

/** The walkthrough whose details the Welcome editor shows. */
const shown = (page, title) => page.locator('.gettingStartedSlideDetails h2.category-title', { hasText: title }).first();

export default async function ({ page, screenshot }) {
  // The project is checked (its tree is filled) before anything else.
  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  await page.locator('.pane-body .monaco-list-row', { hasText: 'Deliver' }).first().waitFor();

  // 1. VS Code's own walkthrough in front, then ML Project: Open Walkthrough.
  await pickWalkthrough(page, OTHER);
  await shown(page, OTHER).waitFor();
  await palette(page, 'ML Project: Open Walkthrough');
  await shown(page, OURS).waitFor();
  // Every step is done on this project: the plan, the brief, three candidates, a recorded baseline run.
  for (const step of ['createPlan', 'writeBrief', 'literatureAndCandidates', 'runBaseline']) {
    await page.locator(`button.getting-started-step[data-step-id$="${step}"][aria-checked="true"]`).first().waitFor({ timeout: 15_000 })
      .catch(() => { throw new Error(`the walkthrough step ${step} is not ticked`); });
  }
  // The step descriptions carry no literal backticks.
  const descriptions = await page.locator('.gettingStartedSlideDetails .step-description-container').allInnerTexts();
  if (descriptions.some((d) => d.includes('`'))) throw new Error(`a step description shows a backtick: ${JSON.stringify(descriptions)}`);
  await screenshot('walkthrough-ticked');

  // 2. Get Started: back to the list of walkthroughs (from VS Code's own, again in front), then ours in the list.
  await palette(page, 'Welcome: Go Back');
  await pickWalkthrough(page, OTHER);
  await shown(page, OTHER).waitFor();
  await palette(page, 'Welcome: Go Back');
  const entry = page.locator('.gettingStartedSlideCategories button.getting-started-category', { hasText: OURS }).first();
  await entry.waitFor();
  await entry.click();
  await shown(page, OURS).waitFor();

  await screenshot('walkthrough-from-get-started');
}
