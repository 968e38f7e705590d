// Regenerates the README's screenshots from real code-server sessions on copies of the examples:
//   docs/images/phases-tree.png   the ML Project sidebar (Phases, Pitfalls, Runs) on examples/genre-tagger
//   docs/images/runs-grouped.png  its Runs view grouped by candidate: n, mean ± 95% interval, verdict vs the baseline
//   docs/images/completion.png    completion without the Red Hat YAML extension: candidate ids at decision.chosen
//   docs/images/commands.png      the ML Project commands in the Command Palette
//   docs/images/walkthrough.png   the walkthrough, its steps ticked from the project's real state
//   docs/images/dashboard.png     the runs dashboard: which candidate is best, per metric
//   docs/images/problems.png      examples/in-trouble's plan beside the Problems panel
//   docs/images/rule-docs.png     a rule code's link followed: the rules page rendered at that rule
// Usage: npm run package && node scripts/screenshots.mjs [--vsix FILE]
// test/unit/docs/readmeImages.test.ts checks that every image the README shows is listed here.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT, copyToTemp, findNewestVsix, installCodeServer, launchBrowser, startCodeServer, waitFor, waitForWorkbench,
} from './editor/codeServer.mjs';
import { runCommand, visibleWebview } from './editor/workbench.mjs';

const { values: opt } = parseArgs({ options: { vsix: { type: 'string' } } });
const vsix = opt.vsix ? path.resolve(opt.vsix) : findNewestVsix(REPO_ROOT);
if (!vsix) {
  console.error('No VSIX in the repo root: run `npm run package` first.');
  process.exit(1);
}
const outDir = path.join(REPO_ROOT, 'docs/images');
fs.mkdirSync(outDir, { recursive: true });
const written = [];
const shot = async (target, name) => {
  await target.screenshot({ path: path.join(outDir, name) });
  written.push(name);
};

installCodeServer();

/** Opens a copy of an example in a fresh code-server + browser, runs `shoot(page)`, and cleans up. */
async function session(example, shoot) {
  const workspace = copyToTemp(path.join(REPO_ROOT, 'examples', example));
  const server = await startCodeServer({
    workspace, vsix,
    settings: { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.colorTheme': 'Default Light Modern' },
  });
  const browser = await launchBrowser({ viewport: { width: 1280, height: 760 } });
  try {
    const { page } = browser;
    page.setDefaultTimeout(30_000);
    await page.goto(server.url);
    await waitForWorkbench(page);
    await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
    await page.mouse.move(1100, 460); // off the icon at once, so its tooltip never shows
    await widenSidebar(page, 420);
    await shoot(page);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}

const row = (page, text) => page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

/** Rests the mouse on an empty spot and waits for any tooltip to go. */
async function noHover(page, x = 900, y = 700) {
  await page.mouse.move(x, y);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden' });
}

/** Drags the sash at the sidebar's right edge so the sidebar is `width` pixels wide (its rows are not cut). */
async function widenSidebar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(1100, 460);
}

/** Brings the plan to the front (the first activation opens it; else Quick Open) and waits for its text. */
async function openPlan(page, text) {
  const tab = page.locator('.tabs-container .tab', { hasText: '.mlproject.yaml' }).first();
  if (await tab.waitFor({ timeout: 15_000 }).then(() => true, () => false)) {
    await tab.click();
    await page.locator('.view-lines', { hasText: text }).first().waitFor();
    return;
  }
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').first().fill('.mlproject.yaml');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: '.mlproject.yaml' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.view-lines', { hasText: text }).first().waitFor();
}

// A healthy project in Deliver.
await session('genre-tagger', async (page) => {
  // The sidebar with its phases, evidence and recorded runs (a filled ✓ met every target, an outlined one missed one).
  await row(page, 'Deliver').waitFor();
  await row(page, 'Hand tuning').waitFor();
  await row(page, 'tuning: twice the epochs').waitFor();
  await page.locator('.part.sidebar .codicon-pass-filled').first().waitFor();
  await noHover(page);
  await shot(page.locator('.part.sidebar'), 'phases-tree.png');

  // The commands in the palette.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').first().fill('>ML Project: ');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Configure Evaluation' }).first().waitFor();
  await noHover(page, 1200, 740);
  await shot(page, 'commands.png');
  await page.keyboard.press('Escape');

  // The Runs view grouped by candidate, with the Phases and Pitfalls panes collapsed so the groups have the room.
  await runCommand(page, 'ML Project: Group Runs by Candidate');
  await waitFor(async () => /n=\d+ · macro_f1 [\d.]+ ± [\d.]+/.test(await row(page, 'knn').innerText()), { ms: 15_000, what: 'knn grouped' });
  const panes = ['Phases', 'Pitfalls'].map((title) => page.locator('.part.sidebar .pane-header', { hasText: title }).first());
  for (const header of panes) if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  await noHover(page);
  await shot(page.locator('.part.sidebar'), 'runs-grouped.png');
  await runCommand(page, 'ML Project: Show Runs as a List');
  for (const header of panes) if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();

  // Completion from the plan's own schema and content: at decision.chosen, the candidate ids.
  await openPlan(page, 'Genre tagger');
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').first().fill(':75');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  for (let i = 0; i < 'cnn'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget .monaco-list-row', { hasText: 'logreg' }).first().waitFor();
  await page.keyboard.press('Control+Space'); // the details of the selected item beside the list
  await noHover(page, 1200, 80);
  await shot(page, 'completion.png');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  await page.locator('.view-lines', { hasText: 'chosen: cnn' }).first().waitFor();

  // The walkthrough: every step ticked, since this project is past all of them.
  // (the sidebar hidden, so the page has the width to show the steps beside their media)
  await runCommand(page, 'ML Project: Open Walkthrough');
  await page.keyboard.press('Control+B');
  await page.locator('button.getting-started-step[data-step-id$="runBaseline"][aria-checked="true"]').first().waitFor();
  await noHover(page, 1200, 740);
  await shot(page, 'walkthrough.png');
  await page.keyboard.press('Control+B');
  await runCommand(page, 'View: Close All Editors');

  // The dashboard: per metric, the candidates best first (mean, 95% interval, runs, the baseline's band, the target,
  // the verdict vs the baseline), then every metric over the runs by run order.
  await runCommand(page, 'ML Project: Open Dashboard');
  const frame = visibleWebview(page);
  await frame.locator('section.comparison .uplot').first().waitFor();
  await frame.locator('section.best tr', { hasText: 'logreg' }).first().waitFor();
  await page.mouse.move(20, 740);
  await shot(page, 'dashboard.png');
});

// A project in trouble: the plan in the editor, the pitfalls in the Problems panel below it; then a rule's page.
await session('in-trouble', async (page) => {
  await openPlan(page, 'Churn predictor');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'no-project-lead' }).first().waitFor();
  await row(page, 'Pitfall 4: Metric misalignment').waitFor();
  // Dismiss the activity bar's tooltip: click an empty spot of the editor, then rest the mouse there.
  await page.mouse.click(1100, 460);
  await noHover(page, 1100, 460);
  await shot(page, 'problems.png');

  const link = page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'runway' }).first();
  await link.click();
  const preview = visibleWebview(page);
  await waitFor(async () => {
    const heading = preview.locator('[id="runway"]').first();
    return (await heading.count()) > 0 && (await heading.evaluate((el) => el.getBoundingClientRect().top)) < 120;
  }, { ms: 20_000, what: 'the runway section at the top of the rendered rules page' });
  await noHover(page, 1100, 300);
  await shot(page, 'rule-docs.png');
});
console.log(`wrote ${written.map((n) => `docs/images/${n}`).join(', ')}`);
