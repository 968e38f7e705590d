// Real-editor helpers shared by `npm start` and the editor tests: code-server (VS Code 1.100.3 web workbench + Node
// extension host, installed by install-code-server.sh) and Debian chromium driven by playwright-core.
// Everything a start creates lives in one fresh temp folder (user data, extensions, XDG dirs), removed by stop().
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_ENTRY = path.join(REPO_ROOT, '.cache/editor', `code-server-${CODE_SERVER_VERSION}`,
  'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The user settings `npm start` seeds, so the user lands on the project (the extension shows its view and the plan)
 * instead of code-server's generic Welcome walkthrough. The editor tests use the same to test that landing.
 */
export const START_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/** Runs the idempotent install script (fast no-op when already installed); throws when it fails. */
export function installCodeServer() {
  const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts/editor/install-code-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`code-server install failed (exit ${r.status})`);
}

/** Newest `*.vsix` (by mtime) in `dir`, or undefined. */
export function findNewestVsix(dir = REPO_ROOT) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

/** Copies `src` to a fresh temp folder (keeping its base name) and returns the copy's path. */
export function copyToTemp(src, prefix = 'mlproject-ws-') {
  const dest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), path.basename(src));
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Polls `check()` (sync or async, truthy = done) every `interval` ms until it holds or `ms` elapse. */
export async function waitFor(check, { ms = 60_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function tail(file, lines = 20) {
  try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/**
 * Starts code-server on 127.0.0.1 with `workspace` open.
 * @param {object} o
 * @param {string} o.workspace folder to open (tests pass a temp copy)
 * @param {boolean} [o.trust=true] false = keep workspace trust on (restricted mode, no startup prompt)
 * @param {string} [o.vsix] installed with --install-extension before the server starts
 * @param {number} [o.port] default: a free port
 * @param {object} [o.settings] extra user settings (User/settings.json)
 * @param {string} [o.logFile] default: code-server.log inside the temp folder (gone after stop())
 * @param {object} [o.env] extra environment for the server (it reaches the extension host too)
 * @returns {Promise<{url:string, host:string, port:number, userDataDir:string, extensionsDir:string,
 *   logFile:string, process:import('node:child_process').ChildProcess, stop:()=>Promise<void>}>}
 */
export async function startCodeServer({ workspace, trust = true, vsix, port, settings = {}, logFile, env = {} }) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server missing: run scripts/editor/install-code-server.sh`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlproject-cs-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  logFile ??= path.join(root, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    // Restricted-mode runs open straight into restricted mode instead of a modal trust prompt.
    ...(trust ? {} : { 'security.workspace.trust.startupPrompt': 'never' }),
    ...settings,
  }, null, 2));
  // XDG dirs keep code-server's config.yaml and state out of ~/.config and ~/.local.
  const serverEnv = { ...process.env, XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'), XDG_CACHE_HOME: path.join(root, 'xdg-cache'), ...env };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (vsix) {
    const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix],
      { env: serverEnv, encoding: 'utf8' });
    fs.appendFileSync(logFile, `$ --install-extension ${vsix}\n${r.stdout}${r.stderr}\n`);
    // code-server can exit 0 even when the install failed: check the extensions dir's registry too.
    const registry = path.join(extensionsDir, 'extensions.json');
    const installed = fs.existsSync(registry) && JSON.parse(fs.readFileSync(registry, 'utf8')).length > 0;
    if (r.status !== 0 || !installed) {
      throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
  }

  port ??= await freePort();
  const host = `127.0.0.1:${port}`;
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [CODE_SERVER_ENTRY, '--auth', 'none', '--bind-addr', host,
    '--disable-telemetry', '--disable-update-check', ...(trust ? ['--disable-workspace-trust'] : []),
    ...common, workspace], { env: serverEnv, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  let exited = null;
  const exitPromise = new Promise((r) => child.once('exit', (code, sig) => { exited = { code, sig }; r(); }));

  const stop = async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exitPromise;
      clearTimeout(timer);
    }
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await waitFor(async () => {
      if (exited) throw new Error(`code-server exited (${exited.code ?? exited.sig}) before answering /healthz`);
      try { return (await fetch(`http://${host}/healthz`)).ok; } catch { return false; }
    }, { ms: 60_000, what: `http://${host}/healthz` });
  } catch (e) {
    const log = tail(logFile);
    await stop();
    throw new Error(`${e.message}\n--- ${logFile} ---\n${log}`);
  }
  const url = `http://${host}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`; // '/' is fine in a query
  return { url, host, port, userDataDir, extensionsDir, logFile, process: child, exited: exitPromise, stop };
}

/**
 * Debian chromium (never a downloaded browser) in a fresh temp profile.
 * @returns {Promise<{context: import('playwright-core').BrowserContext, page: import('playwright-core').Page,
 *   close: () => Promise<void>}>} close() also removes the profile.
 */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mlproject-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? await context.newPage();
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  return { context, page, close };
}

/** Waits until the VS Code workbench is rendered in `page`. */
export async function waitForWorkbench(page, ms = 60_000) {
  await page.locator('.monaco-workbench').first().waitFor({ timeout: ms });
}
