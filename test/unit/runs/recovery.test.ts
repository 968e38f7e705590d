// A finished run is never lost: when the history lock stays taken, the run goes to a recovery file, which the next
// writer merges into the history exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { appendRun, deleteRuns, parseHistory, readHistory } from '../../../src/core/runs/history';
import { readRecovery, recoveryDir, writeRecovery } from '../../../src/core/runs/recovery';
import { RunNotSavedError, saveRun } from '../../../src/core/runs/saveRun';
import { holdLock } from './fixtures/holdLock';
import { sampleRun } from './fixtures/sampleRun';
import { withTempDir } from '../helpers/plans';

const withDir = withTempDir('mlp-recovery-');

/** The run ids in the history file itself, without the pending recovery files. */
const idsInFile = (file: string): string[] => parseHistory(readFileSync(file, 'utf8')).runs.map((r) => r.id);

test('the recovery folder sits beside the history', () => {
  assert.equal(recoveryDir('/ws/.mlproject/runs.jsonl'), '/ws/.mlproject/runs.recovery');
  assert.equal(recoveryDir('/ws/out/history'), '/ws/out/history.recovery');
});

test('a lock held by another live process: the wait is told, then the run is saved for recovery, shown, and merged once', withDir(async (dir) => {
  const file = path.join(dir, '.mlproject', 'runs.jsonl');
  const first = sampleRun({ id: '20261126-120000-0001' });
  await appendRun(file, first, { root: dir });
  const held = await holdLock(file);
  const late = sampleRun({ id: '20261126-120000-0002', note: 'finished while locked' });
  const notices: string[] = [];
  let outcome;
  try {
    outcome = await saveRun(file, late, { root: dir, timeoutMs: 300, onWait: (m) => notices.push(m) });
  } finally {
    await held.release();
  }
  assert.equal(outcome.where, 'recovery');
  assert.equal(outcome.file, path.join(dir, '.mlproject', 'runs.recovery', '20261126-120000-0002.json'));
  assert.match(outcome.where === 'recovery' ? outcome.reason : '', /is locked by process \d+/);
  assert.equal(notices.length, 1);
  assert.match(notices[0], new RegExp(`waiting for the lock on .*runs\\.jsonl, held by process ${held.pid} on `));
  assert.deepEqual(JSON.parse(readFileSync(outcome.file, 'utf8')), late);
  assert.deepEqual(idsInFile(file), [first.id]);
  assert.deepEqual((await readHistory(file, dir)).runs, [first, late]); // readers see it before it is merged

  const next = sampleRun({ id: '20261126-120000-0003' });
  assert.deepEqual(await saveRun(file, next, { root: dir }), { where: 'history', file });
  assert.deepEqual(idsInFile(file), [first.id, late.id, next.id]);
  assert.equal(existsSync(recoveryDir(file)), false);
  await appendRun(file, sampleRun({ id: '20261126-120000-0004' }), { root: dir });
  assert.deepEqual(idsInFile(file), [first.id, late.id, next.id, '20261126-120000-0004']);
  assert.deepEqual(readdirSync(path.dirname(file)), ['runs.jsonl']);
}));

test('a writer that crashed between appending and removing: the recovery file is removed, the run not duplicated', withDir(async (dir) => {
  const file = path.join(dir, 'runs.jsonl');
  const run = sampleRun({ id: '20261126-120000-0001' });
  await appendRun(file, run, { root: dir });
  await writeRecovery(file, run, dir); // as left by a merge that appended it and died before the unlink
  assert.deepEqual((await readHistory(file, dir)).runs.map((r) => r.id), [run.id]);
  await appendRun(file, sampleRun({ id: '20261126-120000-0002' }), { root: dir });
  assert.deepEqual(idsInFile(file), [run.id, '20261126-120000-0002']);
  assert.deepEqual(readdirSync(path.dirname(file)), ['runs.jsonl']);
}));

test('several pending runs merge in order, into a missing history too; the run being appended is not doubled', withDir(async (dir) => {
  const file = path.join(dir, 'h', 'runs.jsonl');
  const b = sampleRun({ id: '20261126-120000-000b' });
  const a = sampleRun({ id: '20261126-120000-000a' });
  await writeRecovery(file, b, dir);
  await writeRecovery(file, a, dir);
  await writeRecovery(file, sampleRun({ id: '20261126-120000-000c' }), dir);
  assert.equal(existsSync(file), false);
  await appendRun(file, sampleRun({ id: '20261126-120000-000c', note: 'the same run, appended now' }), { root: dir });
  const h = await readHistory(file, dir);
  assert.deepEqual(h.runs.map((r) => r.id), [a.id, b.id, '20261126-120000-000c']);
  assert.equal(h.runs[2].note, 'the same run, appended now');
}));

test('a recovery file is never replaced, and a file that is not a run record is kept, not merged', withDir(async (dir) => {
  const file = path.join(dir, 'runs.jsonl');
  const path1 = await writeRecovery(file, sampleRun({ note: 'first' }), dir);
  const path2 = await writeRecovery(file, sampleRun({ note: 'second' }), dir);
  assert.equal(path1, path2);
  assert.equal((await readRecovery(file, dir))[0].record.note, 'first');
  writeFileSync(path.join(recoveryDir(file), 'broken.json'), '{"id": "x"');
  await appendRun(file, sampleRun({ id: '20261126-120000-0009' }), { root: dir });
  assert.deepEqual(idsInFile(file), ['20261126-120000-aaaa', '20261126-120000-0009']);
  assert.deepEqual(readdirSync(recoveryDir(file)), ['broken.json']);
}));

test('deleting runs merges the pending ones first and can delete one of them', withDir(async (dir) => {
  const file = path.join(dir, 'runs.jsonl');
  await appendRun(file, sampleRun({ id: '20261126-120000-0001' }), { root: dir });
  await writeRecovery(file, sampleRun({ id: '20261126-120000-0002' }), dir);
  await writeRecovery(file, sampleRun({ id: '20261126-120000-0003' }), dir);
  assert.equal(await deleteRuns(file, ['20261126-120000-0002'], { root: dir }), 1);
  assert.deepEqual(idsInFile(file), ['20261126-120000-0001', '20261126-120000-0003']);
  assert.deepEqual(readdirSync(path.dirname(file)), ['runs.jsonl']);
}));

test('only when neither the history nor a recovery file can be written does saving fail, naming both reasons', withDir(async (dir) => {
  mkdirSync(path.join(dir, 'x'));
  writeFileSync(path.join(dir, 'x', 'file'), '');
  await assert.rejects(saveRun(path.join(dir, 'x', 'file', 'runs.jsonl'), sampleRun(), { root: dir }),
    (e: unknown) => e instanceof RunNotSavedError && /could not be recorded .* nor saved for recovery/.test(e.message));
}));
