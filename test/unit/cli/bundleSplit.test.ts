// The split CLI bundle (scripts/bundles.mjs): dist/cli.js dispatches and each command runs from dist/cli/<name>.js.
// The bundled CLI must answer exactly as the source does for every command, including the usage errors the
// dispatcher recognises by class across the bundles, and `check` must load only its own bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { commands } from '../../../src/cli/commands/index';
import { cliCommandModules } from '../../../scripts/bundles.mjs';
import { HEALTHY_HEAD, fakeIO, tempDir, yaml } from '../helpers/plans';

const REPO = path.resolve(__dirname, '../../..');
const BUNDLE = path.join(REPO, 'dist', 'cli.js');
const skip = existsSync(BUNDLE) ? false : 'dist/cli.js is not built (npm run build)';

function bundled(cwd: string, argv: string[]) {
  const r = spawnSync(process.execPath, [BUNDLE, ...argv], { cwd, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function source(cwd: string, argv: string[]) {
  const io = fakeIO(cwd, { NO_COLOR: '1' });
  const code = await runCli(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

function masked(r: { code: number | null; out: string; err: string }, dir: string) {
  return { code: r.code, out: r.out.split(dir).join('<dir>'), err: r.err.split(dir).join('<dir>') };
}

test('every command of the table has a bundle of its own, and only those', () => {
  const table = readFileSync(path.join(REPO, 'src/cli/commands/index.ts'), 'utf8');
  assert.equal(cliCommandModules().length, Object.keys(commands).length, table);
  for (const m of cliCommandModules()) assert.ok(existsSync(path.join(REPO, 'src/cli/commands', `${m}.ts`)), m);
});

test('the bundled CLI answers --help, a bad option and a missing plan for every command exactly as the source', { skip }, async () => {
  for (const name of Object.keys(commands)) {
    for (const argv of [[name, '--help'], [name, '--no-such-option'], [name, 'no-such-folder']]) {
      // Each side in an empty folder of its own (init writes a plan), its path masked in what is printed.
      const a = tempDir();
      const b = tempDir();
      try {
        const want = masked(await source(a.dir, argv), a.dir);
        const got = masked(bundled(b.dir, argv), b.dir);
        assert.deepEqual(got, want, argv.join(' '));
        assert.doesNotMatch(got.err, /unexpected error/, argv.join(' '));
      } finally {
        a.cleanup();
        b.cleanup();
      }
    }
  }
});

test('a plan linked from outside the workspace is a usage error (exit 2) from the bundled check, runs and mark', { skip }, async () => {
  const { dir, cleanup } = tempDir();
  try {
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(dir, 'plan.yaml'), yaml(...HEALTHY_HEAD, 'checklist:', '  define: { baseline: todo }'));
    symlinkSync(path.join(dir, 'plan.yaml'), path.join(ws, '.mlproject.yaml'));
    for (const argv of [['check', '.'], ['runs'], ['mark', 'baseline', 'done']]) {
      const want = await source(ws, argv);
      const got = bundled(ws, argv);
      assert.equal(got.code, 2, `${argv.join(' ')}: ${got.err}`);
      assert.match(got.err, /symbolic link that leads outside the workspace/, argv.join(' '));
      assert.deepEqual(got, want, argv.join(' '));
    }
  } finally {
    cleanup();
  }
});

test('mlproject check loads the dispatcher, the shared classes and the check bundle, no other command', { skip }, () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(path.join(dir, '.mlproject.yaml'), yaml(...HEALTHY_HEAD));
    // Prints every file Node loaded as a CommonJS module when the process ends.
    const probe = path.join(dir, 'probe.js');
    writeFileSync(probe, `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n`);
    const r = spawnSync(process.execPath, ['--require', probe, BUNDLE, 'check', '.'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    assert.ok(line, r.stderr);
    const dist = (JSON.parse(line.slice('LOADED '.length)) as string[])
      .filter((f) => f.startsWith(path.join(REPO, 'dist') + path.sep))
      .map((f) => path.relative(REPO, f).split(path.sep).join('/'))
      .sort();
    assert.deepEqual(dist, ['dist/cli.js', 'dist/cli/check.js', 'dist/cli/shared.js']);
  } finally {
    cleanup();
  }
});
