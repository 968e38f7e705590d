// Driving the workbench as a user does, shared by the UI tests and the screenshots: the Command Palette (F1, the
// command's title, Enter) and the content of the webview in front.

/**
 * Runs `title` from the Command Palette and returns its input box (a command that asks something reuses it).
 * The palette closes whenever something else takes the focus: right after an editor such as the Welcome page or the
 * plan the extension opens on its first activation comes to the front, F1 can land before that editor takes the
 * focus, or the palette can close between being shown and being typed into. Each step before Enter is retried from
 * the start, a few times (the active tab is clicked first, so the key reaches the workbench); Enter is pressed once,
 * only while the command's row is showing.
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input').first();
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 0; ; attempt++) {
    try {
      if (!(await input.isVisible())) {
        if (attempt > 0) await page.locator('.tabs-container .tab.active').first().click({ timeout: 2_000 }).catch(() => {});
        await page.keyboard.press('F1');
        await input.waitFor({ timeout: 5_000 });
      }
      await input.fill(`>${title}`, { timeout: 5_000 });
      await row.waitFor({ timeout: 5_000 });
      if (!(await input.isVisible())) throw new Error('the Command Palette closed before Enter');
      await page.keyboard.press('Enter');
      return input;
    } catch (error) {
      if (attempt >= 5) throw new Error(`could not run "${title}" from the Command Palette: ${error.message}`);
    }
  }
}

/**
 * The document inside the webview that is showing (a webview's iframes sit in an overlay above the editors, not in
 * the editor group, and hidden ones stay in the page): the frame to locate its elements in.
 */
export function visibleWebview(page) {
  return page.locator('iframe.webview.ready').filter({ visible: true }).first().contentFrame().locator('#active-frame').contentFrame();
}
