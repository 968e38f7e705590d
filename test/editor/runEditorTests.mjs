// Real-editor tests: code-server (VS Code 1.100.3) + Debian chromium, offline and headless.
//   host suite: mocha inside the extension host, repo loaded as the development extension
//               (out/test/editorHost/index.js, built by scripts/build-editor-tests.mjs); then a second pass with the
//               workspace not trusted, running only the suites titled "restricted mode …"
//   UI suite:   each test/editor/ui/*.test.mjs drives the workbench with the newest *.vsix installed,
//               in a fresh code-server + browser
// Usage: node test/editor/runEditorTests.mjs [--only host|ui] [--grep TEXT] [--ext DIR] [--vsix FILE]
//        [--workspace DIR] [--ui-dir DIR]
// Logs, browser consoles and screenshots go to test-results/editor/<test>/.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT, copyToTemp, findNewestVsix, installCodeServer, launchBrowser, startCodeServer, waitForWorkbench,
} from '../../scripts/editor/codeServer.mjs';
import { startSlurmCluster } from './slurmCluster.mjs';

const { values: opt } = parseArgs({ options: {
  only: { type: 'string' }, grep: { type: 'string' }, ext: { type: 'string' }, vsix: { type: 'string' },
  workspace: { type: 'string' }, 'ui-dir': { type: 'string' },
} });
const EXT_ROOT = path.resolve(opt.ext ?? REPO_ROOT);
// Workspace of the host suite and of UI tests without `export const workspace` (always opened as a temp copy).
const DEFAULT_WORKSPACE = path.resolve(opt.workspace ?? path.join(REPO_ROOT, 'examples/genre-tagger'));
const UI_DIR = path.resolve(opt['ui-dir'] ?? path.join(REPO_ROOT, 'test/editor/ui'));
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results/editor');
const HOST_DEADLINE_MS = 420_000; // whole host suite (the cluster suite waits on Slurm)
const UI_DEADLINE_MS = 120_000; // per UI test, unless the module exports `timeout`
// Quieter workbench for UI tests (no Welcome editor, no tips); a module can add `export const settings = {...}`.
// An activity-bar click always shows its view (the extension may have shown it already: a toggle would hide it).
const UI_SETTINGS = { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false,
  'workbench.activityBar.iconClickBehavior': 'focus' };

const results = [];
const cleanups = new Set(); // run on Ctrl-C too
function report(name, ok, ms, error) {
  results.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${ms == null ? '' : ` (${(ms / 1000).toFixed(1)} s)`}`);
  if (!ok && error) console.log(`     ${String(error).split('\n').join('\n     ')}`);
}

function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const slug = (s) => s.replace(/[^\w.-]+/g, '-');

/** Starts code-server + browser for one test, runs `body`, always cleans up. */
async function withEditor({ name, workspaceSrc, trust, vsix, settings, env }, body) {
  const dir = path.join(RESULTS_DIR, slug(name));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const workspace = copyToTemp(workspaceSrc); // tests may modify their workspace freely
  const wsRoot = path.dirname(workspace);
  let server, browser;
  const cleanup = async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(wsRoot, { recursive: true, force: true });
  };
  cleanups.add(cleanup);
  try {
    server = await startCodeServer({ workspace, trust, vsix, settings, env, logFile: path.join(dir, 'code-server.log') });
    browser = await launchBrowser();
    const consoleLog = fs.createWriteStream(path.join(dir, 'browser-console.log'));
    browser.page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    browser.page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
    browser.page.setDefaultTimeout(30_000);
    return await body({ server, page: browser.page, workspace, dir });
  } finally {
    await cleanup();
    cleanups.delete(cleanup);
  }
}

// The host suite's second pass runs only the suites whose title matches this, with the workspace not trusted.
const RESTRICTED_GREP = 'restricted mode';

async function runHostSuite({ trusted = true } = {}) {
  const name = trusted ? 'host' : 'host [restricted]';
  const index = path.join(EXT_ROOT, 'out/test/editorHost/index.js');
  if (!fs.existsSync(index)) {
    return report(`${name} suite`, false, null, `${index} missing: run node scripts/build-editor-tests.mjs`);
  }
  const main = JSON.parse(fs.readFileSync(path.join(EXT_ROOT, 'package.json'), 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(EXT_ROOT, main)) && !fs.existsSync(path.resolve(EXT_ROOT, `${main}.js`))) {
    return report(`${name} suite`, false, null, `${path.resolve(EXT_ROOT, main)} missing: build the extension first`);
  }
  const resultsFile = path.join(RESULTS_DIR, slug(name), 'results.json');
  const grep = trusted ? opt.grep : RESTRICTED_GREP;
  const t0 = Date.now();
  // the cluster suite's Slurm (trusted pass only: nothing is submitted in Restricted Mode)
  const cluster = trusted ? startSlurmCluster() : { skip: 'restricted pass' };
  if ('skip' in cluster && trusted && process.env.CI === 'true') report('host: Slurm test cluster', false, null, `CI=true and ${cluster.skip}`);
  const stopCluster = async () => cluster.stop?.(); // also on Ctrl-C
  if ('stop' in cluster) cleanups.add(stopCluster);
  const opts = {
    name, workspaceSrc: DEFAULT_WORKSPACE, trust: trusted,
    // code-server hands its environment to the extension host it forks, so this reaches index.ts.
    env: { MLPROJECT_TEST_RESULTS: resultsFile, ...(grep ? { MLPROJECT_TEST_GREP: grep } : {}),
      ...('env' in cluster ? cluster.env : { MLPROJECT_SLURM_SKIP: cluster.skip }) },
  };
  let exit;
  try {
    exit = await withEditor(opts, async ({ server, page }) => {
      // The test-electron model on the web: development extension + tests module, as vscode-remote URIs.
      const remote = (p) => `vscode-remote://${server.host}${p}`;
      const payload = [['extensionDevelopmentPath', remote(EXT_ROOT)], ['extensionTestsPath', remote(index)],
        ['skipWelcome', 'true']];
      // VS Code calls window.codeAutomationExit(code) when run() settles; it must exist before the page loads.
      let onExit;
      const exited = new Promise((r) => { onExit = r; });
      await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
      await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      const serverDied = server.exited.then(() => { throw new Error('code-server exited during the host suite'); });
      return await withDeadline(Promise.race([exited, serverDied]), HOST_DEADLINE_MS, 'host suite');
    });
  } catch (e) {
    return report(`${name} suite`, false, Date.now() - t0, `${e.message}\n(logs: ${path.dirname(resultsFile)})`);
  } finally {
    if ('stop' in cluster) {
      await stopCluster();
      cleanups.delete(stopCluster);
    }
  }
  if (!fs.existsSync(resultsFile)) {
    return report(`${name} suite`, false, Date.now() - t0,
      `exit code ${exit} but no results file; see ${path.dirname(resultsFile)}/browser-console.log`);
  }
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  for (const p of r.passes) report(`${name}: ${p.title}`, true, p.durationMs);
  for (const f of r.failures) report(`${name}: ${f.title}`, false, null, f.message.trim());
  if (exit !== 0 && r.failures.length === 0) report(`${name} suite`, false, null, `exit code ${exit}`);
  if (r.passes.length + r.failures.length === 0) report(`${name} suite`, false, null, 'no tests ran');
}

async function runUiTest(file, mod, trusted, vsix) {
  const name = `ui: ${path.basename(file, '.test.mjs')}${trusted ? '' : ' [restricted]'}`;
  const t0 = Date.now();
  let dir;
  try {
    await withEditor({
      name, trust: trusted, vsix, settings: { ...UI_SETTINGS, ...mod.settings },
      workspaceSrc: mod.workspace ? path.resolve(REPO_ROOT, mod.workspace) : DEFAULT_WORKSPACE,
    }, async ({ server, page, workspace, dir: d }) => {
      dir = d;
      // `export async function prepare(workspace)` may return a .code-workspace file to open instead of the folder
      // (it runs before the page loads; the file should live in the temp folder, next to the workspace copy).
      const workspaceFile = mod.prepare ? await mod.prepare(workspace) : undefined;
      const url = workspaceFile
        ? `${new URL(server.url).origin}/?workspace=${encodeURIComponent(workspaceFile).replace(/%2F/g, '/')}` : server.url;
      await page.goto(url);
      await waitForWorkbench(page);
      const screenshot = (shot) => page.screenshot({ path: path.join(dir, `${slug(shot)}.png`) });
      try {
        await withDeadline(mod.default({ page, workspace, url, trusted, screenshot }),
          mod.timeout ?? UI_DEADLINE_MS, name);
      } catch (e) {
        await screenshot('failure').catch(() => {});
        throw e;
      }
    });
    report(name, true, Date.now() - t0);
  } catch (e) {
    report(name, false, Date.now() - t0, `${e.message}${dir ? `\n(screenshot and logs: ${dir})` : ''}`);
  }
}

async function runUiSuite(vsix) {
  const files = fs.existsSync(UI_DIR) ? fs.readdirSync(UI_DIR).filter((f) => f.endsWith('.test.mjs')).sort() : [];
  for (const f of files) {
    if (opt.grep && !f.includes(opt.grep)) continue;
    const file = path.join(UI_DIR, f);
    const mod = await import(pathToFileURL(file).href);
    // `export const trust = false` runs the test in restricted mode only; 'both' runs it trusted and restricted.
    const modes = mod.trust === false ? [false] : mod.trust === 'both' ? [true, false] : [true];
    for (const trusted of modes) await runUiTest(file, mod, trusted, vsix);
  }
}

process.on('SIGINT', async () => {
  for (const c of cleanups) await c().catch(() => {});
  process.exit(130);
});

const suites = opt.only ? [opt.only] : ['host', 'ui'];
let vsix;
if (suites.includes('ui')) {
  vsix = opt.vsix ? path.resolve(opt.vsix) : findNewestVsix(REPO_ROOT);
  if (!vsix || !fs.existsSync(vsix)) {
    console.error(`No VSIX found${opt.vsix ? ` at ${opt.vsix}` : ' in the repo root'}: run \`npm run package\` first.`);
    process.exit(1);
  }
}
installCodeServer();
const t0 = Date.now();
if (suites.includes('host')) {
  await runHostSuite();
  // again in Restricted Mode, for the suites that prove nothing runs without trust (unless --grep leaves them out)
  if (!opt.grep || new RegExp(opt.grep, 'i').test(RESTRICTED_GREP)) await runHostSuite({ trusted: false });
}
if (suites.includes('ui')) {
  console.log(`UI suite with ${path.relative(process.cwd(), vsix)}`);
  await runUiSuite(vsix);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`editor tests took ${((Date.now() - t0) / 1000).toFixed(0)} s; logs in ${path.relative(process.cwd(), RESULTS_DIR)}/`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
