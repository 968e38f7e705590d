// An empty folder: the Phases view shows its welcome content with the "Create .mlproject.yaml" button; the button
// asks for the project name and lead, writes the starter plan, and the tree appears.
export const workspace = 'test/editor/fixtures/empty';

export default async function ({ page, workspace: folder, screenshot }) {
  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  const welcome = page.locator('.welcome-view-content', { hasText: 'No .mlproject.yaml in this workspace yet' }).first();
  await welcome.waitFor();
  const button = welcome.locator('.monaco-button', { hasText: 'Create .mlproject.yaml' }).first();
  await button.waitFor();
  await screenshot('welcome');
  await button.click();

  const input = page.locator('.quick-input-widget input.input').first();
  await input.waitFor();
  const base = folder.split('/').pop();
  const value = await input.inputValue();
  if (value !== base) throw new Error(`the project name defaults to "${value}", expected the folder name "${base}"`);
  await input.fill('Churn model');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'Project lead' }).first().waitFor();
  await input.fill('Dana');
  await page.keyboard.press('Enter');

  // The plan opens in an editor and the tree replaces the welcome content.
  await page.locator('.tab', { hasText: '.mlproject.yaml' }).first().waitFor();
  await page.locator('.pane-body .monaco-list-row', { hasText: 'Discover' }).first().waitFor();
  await page.locator('.view-lines', { hasText: 'name: Churn model' }).first().waitFor();
}
