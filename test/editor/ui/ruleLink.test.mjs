// A rule code in the Problems panel is a link to that rule's section: clicking `runway` (examples/in-trouble's
// runway is past) opens docs/rules.md shipped in the extension with the `runway` heading on screen and the cursor on
// it, not at line 1.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, waitFor } from '../../../scripts/editor/codeServer.mjs';

export const workspace = 'examples/in-trouble';

const CODE = 'runway';

export default async function ({ page, screenshot }) {
  const heading = `### \`${CODE}\``;
  const line = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8').split('\n').indexOf(heading) + 1;
  if (line < 40) throw new Error(`the ${CODE} heading is on line ${line}: too near the top to tell a landing from line 1`);

  await page.keyboard.press('Control+Shift+M');
  const markers = '.markers-panel';
  const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
  await page.locator(`${markers} .monaco-list-row`, { hasText: CODE }).first().waitFor();
  await filter.fill(CODE);
  const link = page.locator(`${markers} .monaco-list-row a.monaco-link`, { hasText: CODE }).first();
  await link.waitFor();
  await screenshot('problems-runway');
  await link.click();

  await page.locator('.tabs-container .tab.active', { hasText: 'rules.md' }).first().waitFor();
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  await waitFor(async () => (await lines.innerText()).replace(/\u00a0/g, " ").includes(heading), { ms: 20_000, what: `the ${CODE} heading on screen` });
  const status = page.locator('.statusbar-item[id="status.editor.selection"]').first();
  await waitFor(async () => (await status.innerText()).includes(`Ln ${line},`), { ms: 10_000, what: `the cursor on line ${line}` });
  await screenshot('rules-at-runway');
}
