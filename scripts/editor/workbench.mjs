// Driving the workbench as a user does, shared by the UI tests and the screenshots: the Command Palette (F1, the
// command's title, Enter) and the content of the webview in front.

/**
 * Runs `title` from the Command Palette and returns its input box (a command that asks something reuses it). Right
 * after an editor such as the Welcome page opens, F1 can land before that editor takes the focus: the active tab is
 * clicked and the key pressed again, a few times.
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input').first();
  for (let attempt = 0; attempt < 4 && !(await input.isVisible()); attempt++) {
    if (attempt > 0) await page.locator('.tabs-container .tab.active').first().click().catch(() => {});
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 5_000 }).catch(() => {});
  }
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  return input;
}

/**
 * The document inside the webview that is showing (a webview's iframes sit in an overlay above the editors, not in
 * the editor group, and hidden ones stay in the page): the frame to locate its elements in.
 */
export function visibleWebview(page) {
  return page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().locator('#active-frame').contentFrame();
}
