// A rule code in the Problems panel is a link to that rule's section: clicking `runway` (examples/in-trouble's
// runway is past) opens docs/rules.md shipped in the extension rendered (VS Code's Markdown preview), scrolled so the
// `runway` heading is at the top, not at the page's start. From the Command Palette, Show Rule Documentation asks
// which rule and lands the same way.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, waitFor } from '../../../scripts/editor/codeServer.mjs';
import { runCommand, visibleWebview } from '../../../scripts/editor/workbench.mjs';

export const workspace = 'examples/in-trouble';

const CODE = 'runway';

/** The heading's top relative to the top of the preview's viewport, in CSS pixels, or undefined before it renders. */
async function headingTop(frame, id) {
  const heading = frame.locator(`[id="${id}"]`).first();
  if (!(await heading.count())) return undefined;
  return heading.evaluate((el) => el.getBoundingClientRect().top);
}

async function expectPreviewAt(page, id, what) {
  await page.locator('.tabs-container .tab.active', { hasText: 'Preview rules.md' }).first().waitFor();
  const frame = visibleWebview(page);
  await frame.locator('h1', { hasText: 'Rules' }).first().waitFor({ timeout: 30_000 });
  // scrolled to the heading: it sits near the top of the viewport (the page starts with a much longer intro)
  await waitFor(async () => {
    const top = await headingTop(frame, id);
    return top !== undefined && top >= -5 && top < 120;
  }, { ms: 20_000, what: `${what}: the ${id} heading at the top of the rendered page` });
}

export default async function ({ page, screenshot }) {
  const heading = `### \`${CODE}\``;
  const line = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8').split('\n').indexOf(heading) + 1;
  if (line < 40) throw new Error(`the ${CODE} heading is on line ${line}: too near the top to tell a landing from the page's start`);

  await page.keyboard.press('Control+Shift+M');
  const markers = '.markers-panel';
  const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
  await page.locator(`${markers} .monaco-list-row`, { hasText: CODE }).first().waitFor();
  await filter.fill(CODE);
  const link = page.locator(`${markers} .monaco-list-row a.monaco-link`, { hasText: CODE }).first();
  await link.waitFor();
  await screenshot('problems-runway');
  await link.click();
  await expectPreviewAt(page, CODE, 'the Problems link');
  await screenshot('rules-at-runway');

  // the palette: the rule picker, then the same page at another rule
  await runCommand(page, 'ML Project: Show Rule Documentation');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor();
  await input.fill('no-baseline');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'no-baseline' }).first().waitFor();
  await page.keyboard.press('Enter');
  await expectPreviewAt(page, 'no-baseline', 'the palette');
}
