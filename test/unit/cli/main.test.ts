// The CLI entry: help, version, unknown commands, one-line errors, and the bundled CLI's exit code end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { commands } from '../../../src/cli/commands/index';
import { HEALTHY_HEAD, fakeIO, tempDir, yaml } from '../helpers/plans';

const REPO = path.resolve(__dirname, '../../..');

async function cli(...argv: string[]) {
  const io = fakeIO(REPO);
  const code = await runCli(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

test('--help lists every command and exits 0; no arguments prints it and exits 2', async () => {
  const r = await cli('--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: mlproject <command> \[options\]/);
  for (const name of ['check', 'status', 'init', 'mark']) assert.match(r.out, new RegExp(`\\n  ${name} +\\S`));
  const bare = await cli();
  assert.equal(bare.code, 2);
  assert.equal(bare.out, r.out);
});

test('--version prints a version and exits 0', async () => {
  const r = await cli('--version');
  assert.equal(r.code, 0);
  assert.match(r.out, /^\d+\.\d+\.\d+\S*\n$/);
});

test('an unknown command exits 2 with one line listing the commands', async () => {
  const r = await cli('chek');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /^mlproject: unknown command "chek"\. Commands: check, status, init, mark/);
  assert.equal(r.err.split('\n').length, 2);
});

test('every command answers --help and -h with exit 0 and its usage', async () => {
  for (const name of Object.keys(commands)) {
    for (const flag of ['--help', '-h']) {
      const r = await cli(name, flag);
      assert.equal(r.code, 0, `${name} ${flag}`);
      assert.match(r.out, new RegExp(`^Usage: mlproject ${name}`), `${name} ${flag}`);
      assert.equal(r.err, '');
    }
  }
});

test('the bundled CLI (dist/cli.js) exits with the check result as its process exit code', (t) => {
  const bundle = path.join(REPO, 'dist', 'cli.js');
  if (!existsSync(bundle)) {
    t.skip('dist/cli.js is not built (npm run build)');
    return;
  }
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(path.join(dir, '.mlproject.yaml'), yaml(...HEALTHY_HEAD, 'checklist:', '  define: { basline: todo }'));
    writeFileSync(path.join(dir, 'brief.md'), '# brief\n');
    const failing = spawnSync(process.execPath, [bundle, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(failing.status, 1, failing.stderr);
    assert.ok(JSON.parse(failing.stdout).some((d: { code: string }) => d.code === 'unknown-step'));
    const usage = spawnSync(process.execPath, [bundle, 'check', 'nowhere'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(usage.status, 2);
    assert.equal(usage.stderr, 'mlproject check: cannot read nowhere: no such file or folder\n');
    const help = spawnSync(process.execPath, [bundle, '--help'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(help.status, 0);
  } finally {
    cleanup();
  }
});
