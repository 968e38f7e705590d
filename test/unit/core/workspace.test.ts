// Workspace access: path rules, the in-memory and the on-disk file systems, and the two example projects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isInsideWorkspace, normaliseRelative, resolveInside } from '../../../src/core/workspace/paths';
import { MemoryFs } from '../../../src/core/workspace/memoryFs';
import { NodeFs } from '../../../src/core/workspace/nodeFs';
import { checkPlanText } from '../../../src/core/check';
import { tempDir, withCode } from '../helpers/plans';

const REPO = path.resolve(__dirname, '../../..');

test('isInsideWorkspace: relative paths that stay inside; absolute, drive, home, climbing and NUL paths do not', () => {
  for (const p of ['a.txt', 'data/x.csv', './a', 'a/../b', 'a/./b/', '..foo', 'a/..']) assert.equal(isInsideWorkspace(p), true, p);
  for (const p of ['', '..', '../a', 'a/../../b', '/etc/passwd', 'C:/x', 'c:\\x', '~/x', '..\\x', 'a\0b']) assert.equal(isInsideWorkspace(p), false, JSON.stringify(p));
});

test('normaliseRelative: forward slashes, no ./, collapsed segments', () => {
  assert.equal(normaliseRelative('./data\\test.csv'), 'data/test.csv');
  assert.equal(normaliseRelative('a/b/../c'), 'a/c');
  assert.equal(normaliseRelative('././x'), 'x');
});

test('resolveInside: inside paths resolve under the root, others are undefined', () => {
  assert.equal(resolveInside('/w', 'a/b.txt'), path.resolve('/w', 'a/b.txt'));
  assert.equal(resolveInside('/w', '../x'), undefined);
  assert.equal(resolveInside('/w', '/etc/passwd'), undefined);
});

test('MemoryFs: files, implied folders, outside paths absent, findFiles skips dot folders and node_modules', async () => {
  const fs = new MemoryFs({ 'data/a.csv': 'x', './eval.py': '', '.git/eval.py': '', 'node_modules/m/eval.py': '', 'src/score.py': '' });
  assert.equal(await fs.stat('data/a.csv'), 'file');
  assert.equal(await fs.stat('data'), 'directory');
  assert.equal(await fs.stat('dat'), undefined);
  assert.equal(await fs.stat('../data/a.csv'), undefined);
  assert.equal(await fs.readText('eval.py'), '');
  assert.equal(await fs.readText('/data/a.csv'), undefined);
  assert.deepEqual(await fs.findFiles(/(^|\/)(eval|score)\.py$/, 10), ['eval.py', 'src/score.py']);
  assert.deepEqual(await fs.findFiles(/\.py$/, 1), ['eval.py']);
  fs.delete('eval.py');
  assert.equal(await fs.stat('eval.py'), undefined);
});

test('NodeFs: reads inside the root, refuses paths that leave it, finds files', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const root = path.join(dir, 'ws');
    mkdirSync(path.join(root, 'data'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'data', 'a.csv'), 'x,y\n');
    writeFileSync(path.join(root, 'eval.py'), '');
    writeFileSync(path.join(root, 'node_modules', 'eval.py'), '');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const fs = new NodeFs(root);
    assert.equal(await fs.readText('data/a.csv'), 'x,y\n');
    assert.equal(await fs.stat('data'), 'directory');
    assert.equal(await fs.stat('nope'), undefined);
    assert.equal(await fs.readText('../secret.txt'), undefined);
    assert.equal(await fs.stat('../secret.txt'), undefined);
    assert.equal(await fs.readText(path.join(dir, 'secret.txt')), undefined);
    assert.equal(await fs.readText('data'), undefined); // a folder has no text
    assert.deepEqual(await fs.findFiles(/eval\.py$/, 10), ['eval.py']);
  } finally {
    cleanup();
  }
});

test('NodeFs: a symbolic link inside the workspace that points outside it reads as absent', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const root = path.join(dir, 'ws');
    mkdirSync(root);
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
    const fs = new NodeFs(root);
    assert.equal(await fs.readText('link.txt'), undefined);
  } finally {
    cleanup();
  }
});

// ---- the examples, read with NodeFs on the real folders ----

async function checkExample(name: string) {
  const root = path.join(REPO, 'examples', name);
  return checkPlanText(readFileSync(path.join(root, '.mlproject.yaml'), 'utf8'), { fs: new NodeFs(root), today: '2026-11-26' });
}

test('examples/in-trouble triggers all five pitfalls', async () => {
  const { diagnostics } = await checkExample('in-trouble');
  for (const code of ['single-architecture', 'no-literature-review', 'too-incremental', 'metric-misalignment', 'manual-evaluation']) {
    assert.ok(withCode(diagnostics, code).length > 0, `${code} does not fire`);
  }
  // and the file rules its comments promise
  assert.match(withCode(diagnostics, 'unknown-step')[0].message, /literature-reveiw.*Did you mean "literature-review"/);
  assert.equal(withCode(diagnostics, 'duplicate-id').length, 1);
  assert.equal(withCode(diagnostics, 'path-outside-workspace').length, 1);
  assert.equal(withCode(diagnostics, 'runway')[0].severity, 'error');
});

test('examples/genre-tagger has no error-severity diagnostics and no pitfalls', async () => {
  const { diagnostics, state } = await checkExample('genre-tagger');
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`), []);
  assert.deepEqual(diagnostics.filter((d) => ['single-architecture', 'no-literature-review', 'too-incremental', 'metric-misalignment', 'manual-evaluation'].includes(d.code)).map((d) => d.message), []);
  assert.equal(state.currentPhase, 'deliver');
});
