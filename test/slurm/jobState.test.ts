// Slurm job states -> pending states and run outcomes (the table of docs/runs.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTerminal, outcomeOfJob, pendingStateOf } from '../../src/core/runs/slurm/jobState';
import type { JobInfo } from '../../src/core/runs/slurm/parse';

const ctx = { submittedAt: new Date(2026, 0, 1, 12, 0, 0), now: new Date(2026, 0, 1, 12, 5, 0), time: '30' };
const job = (state: string, exit = '0:0', extra: Partial<JobInfo> = {}): JobInfo => {
  const [code, signal] = exit.split(':').map(Number);
  return { jobId: '9', state, exitCode: { code, signal }, startTime: '2026-01-01T12:00:02', endTime: '2026-01-01T12:01:02', ...extra };
};

test('queued and running states, and ended ones', () => {
  for (const s of ['PENDING', 'REQUEUED', 'SUSPENDED']) assert.equal(pendingStateOf(s), 'queued', s);
  for (const s of ['RUNNING', 'CONFIGURING', 'COMPLETING']) assert.equal(pendingStateOf(s), 'running', s);
  for (const s of ['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'PREEMPTED', 'OUT_OF_MEMORY']) {
    assert.equal(pendingStateOf(s), undefined, s);
    assert.ok(isTerminal(s), s);
  }
  assert.ok(!isTerminal('RUNNING'));
});

test('COMPLETED is ok (finishRun turns a missing metrics file into metrics-error), with Slurm\'s times', () => {
  const o = outcomeOfJob(job('COMPLETED'), ctx);
  assert.equal(o.status, 'ok');
  assert.equal(o.exitCode, 0);
  assert.equal(o.end.getTime() - o.start.getTime(), 60_000);
  assert.equal(o.error, undefined);
});

test('FAILED keeps the exit code and quotes the last log line; a signal leaves the exit code null', () => {
  const o = outcomeOfJob(job('FAILED', '7:0'), { ...ctx, lastLogLine: 'bad input' });
  assert.deepEqual([o.status, o.exitCode], ['failed', 7]);
  assert.match(o.error ?? '', /exited with code 7: bad input/);
  const k = outcomeOfJob(job('FAILED', '0:9'), ctx);
  assert.deepEqual([k.status, k.exitCode], ['failed', null]);
  assert.match(k.error ?? '', /killed by signal 9/);
});

test('CANCELLED is cancelled, saying whether mlproject asked for it', () => {
  assert.match(outcomeOfJob(job('CANCELLED', '0:15'), { ...ctx, cancelRequested: true }).error ?? '', /cancelled with scancel/);
  const o = outcomeOfJob(job('CANCELLED', '0:15'), ctx);
  assert.equal(o.status, 'cancelled');
  assert.match(o.error ?? '', /outside mlproject/);
});

test('a job cancelled while queued has no start time: the run starts at its submission', () => {
  const o = outcomeOfJob(job('CANCELLED', '0:0', { startTime: 'Unknown', endTime: 'Unknown' }), ctx);
  assert.equal(o.start.getTime(), ctx.submittedAt.getTime());
  assert.equal(o.end.getTime(), ctx.now.getTime());
});

test('TIMEOUT is timeout, naming the limit', () => {
  const o = outcomeOfJob(job('TIMEOUT', '0:15'), { ...ctx, time: '1' });
  assert.equal(o.status, 'timeout');
  assert.match(o.error ?? '', /time limit \(1\)/);
});

test('NODE_FAIL, PREEMPTED, OUT_OF_MEMORY are failed, naming the reason', () => {
  for (const [state, why] of [['NODE_FAIL', /node failed/], ['PREEMPTED', /preempted/], ['OUT_OF_MEMORY', /out of memory/]] as const) {
    const o = outcomeOfJob(job(state, '0:9'), ctx);
    assert.equal(o.status, 'failed', state);
    assert.match(o.error ?? '', new RegExp(state));
    assert.match(o.error ?? '', why);
  }
});
