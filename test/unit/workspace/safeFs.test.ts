// The real-path rules of src/core/workspace (realPaths, safeRead, safeWrite): a symbolic link that leads outside the
// workspace (the file itself, a folder, a parent folder) is refused with a message naming the link, and the outside
// file is neither read nor changed; links inside are followed and written through; pipes and huge files are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveReal, WorkspacePathError } from '../../../src/core/workspace/realPaths';
import { checkWorkspaceFile, readWorkspaceFile, readWorkspaceFolder, readWorkspaceText } from '../../../src/core/workspace/safeRead';
import { createNewFile, ensureFolder, openForAppend, removeFile, replaceFile } from '../../../src/core/workspace/safeWrite';

const SECRET = `TOP-SECRET-${process.pid}-${Date.now()}`;
const REPO = path.resolve(__dirname, '../../..');

interface Fixture {
  ws: string;
  outside: string;
  secretFile: string;
  snapshot(): string;
}

function fixture(fn: (f: Fixture) => Promise<void>): () => Promise<void> {
  return async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'mlp-safefs-'));
    try {
      const ws = path.join(base, 'ws');
      const outside = path.join(base, 'outside');
      mkdirSync(ws);
      mkdirSync(path.join(outside, 'dir'), { recursive: true });
      const secretFile = path.join(outside, 'secret.txt');
      writeFileSync(secretFile, SECRET);
      const snapshot = (): string => walk(outside).join('\n');
      await fn({ ws, outside, secretFile, snapshot });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  };
}

/** Every entry under `dir` (never following links) with its content: the outside must not change. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return [`${prefix}${name} -> ${readlinkSync(p)}`];
    if (st.isDirectory()) return [`${prefix}${name}/`, ...walk(p, `${prefix}${name}/`)];
    return [`${prefix}${name}: ${readFileSync(p, 'utf8')}`];
  });
}

function refusedFor(link: string) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof WorkspacePathError, `not a WorkspacePathError: ${String(e)}`);
    assert.equal(e.problem, 'link-outside', e.message);
    assert.equal(e.link, link);
    assert.ok(e.message.includes(link), e.message);
    assert.ok(!e.message.includes(SECRET));
    return true;
  };
}

test('a file link, a folder link and a parent-folder link to outside are refused for every operation', fixture(async (f) => {
  symlinkSync(f.secretFile, path.join(f.ws, 'file.md'));
  symlinkSync(path.join(f.outside, 'dir'), path.join(f.ws, 'folder'));
  mkdirSync(path.join(f.ws, 'a'));
  symlinkSync(f.outside, path.join(f.ws, 'a', 'up'));
  const before = f.snapshot();
  const ops: Array<[string, string, (p: string) => Promise<unknown>]> = [];
  for (const [target, link] of [['file.md', 'file.md'], ['folder/x.md', 'folder'], ['a/up/dir/y.md', 'a/up'], ['a/up/secret.txt', 'a/up']]) {
    ops.push(
      [target, link, (p) => readWorkspaceFile(f.ws, p, { maxBytes: 1024 })],
      [target, link, (p) => checkWorkspaceFile(f.ws, p)],
      [target, link, (p) => replaceFile(f.ws, p, 'overwritten')],
      [target, link, (p) => openForAppend(f.ws, p)],
      [target, link, (p) => ensureFolder(f.ws, path.join(p, 'sub'))],
      [target, link, (p) => createNewFile(f.ws, path.join(p, '..', 'new.md'), 'x')],
    );
  }
  for (const [target, link, op] of ops) {
    if (target === 'file.md' && op.toString().includes('..')) continue; // the parent of file.md is the root
    await assert.rejects(op(target), refusedFor(link), `${target}: ${op.toString()}`);
    await assert.rejects(op(path.join(f.ws, target)), refusedFor(link), `absolute ${target}`);
  }
  await assert.rejects(readWorkspaceFolder(f.ws, 'folder'), refusedFor('folder'));
  await assert.rejects(readWorkspaceFolder(f.ws, 'a/up/dir'), refusedFor('a/up'));
  assert.equal(f.snapshot(), before, 'the outside is untouched');
}));

test('createNewFile never writes through a link (dangling or not); removeFile removes a link, never its target', fixture(async (f) => {
  symlinkSync(f.secretFile, path.join(f.ws, 'metrics.json'));
  symlinkSync(path.join(f.outside, 'dir', 'gone.md'), path.join(f.ws, 'dangling.md'));
  symlinkSync('gone-inside.md', path.join(f.ws, 'dangling-inside.md'));
  const before = f.snapshot();
  await assert.rejects(createNewFile(f.ws, 'metrics.json', 'x'), refusedFor('metrics.json'));
  await assert.rejects(createNewFile(f.ws, 'dangling.md', 'x'), refusedFor('dangling.md'));
  await assert.rejects(replaceFile(f.ws, 'dangling.md', 'x'), refusedFor('dangling.md'));
  assert.equal(await createNewFile(f.ws, 'dangling-inside.md', 'x'), 'exists', 'never created through a dangling link');
  await assert.rejects(replaceFile(f.ws, 'dangling-inside.md', 'x'), /symbolic link to something that does not exist/);
  assert.equal(readdirSync(f.ws).includes('gone-inside.md'), false);
  assert.equal(await removeFile(f.ws, 'metrics.json'), true);
  assert.equal(readdirSync(f.ws).includes('metrics.json'), false, 'the link itself is removed');
  assert.equal(readFileSync(f.secretFile, 'utf8'), SECRET, 'its target is untouched');
  assert.equal(await removeFile(f.ws, 'metrics.json'), false);
  assert.equal(f.snapshot(), before);
}));

test('links inside the workspace are followed: a linked file is replaced through the link, which stays a link', fixture(async (f) => {
  mkdirSync(path.join(f.ws, 'config'));
  writeFileSync(path.join(f.ws, 'config', 'plan.yaml'), 'version: 1\n');
  symlinkSync(path.join('config', 'plan.yaml'), path.join(f.ws, '.mlproject.yaml'));
  symlinkSync('config', path.join(f.ws, 'cfg'));
  assert.equal(await readWorkspaceText(f.ws, '.mlproject.yaml', { maxBytes: 100 }), 'version: 1\n');
  await replaceFile(f.ws, '.mlproject.yaml', 'version: 1\nproject: { name: x }\n');
  assert.ok(lstatSync(path.join(f.ws, '.mlproject.yaml')).isSymbolicLink(), 'still a link');
  assert.equal(readFileSync(path.join(f.ws, 'config', 'plan.yaml'), 'utf8'), 'version: 1\nproject: { name: x }\n');
  assert.deepEqual(readdirSync(path.join(f.ws, 'config')), ['plan.yaml'], 'no temporary file left');
  assert.equal(await createNewFile(f.ws, 'cfg/new/brief.md', 'b'), 'created');
  assert.equal(readFileSync(path.join(f.ws, 'config', 'new', 'brief.md'), 'utf8'), 'b');
  const rp = await resolveReal(f.ws, 'cfg/new/brief.md');
  assert.equal(rp.link, 'cfg');
  assert.equal(rp.real, path.join(await resolveReal(f.ws, '.').then((r) => r.root), 'config', 'new', 'brief.md'));
}));

test('paths that leave the workspace as text, loops and non-folders are refused', fixture(async (f) => {
  await assert.rejects(readWorkspaceFile(f.ws, '../outside/secret.txt', { maxBytes: 100 }), (e: unknown) => e instanceof WorkspacePathError && e.problem === 'outside');
  await assert.rejects(readWorkspaceFile(f.ws, f.secretFile, { maxBytes: 100 }), (e: unknown) => e instanceof WorkspacePathError && e.problem === 'outside');
  symlinkSync('loop', path.join(f.ws, 'loop'));
  await assert.rejects(readWorkspaceFile(f.ws, 'loop', { maxBytes: 100 }), (e: unknown) => e instanceof WorkspacePathError && e.problem === 'loop' && e.message.includes('loop'));
  writeFileSync(path.join(f.ws, 'file'), 'x');
  await assert.rejects(ensureFolder(f.ws, 'file/sub'), (e: unknown) => e instanceof WorkspacePathError && e.problem === 'not-folder');
  await assert.rejects(readWorkspaceFolder(f.ws, 'file'), /file is not a folder/);
  assert.equal(await readWorkspaceFile(f.ws, 'missing/x', { maxBytes: 100 }), undefined);
}));

test('a file over the per-call limit is refused with its size limit, a folder is not a regular file', fixture(async (f) => {
  const big = path.join(f.ws, 'big.md');
  writeFileSync(big, '');
  truncateSync(big, 3 * 1024 * 1024);
  await assert.rejects(readWorkspaceFile(f.ws, 'big.md', { maxBytes: 2 * 1024 * 1024 }), (e: unknown) =>
    e instanceof WorkspacePathError && e.problem === 'too-large' && /big\.md is larger than 2 MB/.test(e.message));
  assert.equal((await readWorkspaceFile(f.ws, 'big.md', { maxBytes: 4 * 1024 * 1024 }))?.length, 3 * 1024 * 1024);
  mkdirSync(path.join(f.ws, 'd'));
  await assert.rejects(readWorkspaceFile(f.ws, 'd', { maxBytes: 100 }), /d is a folder, not a regular file/);
  await assert.rejects(replaceFile(f.ws, 'd', 'x'), /not a regular file/);
}));

test('a FIFO is refused at once by every reader and the appender (in a child process with a kill timer)', fixture(async (f) => {
  const fifo = path.join(f.ws, 'pipe');
  if (spawnSync('mkfifo', [fifo]).status !== 0) return;
  const script = `
    const { readWorkspaceFile, checkWorkspaceFile } = require(${JSON.stringify(path.join(REPO, 'src/core/workspace/safeRead.ts'))});
    const { openForAppend, replaceFile } = require(${JSON.stringify(path.join(REPO, 'src/core/workspace/safeWrite.ts'))});
    const ws = ${JSON.stringify(f.ws)};
    (async () => {
      for (const op of [() => readWorkspaceFile(ws, 'pipe', { maxBytes: 100 }), () => checkWorkspaceFile(ws, 'pipe'), () => openForAppend(ws, 'pipe'), () => replaceFile(ws, 'pipe', 'x')]) {
        try { await op(); console.log('NOT REFUSED'); } catch (e) { console.log(e.problem + ': ' + e.message); }
      }
    })();`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { timeout: 15_000, encoding: 'utf8', cwd: REPO });
  assert.equal(r.signal, null, `killed at the time bound (hung): ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 4, r.stdout + r.stderr);
  for (const line of lines) assert.match(line, /^not-regular: pipe is not a regular file/);
}));
