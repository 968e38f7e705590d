import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { appendRun, deleteRuns, historyPath, parseHistory, readHistory, resolveHistoryPath } from '../../../src/core/runs/history';
import { LockEntryError, LockTimeoutError } from '../../../src/core/runs/lock';
import { sampleRun } from './fixtures/sampleRun';
import { withTempDir } from '../helpers/plans';

const ROOT = path.resolve(__dirname, '../../..');

const withDir = withTempDir('mlp-history-');

test('history path: evaluation.history or the default, inside the workspace only', () => {
  assert.equal(historyPath({}), '.mlproject/runs.jsonl');
  assert.equal(historyPath({ evaluation: { history: 'runs/h.jsonl' } }), 'runs/h.jsonl');
  assert.equal(resolveHistoryPath('/ws', { evaluation: { history: 'runs/h.jsonl' } }), '/ws/runs/h.jsonl');
  assert.throws(() => resolveHistoryPath('/ws', { evaluation: { history: '../elsewhere.jsonl' } }), /outside the workspace/);
  assert.throws(() => resolveHistoryPath('/ws', { evaluation: { history: '/etc/h.jsonl' } }), /outside the workspace/);
});

test('a missing file is an empty history', withDir(async (dir) => {
  assert.deepEqual(await readHistory(path.join(dir, 'nope.jsonl'), dir), { runs: [], corrupt: [] });
}));

test('append then read keeps order and content; the file is one line per run', withDir(async (dir) => {
  const file = path.join(dir, '.mlproject', 'runs.jsonl');
  const a = sampleRun({ id: '20261126-120000-0001', note: 'line\nbreak "quoted"' });
  const b = sampleRun({ id: '20261126-120001-0002', status: 'failed', exitCode: 1, metrics: {}, error: 'boom' });
  await appendRun(file, a, { root: dir });
  await appendRun(file, b, { root: dir });
  const text = readFileSync(file, 'utf8');
  assert.equal(text.split('\n').length, 3);
  assert.ok(text.endsWith('\n'));
  assert.deepEqual(await readHistory(file, dir), { runs: [a, b], corrupt: [] });
  assert.deepEqual(readdirSync(path.dirname(file)), ['runs.jsonl']); // no lock or temp left behind
}));

test('corrupt lines are reported with their line number and skipped', () => {
  const good = JSON.stringify(sampleRun());
  const text = [good, '{"id": "x", "candid', '', '[1,2]', JSON.stringify({ ...sampleRun(), metrics: { f1: 'high' } }),
    JSON.stringify({ ...sampleRun(), status: 'weird' }), good].join('\n') + '\n';
  const h = parseHistory(text);
  assert.equal(h.runs.length, 2);
  assert.deepEqual(h.corrupt.map((c) => c.line), [2, 4, 5, 6]);
  assert.match(h.corrupt[0].error, /not valid JSON/);
  assert.match(h.corrupt[1].error, /not a JSON object/);
  assert.match(h.corrupt[2].error, /"metrics"/);
  assert.match(h.corrupt[3].error, /"status"/);
});

test('a writer killed mid-line: the partial line stays a lone corrupt line, the next record is intact', withDir(async (dir) => {
  const file = path.join(dir, 'runs.jsonl');
  await appendRun(file, sampleRun({ id: '20261126-120000-0001' }), { root: dir });
  appendFileSync(file, JSON.stringify(sampleRun({ id: '20261126-120000-dead' })).slice(0, 57)); // no newline: killed here
  await appendRun(file, sampleRun({ id: '20261126-120000-0003' }), { root: dir });
  await appendRun(file, sampleRun({ id: '20261126-120000-0004' }), { root: dir });
  const h = await readHistory(file, dir);
  assert.deepEqual(h.runs.map((r) => r.id), ['20261126-120000-0001', '20261126-120000-0003', '20261126-120000-0004']);
  assert.deepEqual(h.corrupt.map((c) => c.line), [2]);
}));

test('8 processes appending at once lose and corrupt nothing', withDir(async (dir) => {
  const file = path.join(dir, 'sub', 'runs.jsonl');
  mkdirSync(path.dirname(file));
  appendFileSync(file, '{"id": "partial'); // a previous writer died mid-line
  const workers = 8;
  const perWorker = 25;
  const worker = path.join(__dirname, 'fixtures', 'appendWorker.ts');
  const codes = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, file, String(w), String(perWorker)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', resolve);
  })));
  assert.deepEqual(codes, Array(workers).fill(0));
  const h = await readHistory(file, dir);
  assert.equal(h.runs.length, workers * perWorker);
  assert.deepEqual(h.corrupt.map((c) => c.line), [1]);
  assert.equal(new Set(h.runs.map((r) => r.id)).size, workers * perWorker);
  for (let w = 0; w < workers; w++) {
    const mine = h.runs.filter((r) => r.candidate === `w${w}`).map((r) => r.id);
    assert.deepEqual(mine, Array.from({ length: perWorker }, (_, i) => `20261126-120000-${w}${String(i).padStart(3, '0')}`));
  }
  assert.deepEqual(readdirSync(path.dirname(file)), ['runs.jsonl']);
}));

test('a lock left by a dead process is broken; a live one times out with a clear error', withDir(async (dir) => {
  const file = path.join(dir, 'runs.jsonl');
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(dead.stdout);
  mkdirSync(`${file}.lock`);
  writeFileSync(`${file}.lock/owner`, JSON.stringify({ pid: deadPid, host: hostname(), token: 'old', since: Date.now() }));
  const t0 = Date.now();
  await appendRun(file, sampleRun(), { root: dir });
  assert.ok(Date.now() - t0 < 2000);
  assert.equal((await readHistory(file, dir)).runs.length, 1);

  mkdirSync(`${file}.lock`);
  writeFileSync(`${file}.lock/owner`, JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', since: Date.now() }));
  await assert.rejects(appendRun(file, sampleRun({ id: '20261126-120000-bbbb' }), { root: dir, timeoutMs: 200 }),
    (e: unknown) => e instanceof LockTimeoutError && e.message.includes(`process ${process.pid}`) && e.message.includes('.lock'));
  // an old lock is taken to be abandoned even when its owner cannot be checked (another host)
  writeFileSync(`${file}.lock/owner`, JSON.stringify({ pid: 1, host: 'elsewhere', token: 'old', since: Date.now() - 60_000 }));
  await appendRun(file, sampleRun({ id: '20261126-120000-cccc' }), { root: dir });
  assert.deepEqual((await readHistory(file, dir)).runs.map((r) => r.id), ['20261126-120000-aaaa', '20261126-120000-cccc']);
}));

test('a link or a file pre-placed at the lock\'s name is refused at once, naming it; nothing outside is touched', withDir(async (dir) => {
  const file = path.join(dir, 'runs.jsonl');
  const outside = mkdtempSync(path.join(tmpdir(), 'mlp-lock-outside-'));
  try {
    // a link to a folder outside, holding an old "owner": neither read nor broken nor waited on
    writeFileSync(path.join(outside, 'owner'), JSON.stringify({ pid: 1, host: 'elsewhere', token: 'old', since: Date.now() - 60_000 }));
    writeFileSync(path.join(outside, 'keep.txt'), 'keep');
    symlinkSync(outside, `${file}.lock`);
    const t0 = Date.now();
    await assert.rejects(appendRun(file, sampleRun(), { root: dir, timeoutMs: 5_000 }),
      (e: unknown) => e instanceof LockEntryError && /runs\.jsonl\.lock is a symbolic link/.test((e as Error).message));
    assert.ok(Date.now() - t0 < 1000, 'refused at once, not after the timeout');
    assert.deepEqual(readdirSync(outside).sort(), ['keep.txt', 'owner']);
    assert.deepEqual(readdirSync(dir).sort(), ['runs.jsonl.lock']);
    // a plain file there
    rmSync(`${file}.lock`);
    writeFileSync(`${file}.lock`, 'x');
    await assert.rejects(appendRun(file, sampleRun(), { root: dir }), (e: unknown) => e instanceof LockEntryError && /not a folder/.test((e as Error).message));
    assert.equal(readFileSync(`${file}.lock`, 'utf8'), 'x');
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
}));

test('a history behind a folder linked out of the workspace is refused: read, append and delete', withDir(async (dir) => {
  const ws = path.join(dir, 'ws');
  const outside = path.join(dir, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  const line = JSON.stringify(sampleRun()) + '\n';
  writeFileSync(path.join(outside, 'runs.jsonl'), line);
  symlinkSync(outside, path.join(ws, '.mlproject'));
  const file = path.join(ws, '.mlproject', 'runs.jsonl');
  await assert.rejects(readHistory(file, ws), /\.mlproject.*outside the workspace|leads outside/);
  await assert.rejects(appendRun(file, sampleRun({ id: '20261126-120000-dddd' }), { root: ws }), /\.mlproject.*outside the workspace|leads outside/);
  await assert.rejects(deleteRuns(file, [sampleRun().id], { root: ws }), /\.mlproject.*outside the workspace|leads outside/);
  assert.equal(readFileSync(path.join(outside, 'runs.jsonl'), 'utf8'), line, 'the file outside is untouched');
  assert.deepEqual(readdirSync(outside), ['runs.jsonl']);
}));

test('delete rewrites atomically, keeps every other line byte for byte', withDir(async (dir) => {
  const file = path.join(dir, 'runs.jsonl');
  for (const id of ['20261126-120000-0001', '20261126-120000-0002', '20261126-120000-0003']) await appendRun(file, sampleRun({ id }), { root: dir });
  appendFileSync(file, 'garbage line\n');
  await appendRun(file, sampleRun({ id: '20261126-120000-0004' }), { root: dir });
  const before = readFileSync(file, 'utf8').split('\n');
  assert.equal(await deleteRuns(file, ['20261126-120000-0002', '20261126-120000-0004', 'not-there'], { root: dir }), 2);
  const after = readFileSync(file, 'utf8');
  assert.equal(after, [before[0], before[2], before[3], ''].join('\n'));
  const h = await readHistory(file, dir);
  assert.deepEqual(h.runs.map((r) => r.id), ['20261126-120000-0001', '20261126-120000-0003']);
  assert.deepEqual(h.corrupt.map((c) => c.line), [3]);
  assert.equal(await deleteRuns(file, ['nope'], { root: dir }), 0);
  assert.equal(await deleteRuns(path.join(dir, 'missing.jsonl'), ['x'], { root: dir }), 0);
  assert.deepEqual(readdirSync(dir).sort(), ['runs.jsonl']);
}));
