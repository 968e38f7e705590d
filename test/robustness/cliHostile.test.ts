// Hostile files through the CLI, `node dist/cli.js check <path>`: each must end with exit 2 and a one-line message,
// or exit 0/1 with a clear diagnostic; within a time bound (the process is killed past it) and a memory bound
// (--max-old-space-size for the heap, and the process's peak RSS, sampled from /proc); never with a stack trace.
//
// They run dist/cli.js when it is built, else the CLI from source (node --import tsx src/cli/main.ts), and say which;
// MLPROJECT_CLI=dist or MLPROJECT_CLI=src chooses (with dist, a missing build is a skip).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatePlan } from '../../bench/generatePlan';
import { MAX_PLAN_CHARS } from '../../src/core/parse/parsePlan';
import { aliasBomb, REPO_ROOT } from './mutations';

const DIST_CLI = path.join(REPO_ROOT, 'dist/cli.js');
const SRC_CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
const which = process.env.MLPROJECT_CLI; // 'dist' | 'src' | undefined (dist when built, else src)
const useDist = which === 'dist' || (which !== 'src' && existsSync(DIST_CLI));
const cliArgs: string[] | undefined = useDist
  ? (existsSync(DIST_CLI) ? [DIST_CLI] : undefined)
  : existsSync(SRC_CLI) ? ['--import', 'tsx', SRC_CLI] : undefined;
const skip = cliArgs ? false : useDist ? 'dist/cli.js is not built' : 'src/cli/main.ts does not exist';

const HEAP_MB = 256;
/** Peak RSS allowed for one CLI run: the heap limit, plus room for code, buffers and the file read. */
const MAX_RSS = 900 * 1024 * 1024;
const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRss: number;
  timedOut: boolean;
}

function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; uid?: number; gid?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...cliArgs!, 'check', ...args], {
      cwd: options.cwd ?? REPO_ROOT, uid: options.uid, gid: options.gid, env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    let timedOut = false;
    child.stdout.on('data', (c) => { if (stdout.length < 1_000_000) stdout += c; });
    child.stderr.on('data', (c) => { if (stderr.length < 1_000_000) stderr += c; });
    const sample = (): void => {
      try {
        const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peakRss = Math.max(peakRss, kb * 1024);
      } catch {
        // exited
      }
    };
    const sampler = setInterval(sample, 20);
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0, peakRss, timedOut });
    });
  });
}

function describe(r: CliRun): string {
  return `exit ${r.code}${r.signal ? ` (${r.signal})` : ''} after ${r.ms.toFixed(0)} ms, peak RSS ${(r.peakRss / 1048576).toFixed(0)} MB${r.timedOut ? ', KILLED at the time bound' : ''}\nstdout: ${r.stdout.slice(0, 600)}\nstderr: ${r.stderr.slice(0, 600)}`;
}

/** The common contract: bounded, no stack trace, exit 2 with a one-line message or exit 0/1 with output matching `clear`. */
function assertHandled(r: CliRun, clear: RegExp, opts: { allow?: number[] } = {}): void {
  const info = describe(r);
  assert.equal(r.timedOut, false, `did not finish within the time bound: ${info}`);
  assert.ok(r.peakRss <= MAX_RSS, `peak RSS over ${MAX_RSS / 1048576} MB: ${info}`);
  assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE, `printed a stack trace: ${info}`);
  assert.doesNotMatch(r.stdout + r.stderr, /FATAL ERROR|heap out of memory|Maximum call stack/i, info);
  const allowed = opts.allow ?? [1, 2];
  assert.ok(r.code !== null && allowed.includes(r.code), `exit code not in ${allowed}: ${info}`);
  if (r.code === 2) assert.ok(r.stderr.trim().split('\n').length <= 3, `exit 2 should come with a short message: ${info}`);
  assert.match(r.stdout + r.stderr, clear, `no clear message: ${info}`);
}

let tmpRoot = '';
function project(name: string): string {
  if (!tmpRoot) {
    tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'mlproject-hostile-'));
    chmodSync(tmpRoot, 0o755);
  }
  const dir = path.join(tmpRoot, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

test.after(() => {
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
});

test('the CLI under test runs: check of examples/genre-tagger', { skip, timeout: 60_000 }, async (t) => {
  t.diagnostic(`CLI under test: node ${cliArgs!.join(' ')}`);
  const r = await runCli(['examples/genre-tagger'], { timeoutMs: 30_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  assertHandled(r, /\d+ errors?, \d+ warnings?/, { allow: [0, 1] });
});

test('a 50 MB .mlproject.yaml is reported quickly as file-too-large, without reading it into the heap', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('huge');
  const file = path.join(dir, '.mlproject.yaml');
  const chunk = generatePlan({ seed: 1, lines: 2000, problems: false }).text.replace(/^version: 1\n/m, '');
  const fd = openSync(file, 'w');
  writeSync(fd, 'version: 1\n');
  let written = 0;
  for (let i = 0; written < 50 * 1024 * 1024; i++) written += writeSync(fd, chunk.replace(/^(\s+)- id: /gm, `$1- id: c${i}-`));
  closeSync(fd);
  for (const arg of [dir, file]) {
    const r = await runCli([arg], { timeoutMs: 20_000 });
    t.diagnostic(`check ${path.basename(arg)}: ${describe(r).split('\n')[0]}`);
    // a diagnostic on the file (exit 1), so that a folder's other plans are still checked
    assertHandled(r, /error file-too-large .*limit/i, { allow: [1] });
  }
});

test('a plan just under the size limit (90% of MAX_PLAN_CHARS) is checked within bounds', { skip, timeout: 120_000 }, async (t) => {
  const dir = project('large');
  // about 39.5 characters per generated line
  const plan = generatePlan({ seed: 2, lines: Math.floor((MAX_PLAN_CHARS * 0.9) / 39.5) });
  assert.ok(plan.text.length < MAX_PLAN_CHARS && Buffer.byteLength(plan.text) < MAX_PLAN_CHARS * 2);
  writeFileSync(path.join(dir, '.mlproject.yaml'), plan.text);
  t.diagnostic(`${plan.text.length} chars (limit ${MAX_PLAN_CHARS}), ${plan.lineCount} lines`);
  const r = await runCli([dir], { timeoutMs: 60_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  // checked for real: the planted misspelt key is reported
  assertHandled(r, /bussiness_metric/, { allow: [1] });
});

test('a plan just over the size limit is refused with a clear message', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('over');
  const plan = generatePlan({ seed: 2, lines: Math.ceil((MAX_PLAN_CHARS * 1.05) / 39.5) });
  assert.ok(plan.text.length > MAX_PLAN_CHARS);
  writeFileSync(path.join(dir, '.mlproject.yaml'), plan.text);
  const r = await runCli([dir], { timeoutMs: 30_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  assertHandled(r, /too large|larger|limit/i);
});

test('a billion-laughs alias bomb', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('bomb');
  writeFileSync(path.join(dir, '.mlproject.yaml'), `version: 1\nproject: { name: bomb }\n${aliasBomb(9, 9)}`);
  const r = await runCli([dir], { timeoutMs: 20_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  assertHandled(r, /alias/i);
});

test('an alias bomb inside known keys (project.description, project.team)', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('bomb2');
  const levels = Array.from({ length: 9 }, (_, i) => `    - &l${i + 1} [${Array(9).fill(i === 0 ? '*d' : `*l${i}`).join(', ')}]`);
  writeFileSync(path.join(dir, '.mlproject.yaml'), `version: 1\nproject:\n  name: bomb\n  description: &d "lol"\n  team:\n${levels.join('\n')}\n`);
  const r = await runCli([dir], { timeoutMs: 20_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  assertHandled(r, /alias/i);
});

test('a path that is a directory named .mlproject.yaml', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('dir-plan');
  mkdirSync(path.join(dir, '.mlproject.yaml'));
  const direct = await runCli([path.join(dir, '.mlproject.yaml')], { timeoutMs: 20_000 });
  t.diagnostic(`direct: ${describe(direct).split('\n')[0]}`);
  // Given directly, the folder is searched for plans: none is found.
  assertHandled(direct, /no \.mlproject\.yaml|folder|directory/i, { allow: [2] });
  const viaFolder = await runCli([dir], { timeoutMs: 20_000 });
  t.diagnostic(`via folder: ${describe(viaFolder).split('\n')[0]}`);
  assertHandled(viaFolder, /no \.mlproject\.yaml|folder|directory/i, { allow: [2] });
});

test('a symlink loop as the plan, and a directory symlink loop in the workspace', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('loop');
  symlinkSync('.mlproject.yaml', path.join(dir, '.mlproject.yaml'));
  const direct = await runCli([path.join(dir, '.mlproject.yaml')], { timeoutMs: 20_000 });
  t.diagnostic(`self-loop, direct: ${describe(direct).split('\n')[0]}`);
  assertHandled(direct, /symbolic links|loop|cannot read/i, { allow: [2] });
  const viaFolder = await runCli([dir], { timeoutMs: 20_000 });
  t.diagnostic(`self-loop, via folder: ${describe(viaFolder).split('\n')[0]}`);
  assertHandled(viaFolder, /symbolic links|loop|cannot read/i, { allow: [2] });

  const dir2 = project('loop2');
  const plan = generatePlan({ seed: 3, lines: 200 });
  writeFileSync(path.join(dir2, '.mlproject.yaml'), plan.text);
  mkdirSync(path.join(dir2, 'scripts'));
  symlinkSync('..', path.join(dir2, 'scripts', 'up'));
  symlinkSync('a', path.join(dir2, 'b'));
  symlinkSync('b', path.join(dir2, 'a'));
  const r = await runCli([dir2], { timeoutMs: 20_000 });
  t.diagnostic(`directory loop: ${describe(r).split('\n')[0]}`);
  assertHandled(r, /bussiness_metric/);
});

test('a FIFO (named pipe) as the plan does not hang the CLI', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('fifo');
  const fifo = path.join(dir, '.mlproject.yaml');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) return t.skip('mkfifo is not available');
  const direct = await runCli([fifo], { timeoutMs: 10_000 });
  t.diagnostic(`direct: ${describe(direct).split('\n')[0]}`);
  assertHandled(direct, /not a file|cannot read|no \.mlproject\.yaml/i, { allow: [2] });
  const viaFolder = await runCli([dir], { timeoutMs: 10_000 });
  t.diagnostic(`via folder: ${describe(viaFolder).split('\n')[0]}`);
  assertHandled(viaFolder, /not a file|cannot read|no \.mlproject\.yaml/i, { allow: [2] });
});

test('a plan that is a symlink to /dev/zero (an endless file) is refused', { skip, timeout: 60_000 }, async (t) => {
  if (!existsSync('/dev/zero')) return t.skip('no /dev/zero');
  const dir = project('devzero');
  symlinkSync('/dev/zero', path.join(dir, '.mlproject.yaml'));
  const r = await runCli([dir], { timeoutMs: 15_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  assertHandled(r, /not a file|cannot read|too large/i, { allow: [2] });
});

test('files the plan refers to that are FIFOs, devices or loops do not hang the check', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('refs');
  const plan = generatePlan({ seed: 4, lines: 200 });
  for (const [rel, text] of Object.entries(plan.files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  writeFileSync(path.join(dir, '.mlproject.yaml'), plan.text);
  rmSync(path.join(dir, 'docs/brief.md'));
  symlinkSync('/dev/zero', path.join(dir, 'docs/brief.md'));
  rmSync(path.join(dir, 'data/test.csv'));
  spawnSync('mkfifo', [path.join(dir, 'data/test.csv')]);
  rmSync(path.join(dir, 'docs/decision.md'));
  symlinkSync('decision.md', path.join(dir, 'docs/decision.md'));
  const r = await runCli([dir], { timeoutMs: 20_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  assertHandled(r, /bussiness_metric/);
});

test('binary garbage as the plan gives a diagnostic, not a crash', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('binary');
  const bytes = Buffer.alloc(64 * 1024);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  writeFileSync(path.join(dir, '.mlproject.yaml'), bytes);
  const r = await runCli([dir], { timeoutMs: 20_000 });
  t.diagnostic(describe(r).split('\n')[0]);
  assertHandled(r, /error/i);
});

test('an unreadable plan (no read permission) is reported as such', { skip, timeout: 60_000 }, async (t) => {
  const dir = project('noperm');
  const file = path.join(dir, '.mlproject.yaml');
  writeFileSync(file, generatePlan({ seed: 5, lines: 60 }).text);
  chmodSync(file, 0o000);
  let readable = true;
  try {
    readFileSync(file);
  } catch {
    readable = false;
  }
  let uid: number | undefined;
  let gid: number | undefined;
  if (readable) {
    // Running as root: mode 000 does not stop root's reads. Run the CLI as "nobody" instead, if that user can run it.
    if (process.getuid?.() !== 0) return t.skip('the file is readable despite mode 000 and this is not root: cannot test honestly');
    const probe = spawnSync(process.execPath, [...cliArgs!, '--version'], { cwd: REPO_ROOT, uid: 65534, gid: 65534, encoding: 'utf8', timeout: 20_000 });
    if (probe.status !== 0) {
      return t.skip(`running as root, where mode 000 does not stop reads, and the CLI cannot run as nobody (uid 65534): ${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]}`);
    }
    uid = 65534;
    gid = 65534;
    t.diagnostic('running as root: the CLI runs as nobody (uid 65534) so that mode 000 takes effect');
  }
  const r = await runCli([file], { timeoutMs: 20_000, uid, gid });
  t.diagnostic(`direct: ${describe(r).split('\n')[0]}`);
  assertHandled(r, /permission denied/i, { allow: [2] });
  const viaFolder = await runCli([dir], { timeoutMs: 20_000, uid, gid });
  t.diagnostic(`via folder: ${describe(viaFolder).split('\n')[0]}`);
  assertHandled(viaFolder, /permission denied/i, { allow: [2] });
});
