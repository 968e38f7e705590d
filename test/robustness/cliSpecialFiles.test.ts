// FIFOs (named pipes) where mlproject expects a regular file or folder: the run history, the brief, the brief
// template and the decisions folder. Each command must be refused promptly with "not a regular file" (or "not a
// folder"), exit 2, one short message, never hang: the CLI runs in a child process killed at a time bound.
//
// Like cliHostile.test.ts, they run dist/cli.js when it is built, else the CLI from source (MLPROJECT_CLI chooses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './mutations';

const DIST_CLI = path.join(REPO_ROOT, 'dist/cli.js');
const SRC_CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
const which = process.env.MLPROJECT_CLI;
const useDist = which === 'dist' || (which !== 'src' && existsSync(DIST_CLI));
const cliArgs: string[] | undefined = useDist ? (existsSync(DIST_CLI) ? [DIST_CLI] : undefined) : existsSync(SRC_CLI) ? ['--import', 'tsx', SRC_CLI] : undefined;
const hasFifo = spawnSync('mkfifo', ['--version']).status === 0;
const skip = !cliArgs ? 'the CLI is not available' : !hasFifo ? 'mkfifo is not available' : false;

const PLAN = `version: 1
project: { name: pipes, lead: Dana }
candidates:
  - { id: base, baseline: true }
  - { id: cnn }
evaluation:
  command: "touch ran.marker"
`;

/** Runs `mlproject <command> <dir> ...rest` from the repository (where tsx resolves); the workspace is `dir`. */
function run(dir: string, argv: string[], timeoutMs = 15_000): Promise<{ code: number | null; out: string; timedOut: boolean }> {
  const [command, ...rest] = argv;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cliArgs!, command, dir, ...rest], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    const killer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code) => { clearTimeout(killer); resolve({ code, out, timedOut }); });
  });
}

let tmp = '';
function workspace(name: string): string {
  tmp ||= mkdtempSync(path.join(os.tmpdir(), 'mlproject-fifo-'));
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '.mlproject.yaml'), PLAN);
  return dir;
}
test.after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

function fifo(dir: string, rel: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  assert.equal(spawnSync('mkfifo', [path.join(dir, rel)]).status, 0);
}

function refusedPromptly(r: { code: number | null; out: string; timedOut: boolean }, shown: string, why = /not a regular file/): void {
  assert.equal(r.timedOut, false, `hung (killed at the time bound): ${r.out}`);
  assert.equal(r.code, 2, r.out);
  assert.ok(r.out.includes(shown), `names ${shown}: ${r.out}`);
  assert.match(r.out, why);
  assert.ok(r.out.trim().split('\n').length <= 2, r.out);
}

test('a FIFO as the run history: runs, eval and decision are refused promptly; eval never runs the command', { skip, timeout: 60_000 }, async () => {
  const dir = workspace('history');
  fifo(dir, '.mlproject/runs.jsonl');
  refusedPromptly(await run(dir, ['runs']), '.mlproject/runs.jsonl');
  refusedPromptly(await run(dir, ['eval', '--candidate', 'base']), '.mlproject/runs.jsonl');
  assert.equal(existsSync(path.join(dir, 'ran.marker')), false);
  const d = await run(dir, ['decision', '--chosen', 'cnn', '--rationale', 'r', '--date', '2026-12-01']);
  assert.equal(d.timedOut, false, d.out); // the record is written; the runs it lists are read without blocking
  assert.equal(d.code, 0, d.out);
});

test('a FIFO as the brief: brief --check and brief --update are refused promptly', { skip, timeout: 60_000 }, async () => {
  const dir = workspace('brief');
  fifo(dir, 'docs/brief.md');
  refusedPromptly(await run(dir, ['brief', '--check']), 'docs/brief.md');
  refusedPromptly(await run(dir, ['brief', '--update']), 'docs/brief.md');
});

test('a FIFO as the brief template: brief --template is refused promptly', { skip, timeout: 60_000 }, async () => {
  const dir = workspace('template');
  fifo(dir, 'tpl.md');
  refusedPromptly(await run(dir, ['brief', '--template', path.join(dir, 'tpl.md'), '--check']), 'tpl.md');
  refusedPromptly(await run(dir, ['brief', '--template', path.join(dir, 'tpl.md')]), 'tpl.md');
});

test('a FIFO as the decisions folder: decision is refused promptly, nothing written', { skip, timeout: 60_000 }, async () => {
  const dir = workspace('decisions');
  fifo(dir, 'docs/decisions');
  refusedPromptly(await run(dir, ['decision', '--chosen', 'cnn', '--rationale', 'r', '--date', '2026-12-01']), 'docs/decisions', /not a folder/);
});
