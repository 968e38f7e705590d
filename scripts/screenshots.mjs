// Regenerates the README's screenshots from a real code-server session on a copy of examples/genre-tagger:
//   docs/images/phases-tree.png  the ML Project sidebar (Phases, Pitfalls, Runs)
//   docs/images/problems.png     the plan open beside the Problems panel
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
const workspace = copyToTemp(path.join(REPO_ROOT, 'examples/genre-tagger'));
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
  const row = (text) => page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
  await row('Deliver').waitFor();
  await row('Hand tuning').waitFor();
  // Let the codicons settle and the activity bar's hover tooltip go away, then capture the sidebar alone.
  await page.locator('.part.sidebar .codicon-pass-filled').first().waitFor();
  await page.mouse.move(900, 700);
  await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden' });
  await page.locator('.part.sidebar').screenshot({ path: path.join(outDir, 'phases-tree.png') });

  // The plan in the editor, the Problems panel below it.
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').first().fill('.mlproject.yaml');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: '.mlproject.yaml' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.view-lines', { hasText: 'Genre tagger' }).first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'tuning-before-baseline' }).first().waitFor();
  await page.screenshot({ path: path.join(outDir, 'problems.png') });
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'phases-tree.png'))} and problems.png`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
}
