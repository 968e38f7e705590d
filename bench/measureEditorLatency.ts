// Keystroke → squiggle in the real editor: code-server (VS Code 1.100.3) with the newest .vsix installed and a copy of
// examples/genre-tagger open, driven by Debian chromium through scripts/editor/codeServer.mjs. At the end of the line
// `evaluation: todo` of the plan, typing "x" makes the status invalid (an error squiggle appears) and Backspace makes
// it valid again (the squiggle goes). The page itself timestamps each keydown (a capture listener on window) and
// the first DOM mutation after it that changes the number of error squiggles in the editor (a MutationObserver), so
// the figure holds the whole path: the key event, the document change sent to the extension host, the adaptive
// delay (none here: keys 400 ms apart are each checked at once), the check, the diagnostics sent back, and the
// decoration rendered; not the CDP round trip of the driver.
//   node --import tsx bench/measureEditorLatency.ts [rounds]     (alone; MLPROJECT_VSIX=file.vsix picks the VSIX)
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './engines';
import { summarise, type Summary } from './stats';

export interface EditorLatencyResult {
  available: boolean;
  note?: string;
  vsix?: string;
  /** every keystroke → squiggle change, appear and disappear interleaved */
  samples: number[];
  summary?: Summary;
  appear?: Summary;
  disappear?: Summary;
  /** 1-minute load average before and after */
  load?: [number, number];
  /** lines of the example plan */
  planLines?: number;
}

const LINE_TEXT = '    evaluation: todo';
const EXAMPLE = path.join(REPO_ROOT, 'examples/genre-tagger');

/** The page-side probe: the time from the latest keydown to the first change in the number of error squiggles. */
const PROBE = `(() => {
  const count = () => document.querySelectorAll('.monaco-editor .squiggly-error').length;
  const probe = { t0: 0, base: 0, ms: null };
  window.__mlpLatency = probe;
  window.addEventListener('keydown', () => { probe.t0 = performance.now(); probe.base = count(); probe.ms = null; }, true);
  new MutationObserver(() => {
    if (probe.t0 && probe.ms === null && count() !== probe.base) probe.ms = performance.now() - probe.t0;
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
})()`;

export async function benchEditorLatency(rounds = 20): Promise<EditorLatencyResult> {
  const cs = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts/editor/codeServer.mjs')).href);
  if (!existsSync(cs.CODE_SERVER_ENTRY)) return { available: false, samples: [], note: 'code-server is not installed (bash scripts/editor/install-code-server.sh)' };
  if (!existsSync(cs.CHROMIUM)) return { available: false, samples: [], note: `no browser at ${cs.CHROMIUM}` };
  const vsix: string | undefined = process.env.MLPROJECT_VSIX ? path.resolve(process.env.MLPROJECT_VSIX) : cs.findNewestVsix(REPO_ROOT);
  if (!vsix) return { available: false, samples: [], note: 'no .vsix (npm run package)' };
  const lines = readFileSync(path.join(EXAMPLE, '.mlproject.yaml'), 'utf8').split('\n');
  const line = lines.indexOf(LINE_TEXT) + 1;
  if (line === 0) return { available: false, samples: [], note: `examples/genre-tagger/.mlproject.yaml has no line "${LINE_TEXT.trim()}"` };

  const workspace: string = cs.copyToTemp(EXAMPLE, 'mlp-bench-editor-');
  const loadBefore = os.loadavg()[0];
  let server: any;
  let browser: any;
  try {
    server = await cs.startCodeServer({ workspace, vsix, settings: { ...cs.START_SETTINGS, 'workbench.tips.enabled': false } });
    browser = await cs.launchBrowser();
    const page = browser.page;
    page.setDefaultTimeout(60_000);
    await page.goto(server.url);
    await cs.waitForWorkbench(page);
    // The extension opens the plan on its first activation; an older build does not: then open it by hand.
    const planTab = page.locator('.tabs-container .tab.active', { hasText: '.mlproject.yaml' }).first();
    if (!(await planTab.waitFor({ timeout: 20_000 }).then(() => true, () => false))) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').first().fill('.mlproject.yaml');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '.mlproject.yaml' }).first().waitFor();
      await page.keyboard.press('Enter');
      await planTab.waitFor();
    }
    // The plan is checked once the status bar shows its phase.
    await page.locator('.statusbar-item', { hasText: 'Deliver' }).first().waitFor();
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').first().fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.evaluate(PROBE);

    const appear: number[] = [];
    const disappear: number[] = [];
    const samples: number[] = [];
    const measure = async (key: string, into: number[]): Promise<void> => {
      await page.keyboard.press(key);
      const ms: number = await page.waitForFunction(() => (globalThis as any).__mlpLatency.ms, undefined, { timeout: 10_000, polling: 20 })
        .then((h: any) => h.jsonValue())
        .catch(() => { throw new Error(`no squiggle change within 10 s after "${key}"`); });
      into.push(ms);
      samples.push(ms);
      await page.waitForTimeout(400); // let the editor and the extension settle before the next key
    };
    for (let i = 0; i < 2; i++) { await measure('x', []); await measure('Backspace', []); } // warm-up
    samples.length = 0;
    for (let i = 0; i < rounds; i++) {
      await measure('x', appear);
      await measure('Backspace', disappear);
    }
    return {
      available: true, vsix: path.basename(vsix), samples, summary: summarise(samples), appear: summarise(appear), disappear: summarise(disappear),
      load: [loadBefore, os.loadavg()[0]], planLines: lines.length - (lines[lines.length - 1] === '' ? 1 : 0),
    };
  } catch (e) {
    return { available: false, samples: [], note: `editor latency not measured: ${(e as Error).message.split('\n')[0]}` };
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchEditorLatency(Number(process.argv[2] ?? 20)).then((r) => {
    const f = (s?: Summary): string => (s ? `${s.median.toFixed(1)} ms (IQR ${s.p25.toFixed(1)}–${s.p75.toFixed(1)}, n=${s.n})` : 'n/a');
    process.stdout.write(r.available
      ? `${r.vsix}: keystroke → squiggle median ${f(r.summary)}; appear ${f(r.appear)}; disappear ${f(r.disappear)}; load ${r.load!.map((l) => l.toFixed(2)).join(' → ')}\n`
      : `${r.note}\n`);
  });
}
