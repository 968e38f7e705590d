// Following a run's log: new whole lines per read, the last line for a failure message, and a log the job replaced
// by a link out of the workspace or a FIFO is refused with a line saying so, never read and never blocking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { execFileSync } from 'child_process';
import { tmpdir } from 'os';
import { join } from 'path';
import { LogFollower, lastLine } from '../../../src/core/runs/logFollow';

function workspace(): { root: string; outside: string; done: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'mlp-logfollow-'));
  const root = join(base, 'ws');
  mkdirSync(join(root, 'runs', 'r1'), { recursive: true });
  const outside = join(base, 'secret.txt');
  writeFileSync(outside, 'SECRET LINE\n');
  return { root, outside, done: () => rmSync(base, { recursive: true, force: true }) };
}

test('each read gives the whole lines added since the last one; flush gives the partial rest', async () => {
  const ws = workspace();
  try {
    const log = join(ws.root, 'runs', 'r1', 'log.txt');
    const f = new LogFollower(ws.root);
    assert.equal(await f.read(log), '');
    writeFileSync(log, 'one\ntw');
    assert.equal(await f.read(log), 'one\n');
    appendFileSync(log, 'o\nthree');
    assert.equal(await f.read(log), 'two\n');
    assert.equal(await f.read(log, true), 'three');
    assert.equal(await lastLine(ws.root, log), 'three');
    assert.equal(await lastLine(ws.root, 'runs/r1/none.txt'), undefined);
  } finally {
    ws.done();
  }
});

test('a log that is a link out of the workspace is refused, once, and its content never shows', async () => {
  const ws = workspace();
  try {
    const log = join(ws.root, 'runs', 'r1', 'log.txt');
    symlinkSync(ws.outside, log);
    const f = new LogFollower(ws.root);
    const first = await f.read(log);
    assert.match(first, /^\[mlproject\] .*runs\/r1\/log\.txt.*: not read\n$/);
    assert.doesNotMatch(first, /SECRET/);
    assert.equal(await f.read(log, true), '');
    const last = await lastLine(ws.root, log);
    assert.ok(last && !last.includes('SECRET') && /not read/.test(last), last);
  } finally {
    ws.done();
  }
});

test('a log that is a FIFO is refused at once instead of blocking the follower', { timeout: 10_000 }, async () => {
  const ws = workspace();
  try {
    const log = join(ws.root, 'runs', 'r1', 'log.txt');
    execFileSync('mkfifo', [log]);
    const f = new LogFollower(ws.root);
    assert.match(await f.read(log), /not a regular file.*not read/);
    assert.match((await lastLine(ws.root, log)) ?? '', /not a regular file/);
  } finally {
    ws.done();
  }
});
