// Regenerates the README's screenshots from real code-server sessions on copies of the examples:
//   docs/images/phases-tree.png  the ML Project sidebar (Phases, Pitfalls, Runs) on examples/genre-tagger
//   docs/images/dashboard.png    the runs dashboard of examples/genre-tagger: which candidate is best, per metric
//   docs/images/problems.png     examples/in-trouble's plan beside the Problems panel
// Usage: npm run package && node scripts/screenshots.mjs [--vsix FILE]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT, copyToTemp, findNewestVsix, installCodeServer, launchBrowser, startCodeServer, waitForWorkbench,
} from './editor/codeServer.mjs';

const { values: opt } = parseArgs({ options: { vsix: { type: 'string' } } });
const vsix = opt.vsix ? path.resolve(opt.vsix) : findNewestVsix(REPO_ROOT);
if (!vsix) {
  console.error('No VSIX in the repo root: run `npm run package` first.');
  process.exit(1);
}
const outDir = path.join(REPO_ROOT, 'docs/images');
fs.mkdirSync(outDir, { recursive: true });

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
    await shoot(page);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}

const row = (page, text) => page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

// A healthy project in Deliver: the sidebar with its phases, evidence and recorded runs.
await session('genre-tagger', async (page) => {
  await row(page, 'Deliver').waitFor();
  await row(page, 'Hand tuning').waitFor();
  await row(page, 'tuning: twice the epochs').waitFor();
  // Let the codicons settle and the activity bar's hover tooltip go away, then capture the sidebar alone.
  await page.locator('.part.sidebar .codicon-pass-filled').first().waitFor();
  await page.mouse.move(900, 700);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden' });
  await page.locator('.part.sidebar').screenshot({ path: path.join(outDir, 'phases-tree.png') });

  // The dashboard: per metric, the candidates best first (mean, 95% interval, runs, the baseline's band, the target,
  // the verdict vs the baseline), then every metric over the runs by run order.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').first().fill('>ML Project: Open Dashboard');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ML Project: Open Dashboard' }).first().waitFor();
  await page.keyboard.press('Enter');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('section.comparison .uplot').first().waitFor();
  await frame.locator('section.best tr', { hasText: 'logreg' }).first().waitFor();
  await page.mouse.move(20, 740);
  await page.screenshot({ path: path.join(outDir, 'dashboard.png') });
});

// A project in trouble: the plan in the editor, the pitfalls in the Problems panel below it.
await session('in-trouble', async (page) => {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').first().fill('.mlproject.yaml');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: '.mlproject.yaml' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.view-lines', { hasText: 'Churn predictor' }).first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'no-project-lead' }).first().waitFor();
  await row(page, 'Pitfall 4: Metric misalignment').waitFor();
  // Dismiss the activity bar's tooltip: click an empty spot of the editor, then rest the mouse there.
  await page.mouse.click(1100, 460);
  await page.mouse.move(1100, 460);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden' });
  await page.screenshot({ path: path.join(outDir, 'problems.png') });
});
console.log('wrote docs/images/phases-tree.png, dashboard.png and problems.png');
