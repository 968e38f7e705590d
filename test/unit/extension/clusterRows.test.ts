// A pending Slurm run as a row of the active-runs registry, and the run a row command's argument names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PendingRun } from '../../../src/core/runs/pendingStore';
import { clusterRow, labelOf, phaseOf, runRefOf } from '../../../src/extension/runs/slurm/clusterRows';

function pending(over: Partial<PendingRun> = {}, prepared: Partial<PendingRun['prepared']> = {}): PendingRun {
  return {
    version: 1, executor: 'slurm', state: 'queued', submittedAt: '2026-11-27T10:00:00.000Z', jobId: '42', time: '5',
    prepared: {
      runId: '20261127-100000-ab12cd', candidate: 'knn', command: 'python3 eval.py', root: '/ws', runDir: '/ws/.mlproject/runs/20261127-100000-ab12cd',
      metricsFile: '/ws/.mlproject/runs/20261127-100000-ab12cd/metrics.json', historyFile: '/ws/.mlproject/runs.jsonl', timeoutMs: 60_000,
      env: {}, source: 'editor', seed: 0, ...prepared,
    },
    ...over,
  };
}

test('states map to phases: submitting and queued are queued, running is running', () => {
  assert.equal(phaseOf(pending({ state: 'submitting', jobId: undefined })), 'queued');
  assert.equal(phaseOf(pending({ state: 'queued' })), 'queued');
  assert.equal(phaseOf(pending({ state: 'running' })), 'running');
});

test('a row carries the job id, the log file and the sweep; queued since the submission', () => {
  const cancel = async () => undefined;
  const now = new Date('2026-11-27T10:05:00Z');
  const row = clusterRow(pending(), 'file:///ws', cancel, now);
  assert.deepEqual({ ...row, cancel: undefined }, {
    id: '20261127-100000-ab12cd', folder: 'file:///ws', candidate: 'knn', label: 'knn', executor: 'slurm', phase: 'queued',
    since: new Date('2026-11-27T10:00:00.000Z'), jobId: '42', logFile: '/ws/.mlproject/runs/20261127-100000-ab12cd/log.txt', cancel: undefined,
  });
  assert.equal(row.cancel, cancel);
  const running = clusterRow(pending({ state: 'running' }, { sweepId: 'sweep-20261127-100000-ab12', seed: 2 }), 'file:///ws', cancel, now);
  assert.equal(running.since, now);
  assert.equal(running.label, 'knn#2');
  assert.equal(running.sweepId, 'sweep-20261127-100000-ab12');
  assert.equal(labelOf(pending({ jobId: undefined })), 'knn');
  assert.equal(clusterRow(pending({ state: 'submitting', jobId: undefined }), 'file:///ws', cancel).jobId, undefined);
});

test('a command argument names a run: an active row, a node holding one, a history row, an id', () => {
  const id = '20261127-100000-ab12cd';
  assert.deepEqual(runRefOf({ id, folder: 'file:///ws', executor: 'slurm' }), { id, folder: 'file:///ws' });
  assert.deepEqual(runRefOf({ kind: 'active', active: { id, folder: 'file:///ws' } }), { id, folder: 'file:///ws' });
  assert.deepEqual(runRefOf({ kind: 'run', run: { id }, project: { folder: { uri: { toString: () => 'file:///ws' } } } }), { id, folder: 'file:///ws' });
  assert.deepEqual(runRefOf(id), { id });
  assert.deepEqual(runRefOf({ id }), { id });
});

test('anything else, and an id that is not a run id (it becomes part of a path), names no run', () => {
  for (const arg of [undefined, null, 42, '', '../../etc/passwd', { id: '../x' }, { run: { id: '20261127-100000-ab12cd/../../x' } }, { folder: 'file:///ws' }, 'x; rm -rf ~']) {
    assert.equal(runRefOf(arg), undefined, JSON.stringify(arg));
  }
});
