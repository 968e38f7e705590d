// The Runs view's row context menu on examples/genre-tagger's ten committed runs (a sweep of 3 seeds per candidate,
// all with one note, and one tuning run with a note of its own): "Open Metrics File" opens the tuning run's
// metrics.json; "Delete from History" asks in a modal dialog, Cancel keeps the run, Delete removes the row and
// exactly that run's line from .mlproject/runs.jsonl (its run folder stays).
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';

const KEEP = 'tuning: twice the epochs'; // the one run with this note: its metrics file is opened
const DELETE = KEEP; // then it is deleted (the sweep's rows all share one note)

/** Right-clicks `row` and runs `item` of its context menu (focused by the mouse, run with Enter: a click that comes
 * right after the menu opened is sometimes taken for the end of the right-click and ignored). */
async function contextMenu(page, row, item) {
  await page.mouse.move(1, 1); // the hover of the row clicked before can cover this one
  await row.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu').first();
  const entry = menu.locator('.action-item', { hasText: item }).first();
  await entry.waitFor();
  await entry.hover();
  await waitFor(async () => /\bfocused\b/.test((await entry.getAttribute('class')) ?? ''), { ms: 10_000, what: `"${item}" to be focused` });
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
}

export default async function ({ page, workspace, screenshot }) {
  const historyFile = path.join(workspace, '.mlproject', 'runs.jsonl');
  const original = fs.readFileSync(historyFile, 'utf8');
  const lines = original.trimEnd().split('\n');
  const runs = lines.map((l) => JSON.parse(l));
  if (runs.length !== 10) throw new Error(`expected the example's 10 committed runs, found ${runs.length}`);
  if (runs.filter((r) => r.note === KEEP).length !== 1) throw new Error(`expected one run with the note "${KEEP}"`);
  const kept = runs.find((r) => r.note === KEEP);
  const doomed = runs.find((r) => r.note === DELETE);

  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  const runsPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Runs' }) }).first();
  const rowOf = (note) => runsPane.locator('.monaco-list-row', { hasText: note });
  for (const r of runs) await rowOf(r.note).first().waitFor();

  // Open Metrics File: the run's own metrics.json opens in an editor.
  await contextMenu(page, rowOf(KEEP).first(), 'Open Metrics File');
  await page.locator('.tabs-container .tab.active', { hasText: 'metrics.json' }).first().waitFor();
  await page.locator('.breadcrumbs-control', { hasText: kept.id }).first().waitFor();
  const metrics = JSON.parse(fs.readFileSync(path.join(workspace, '.mlproject', 'runs', kept.id, 'metrics.json'), 'utf8'));
  await page.locator('.editor-group-container.active .view-lines', { hasText: String(metrics.macro_f1) }).first().waitFor();
  await screenshot('metrics-file');

  // Delete from History, cancelled: nothing changes.
  await contextMenu(page, rowOf(DELETE).first(), 'Delete from History');
  let dialog = page.locator('.monaco-dialog-box').first();
  await dialog.waitFor();
  const text = (await dialog.innerText()).replace(/\s+/g, ' ');
  if (!text.includes(`Delete run ${doomed.id} of ${doomed.candidate} from the run history?`)) throw new Error(`the dialog reads: ${text}`);
  if (!text.includes(DELETE)) throw new Error(`the dialog does not show the run's note: ${text}`);
  await screenshot('delete-confirmation');
  await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).first().click();
  await dialog.waitFor({ state: 'detached' });
  if (fs.readFileSync(historyFile, 'utf8') !== original) throw new Error('Cancel changed the history');
  await rowOf(DELETE).first().waitFor();

  // Delete from History, confirmed: the row goes, and exactly that line of the history.
  await contextMenu(page, rowOf(DELETE).first(), 'Delete from History');
  dialog = page.locator('.monaco-dialog-box').first();
  await dialog.waitFor();
  await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).first().click();
  await waitFor(async () => (await rowOf(DELETE).count()) === 0, { ms: 30_000, what: `the row "${DELETE}" to disappear` });
  const expected = lines.filter((l) => JSON.parse(l).id !== doomed.id).join('\n') + '\n';
  await waitFor(() => fs.readFileSync(historyFile, 'utf8') === expected, { ms: 10_000, what: 'the history without the deleted run' });
  for (const r of runs.filter((x) => x.id !== doomed.id)) await rowOf(r.note).first().waitFor();
  if (!fs.existsSync(path.join(workspace, '.mlproject', 'runs', doomed.id))) throw new Error('the run folder was removed too');
  await screenshot('deleted');
}
