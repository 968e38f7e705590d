// `npm start` (= npm run package && node scripts/start.mjs): opens the example project in a real VS Code
// (code-server 4.100.3 = VS Code 1.100.3 in the browser) with the freshly packaged extension installed.
//   node scripts/start.mjs           serve on http://127.0.0.1:$MLPROJECT_PORT (default 8080) until Ctrl-C
//   node scripts/start.mjs --smoke   start, check the URL answers and the workbench loads in chromium, exit 0
// MLPROJECT_VSIX=file.vsix overrides the newest *.vsix of the repo root.
// The example is copied to a temp working folder first, so examples/genre-tagger in the repo stays clean.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT, START_SETTINGS, copyToTemp, findNewestVsix, installCodeServer, launchBrowser, portIsFree, startCodeServer,
  waitForWorkbench,
} from './editor/codeServer.mjs';

const smoke = process.argv.includes('--smoke');
const EXAMPLE = path.join(REPO_ROOT, 'examples/genre-tagger');

function die(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

installCodeServer();
const vsix = process.env.MLPROJECT_VSIX ? path.resolve(process.env.MLPROJECT_VSIX) : findNewestVsix(REPO_ROOT);
if (!vsix) die('no *.vsix in the repo root: run `npm run package` (or just `npm start`) first.');
if (!fs.existsSync(EXAMPLE)) die(`example project missing: ${EXAMPLE}`);

// A fixed port for humans; the smoke check takes a free one unless MLPROJECT_PORT is set.
let port = process.env.MLPROJECT_PORT ? Number(process.env.MLPROJECT_PORT) : smoke ? undefined : 8080;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) die(`bad MLPROJECT_PORT: ${port}`);
if (port !== undefined && !(await portIsFree(port))) {
  die(`port ${port} is busy on 127.0.0.1: set MLPROJECT_PORT to another port, e.g. MLPROJECT_PORT=8081 npm start`);
}

const workspace = copyToTemp(EXAMPLE, 'mlproject-example-');
let server;
try {
  server = await startCodeServer({ workspace, trust: true, vsix, port, settings: START_SETTINGS });
} catch (e) {
  die(e.message);
}

if (smoke) {
  let ok = false;
  const browser = await launchBrowser();
  try {
    const res = await fetch(server.url);
    if (!res.ok) throw new Error(`${server.url} answered HTTP ${res.status}`);
    await browser.page.goto(server.url);
    await waitForWorkbench(browser.page);
    // The extension is installed and active: its activity-bar entry and its status bar item appear.
    await browser.page.locator('.activitybar [aria-label^="ML Project"]').first().waitFor({ timeout: 60_000 });
    await browser.page.locator('.statusbar-item', { hasText: 'Deliver' }).first().waitFor({ timeout: 60_000 });
    const shot = path.join(REPO_ROOT, 'test-results/start-smoke.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await browser.page.screenshot({ path: shot });
    console.log(`smoke: ${server.url} answers, the workbench loads and the extension is active (screenshot: ${path.relative(REPO_ROOT, shot)})`);
    ok = true;
  } catch (e) {
    console.error(`smoke: FAILED: ${e.message}\n(server log: ${server.logFile})`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
}

// The command-line twin on the same project: the phases, progress and open pitfalls the editor will show.
const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), 'status', workspace], { encoding: 'utf8' });
if (cli.stdout) console.log(`\n$ mlproject status\n${cli.stdout}`);

const line = '='.repeat(72);
console.log(`\n${line}
  ML Project is running in VS Code (code-server) at:

      ${server.url}

  Extension:    ${path.basename(vsix)}
  Project:      a working copy of examples/genre-tagger at
                ${workspace}
                (edits go there; the repo's example stays clean)
  Server log:   ${server.logFile}
  Press Ctrl-C to stop.
${line}\n`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping code-server...`);
  await server.stop();
  console.log(`stopped. Your working copy is kept at ${workspace}`);
  process.exit(0);
}
process.on('SIGINT', () => shutdown('Ctrl-C'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
// If the server dies on its own, say so and fail (its log lives in the temp folder stop() removes: show it first).
server.exited.then(() => {
  if (stopping) return;
  console.error(`code-server exited unexpectedly. Last log lines:\n${fs.readFileSync(server.logFile, 'utf8').slice(-3000)}`);
  server.stop().finally(() => process.exit(1));
});
