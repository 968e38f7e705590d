// A multi-root workspace: a .code-workspace written at test time next to temp copies of examples/genre-tagger and
// examples/in-trouble, opened with code-server's `?workspace=`. The Phases tree has one folder node per project,
// each with its own phases and progress; the Runs view groups runs by project; both plans get their diagnostics
// (the genre-tagger copy is given a misspelt step so that it has one); the status bar follows the active editor's
// project.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../../scripts/editor/codeServer.mjs';

// The runner copies examples/ (both projects) to a temp folder; prepare() writes the .code-workspace there, and the
// runner opens it (`?workspace=`) instead of the folder.
export const workspace = 'examples';
export const timeout = 150_000;

const PHASES = '.pane-body:has(.monaco-list[aria-label*="Phases"])';

/** The rendered rows of a tree, in display order: { index, level, text }. */
async function treeRows(page, scope) {
  const rows = await page.locator(`${scope} .monaco-list-row`).evaluateAll((els) => els.map((e) => ({
    index: Number(e.getAttribute('data-index')), level: Number(e.getAttribute('aria-level')), text: e.textContent.replace(/\s+/g, ' ').trim(),
  })));
  return rows.sort((a, b) => a.index - b.index);
}

/** The rows under a level-1 folder row whose text starts with `name`, up to the next level-1 row. */
function under(rows, name) {
  const start = rows.findIndex((r) => r.level === 1 && r.text.startsWith(name));
  if (start < 0) return undefined;
  const end = rows.findIndex((r, i) => i > start && r.level === 1);
  return { folder: rows[start], children: rows.slice(start + 1, end < 0 ? rows.length : end) };
}

async function statusBar(page) {
  return (await page.locator('.statusbar-item').allInnerTexts()).join(' | ').replace(/\s+/g, ' ');
}

async function expectStatus(page, has, hasNot) {
  await waitFor(async () => {
    const s = await statusBar(page);
    return s.includes(has) && !s.includes(hasNot);
  }, { ms: 20_000, what: `the status bar to show "${has}" and not "${hasNot}" (it reads: ${await statusBar(page)})` });
}

/** Waits until the active editor is the plan of `folder` (its breadcrumbs start with the folder's name). */
async function activePlanOf(page, folder, timeout = 30_000) {
  await page.locator('.editor-group-container.active .breadcrumbs-control', { hasText: folder }).filter({ hasText: '.mlproject.yaml' }).first().waitFor({ timeout });
}

async function collapsePane(page, title) {
  const header = page.locator('.pane-header', { hasText: title }).first();
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  await waitFor(async () => (await header.getAttribute('aria-expanded')) === 'false', { what: `the ${title} pane to collapse` });
}

/** Called by the runner before the page loads: writes the .code-workspace that it opens instead of the folder. */
export async function prepare(examples) {
  const genre = path.join(examples, 'genre-tagger');
  const trouble = path.join(examples, 'in-trouble');
  // A misspelt step in the genre-tagger copy gives that (otherwise clean) plan a diagnostic of its own.
  const genrePlan = path.join(genre, '.mlproject.yaml');
  const text = fs.readFileSync(genrePlan, 'utf8');
  const typo = text.replace('    reality-check: in-progress\n', '    reality-check: in-progress\n    evalution: todo\n');
  if (typo === text) throw new Error('examples/genre-tagger changed: no `reality-check: in-progress` line');
  fs.writeFileSync(genrePlan, typo);
  const file = path.join(path.dirname(examples), 'multi-root.code-workspace'); // in the runner's temp folder
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: genre }, { path: trouble }], settings: {} }, null, 2));
  return file;
}

export default async function ({ page, url, screenshot }) {
  if (!new URL(url).searchParams.get('workspace')?.endsWith('multi-root.code-workspace')) throw new Error(`opened ${url}, not the .code-workspace`);
  await page.locator('.activitybar [aria-label^="ML Project"]').first().click();
  await page.locator(`${PHASES} .monaco-list-row`, { hasText: 'in-trouble' }).first().waitFor({ timeout: 60_000 });

  // Runs: one node per project, with its own count.
  const runsPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Runs' }) }).first();
  await runsPane.locator('.monaco-list-row', { hasText: 'Genre tagger' }).filter({ hasText: '10 runs' }).first().waitFor();
  await runsPane.locator('.monaco-list-row', { hasText: 'Churn predictor' }).filter({ hasText: '0 runs' }).first().waitFor();

  // Phases: give the tree the whole side bar, so that both projects' rows are rendered.
  await collapsePane(page, 'Pitfalls');
  await collapsePane(page, 'Runs');
  let rows = [];
  let g, t;
  try {
    await waitFor(async () => {
      rows = await treeRows(page, PHASES);
      g = under(rows, 'genre-tagger');
      t = under(rows, 'in-trouble');
      return g && t && t.children.some((r) => r.text.startsWith('Project brief'));
    }, { ms: 20_000, what: 'both projects\' rows in the Phases tree' });
  } catch (e) {
    throw new Error(`${e.message}\n${rows.map((r) => `${'  '.repeat(r.level)}${r.text}`).join('\n')}`);
  }
  const dump = () => rows.map((r) => `${'  '.repeat(r.level)}${r.text}`).join('\n');
  const expectChild = (group, name, label, ...parts) => {
    const row = group.children.find((r) => r.text.startsWith(label) && parts.every((p) => r.text.includes(p)));
    if (!row) throw new Error(`${name}: no row "${label}" containing ${parts.join(', ')}:\n${dump()}`);
    return row;
  };
  if (g.folder.index > t.folder.index) throw new Error(`the folders are not in workspace order:\n${dump()}`);
  if (!g.folder.text.includes('11/17')) throw new Error(`genre-tagger's folder row: ${g.folder.text}`);
  if (!t.folder.text.includes('4/16')) throw new Error(`in-trouble's folder row: ${t.folder.text}`);
  for (const [group, name] of [[g, 'genre-tagger'], [t, 'in-trouble']]) {
    expectChild(group, name, 'Design');
    expectChild(group, name, 'Deployment');
  }
  expectChild(g, 'genre-tagger', 'Deliver', '1/4', 'current');
  expectChild(g, 'genre-tagger', 'Discover', '3/3');
  expectChild(g, 'genre-tagger', 'Evaluation against baseline and targets');
  expectChild(t, 'in-trouble', 'Discover', '2/3', 'current');
  expectChild(t, 'in-trouble', 'Project brief', 'skipped');
  if (t.children.some((r) => r.text.startsWith('Evaluation against'))) throw new Error(`in-trouble shows genre-tagger's steps:\n${dump()}`);
  await screenshot('phases-multi-root');

  // Diagnostics on both plans: the Problems panel has a group per plan; each misspelt step is reported in its own.
  await page.keyboard.press('Control+Shift+M');
  const markers = '.markers-panel';
  const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
  await filter.waitFor();
  await filter.fill('unknown-step');
  await waitFor(async () => {
    const r = await treeRows(page, markers);
    const plans = r.filter((x) => x.level === 1 && x.text.includes('.mlproject.yaml'));
    const inGenre = under(r, plans.find((x) => x.text.includes('genre-tagger'))?.text ?? '\0');
    const inTrouble = under(r, plans.find((x) => x.text.includes('in-trouble'))?.text ?? '\0');
    return inGenre?.children.some((x) => x.text.includes('evalution')) && inTrouble?.children.some((x) => x.text.includes('literature-reveiw'));
  }, { ms: 30_000, what: 'unknown-step problems under both plans in the Problems panel' });
  await screenshot('problems-multi-root');
  await filter.fill('');

  // The status bar: with no editor, the first project; then the active editor's project.
  await expectStatus(page, 'Deliver 1/4', 'Discover 2/3');
  // Clicking a step reveals it in its own plan. The tree re-renders when a plan is (re)checked, e.g. right after it
  // opened; a click whose mousedown and mouseup land on different renderings of the row selects it without opening
  // it, so the click is repeated (at most three times) until the plan is the active editor.
  const revealFrom = async (project, label) => {
    for (let attempt = 1; ; attempt++) {
      rows = await treeRows(page, PHASES);
      const row = under(rows, project)?.children.find((r) => r.text.startsWith(label));
      if (!row) throw new Error(`no "${label}" under ${project}:\n${dump()}`);
      await page.locator(`${PHASES} .monaco-list-row[data-index="${row.index}"]`).click();
      try {
        await activePlanOf(page, project, attempt < 3 ? 5_000 : 30_000);
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
        console.log(`     multiRoot: click ${attempt} on "${label}" did not open the ${project} plan; clicking again`);
      }
    }
  };
  await revealFrom('in-trouble', 'Project brief');
  await expectStatus(page, 'Discover 2/3', 'Deliver 1/4');
  await revealFrom('genre-tagger', 'Evaluation against baseline and targets');
  await expectStatus(page, 'Deliver 1/4', 'Discover 2/3');
  // back to the other tab: the status bar follows
  await page.locator('.tabs-container .tab', { hasText: '.mlproject.yaml' }).filter({ hasText: 'in-trouble' }).first().click();
  await activePlanOf(page, 'in-trouble');
  await expectStatus(page, 'Discover 2/3', 'Deliver 1/4');
  await screenshot('status-bar-follows-editor');
}
