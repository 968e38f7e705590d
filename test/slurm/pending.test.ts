// The pending-run store and exactly-once finishing, without a cluster: a scripted SlurmClient plays the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ProjectPlan } from '../../src/core/model';
import { appendRunOnce, readHistory } from '../../src/core/runs/history';
import { listPending, pendingFile, readPending, removePending, updatePending, writePending, PENDING_DIR, type PendingRun } from '../../src/core/runs/pendingStore';
import { finishPendingRun } from '../../src/core/runs/pendingFinish';
import { prepareRun } from '../../src/core/runs/prepare';
import type { RunRecord } from '../../src/core/runs/runRecord';
import { slurmSettings } from '../../src/core/runs/slurm/settings';
import type { SlurmClient } from '../../src/core/runs/slurm/slurmProcess';
import { SlurmCommandError } from '../../src/core/runs/slurm/slurmProcess';
import { cancelPendingRuns } from '../../src/core/runs/slurm/cancel';
import { submitSlurmRun } from '../../src/core/runs/slurm/submit';
import { syncPendingRuns } from '../../src/core/runs/slurm/sync';
import type { JobInfo } from '../../src/core/runs/slurm/parse';

const PLAN: ProjectPlan = { version: 1, candidates: [{ id: 'm', baseline: true }], decision: { chosen: 'm' }, evaluation: { executor: 'slurm', command: 'true' } };

function tempRoot(): string {
  return mkdtempSync(path.join(tmpdir(), 'mlp-pending-'));
}

/** A Slurm that knows the jobs it is told about; squeue lists `queued`, scontrol shows `ended`. */
function scriptedSlurm(): SlurmClient & { queued: Map<string, string>; ended: Map<string, JobInfo>; byName: Map<string, string>; submitted: string[][]; cancelled: string[]; refuse?: string } {
  let next = 100;
  const s = {
    queued: new Map<string, string>(), ended: new Map<string, JobInfo>(), byName: new Map<string, string>(), submitted: [] as string[][], cancelled: [] as string[], refuse: undefined as string | undefined,
    async submit(argv: string[]) {
      if (s.refuse) throw new SlurmCommandError(s.refuse);
      s.submitted.push(argv);
      const jobId = String(next++);
      s.queued.set(jobId, 'PENDING');
      return { jobId };
    },
    async queue(ids: readonly string[]) { return new Map([...s.queued].filter(([id]) => ids.includes(id))); },
    async queueByName(name: string) { return s.byName.has(name) ? [s.byName.get(name)!] : []; },
    async showJobs(ids: readonly string[]) { return ids.flatMap((id) => (s.ended.has(id) ? [s.ended.get(id)!] : [])); },
    async completedJobs() { return undefined; },
    async cancel(ids: readonly string[]) { s.cancelled.push(...ids); },
  };
  return s;
}

test('a submission writes the batch script and a pending file with the job id; a refused one is recorded as failed', async () => {
  const root = tempRoot();
  try {
    const slurm = scriptedSlurm();
    const prepared = await prepareRun(PLAN, { root, env: {} });
    const r = await submitSlurmRun(prepared, slurmSettings(PLAN), slurm, { git: false });
    assert.equal(r.pending?.state, 'queued');
    assert.equal(r.pending?.jobId, '100');
    assert.deepEqual(readdirSync(prepared.runDir).sort(), ['batch.sh']);
    const onDisk = await readPending(pendingFile(root, prepared.runId), root);
    assert.deepEqual(onDisk, r.pending);
    assert.equal(onDisk?.prepared.command, prepared.command);

    slurm.refuse = 'sbatch failed (exit 1): sbatch: error: invalid partition specified: nope';
    const refused = await submitSlurmRun(await prepareRun(PLAN, { root, env: {} }), slurmSettings(PLAN), slurm, { git: false });
    assert.equal(refused.record?.status, 'failed');
    assert.match(refused.record?.error ?? '', /not submitted: .*invalid partition/);
    assert.deepEqual((await listPending(root)).runs.map((p) => p.prepared.runId), [prepared.runId]);
    assert.deepEqual((await readHistory(prepared.historyFile, prepared.root)).runs.map((x) => x.id), [refused.record?.id]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('sync: queued -> running is stored; an ended job is recorded once and its pending file removed', async () => {
  const root = tempRoot();
  try {
    const slurm = scriptedSlurm();
    const prepared = await prepareRun(PLAN, { root, env: {} });
    writeFileSync(prepared.metricsFile, '{"acc": 0.5}');
    const { pending } = await submitSlurmRun(prepared, slurmSettings(PLAN), slurm, { git: false });
    slurm.queued.set(pending!.jobId!, 'RUNNING');
    const s1 = await syncPendingRuns(root, slurm, { git: false });
    assert.deepEqual([s1.finished.length, s1.pending.map((p) => p.state)], [0, ['running']]);
    assert.equal((await readPending(pendingFile(root, prepared.runId), root))?.state, 'running');
    slurm.queued.delete(pending!.jobId!);
    slurm.ended.set(pending!.jobId!, { jobId: pending!.jobId!, state: 'COMPLETED', exitCode: { code: 0, signal: 0 } });
    const [a, b] = await Promise.all([syncPendingRuns(root, slurm, { git: false }), syncPendingRuns(root, slurm, { git: false })]);
    assert.equal(a.finished.length + b.finished.length, 1);
    const history = await readHistory(prepared.historyFile, prepared.root);
    assert.deepEqual(history.runs.map((r) => [r.id, r.status, r.metrics.acc]), [[prepared.runId, 'ok', 0.5]]);
    assert.deepEqual((await listPending(root)).runs, []);
    assert.deepEqual((await syncPendingRuns(root, slurm, { git: false })).finished, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a pending file left behind after its run was recorded (a crash between the two steps) is only removed', async () => {
  const root = tempRoot();
  try {
    const slurm = scriptedSlurm();
    const prepared = await prepareRun(PLAN, { root, env: {} });
    const { pending } = await submitSlurmRun(prepared, slurmSettings(PLAN), slurm, { git: false });
    const outcome = { start: new Date(), end: new Date(), exitCode: 0, status: 'ok' as const };
    assert.ok(await finishPendingRun(pending!, outcome, { git: false }));
    await writePending(root, pending!); // as if the removal never happened
    slurm.queued.clear();
    slurm.ended.set(pending!.jobId!, { jobId: pending!.jobId!, state: 'COMPLETED', exitCode: { code: 0, signal: 0 } });
    const s = await syncPendingRuns(root, slurm, { git: false });
    assert.deepEqual(s.finished, []);
    assert.equal((await readHistory(prepared.historyFile, prepared.root)).runs.length, 1);
    assert.deepEqual((await listPending(root)).runs, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a submission that died before sbatch answered: adopted by job name, or recorded as failed after the grace period', async () => {
  const root = tempRoot();
  try {
    const slurm = scriptedSlurm();
    const mk = async (): Promise<PendingRun> => {
      const prepared = await prepareRun(PLAN, { root, env: {} });
      const p: PendingRun = { version: 1, executor: 'slurm', prepared, state: 'submitting', submittedAt: new Date(Date.now() - 120_000).toISOString(), time: '30' };
      await writePending(root, p);
      return p;
    };
    const adopted = await mk();
    const lost = await mk();
    slurm.byName.set(`mlp-${adopted.prepared.runId}`, '555');
    slurm.queued.set('555', 'RUNNING');
    const s = await syncPendingRuns(root, slurm, { git: false });
    assert.deepEqual(s.pending.map((p) => [p.prepared.runId, p.jobId]), [[adopted.prepared.runId, '555']]);
    assert.deepEqual(s.finished.map((r) => [r.id, r.status]), [[lost.prepared.runId, 'failed']]);
    assert.match(s.finished[0].error ?? '', /interrupted before sbatch returned a job id/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a job Slurm forgot entirely is recorded as failed, saying its state is unknown', async () => {
  const root = tempRoot();
  try {
    const slurm = scriptedSlurm();
    const { pending } = await submitSlurmRun(await prepareRun(PLAN, { root, env: {} }), slurmSettings(PLAN), slurm, { git: false });
    slurm.queued.clear();
    assert.equal((await syncPendingRuns(root, slurm, { git: false })).pending.length, 1, 'kept within the grace period');
    const s = await syncPendingRuns(root, slurm, { git: false, lostGraceMs: -1 });
    assert.deepEqual(s.finished.map((r) => r.status), ['failed']);
    assert.match(s.finished[0].error ?? '', new RegExp(`no record of job ${pending!.jobId}`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('pending files: malformed ones are reported, stray files ignored, updates never resurrect a removed file', async () => {
  const root = tempRoot();
  try {
    const slurm = scriptedSlurm();
    const { pending } = await submitSlurmRun(await prepareRun(PLAN, { root, env: {} }), slurmSettings(PLAN), slurm, { git: false });
    const dir = path.join(root, PENDING_DIR);
    writeFileSync(path.join(dir, '20260101-000000-aaaaaa.json'), '{ not json');
    // a job id that is not one (it would become an option of scancel) makes the file unreadable, not an argument
    const forged = JSON.parse(readFileSync(pendingFile(root, pending!.prepared.runId), 'utf8'));
    writeFileSync(path.join(dir, '20260101-000000-bbbbbb.json'), JSON.stringify({ ...forged, jobId: '--user=root', prepared: { ...forged.prepared, runId: '20260101-000000-bbbbbb' } }));
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    mkdirSync(path.join(dir, 'sub'));
    const list = await listPending(root);
    assert.deepEqual(list.runs.map((p) => p.prepared.runId), [pending!.prepared.runId]);
    assert.equal(list.problems.length, 2);
    assert.match(list.problems[0], /not valid JSON/);
    assert.match(list.problems[1], /20260101-000000-bbbbbb\.json: not a pending run/);
    await removePending(root, pending!.prepared.runId);
    assert.equal(await updatePending(root, pending!.prepared.runId, (p) => ({ ...p, state: 'running' })), undefined);
    assert.equal(await readPending(pendingFile(root, pending!.prepared.runId), root), undefined);
    assert.throws(() => pendingFile(root, '../escape'), /not a run id/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('cancel: only the asked runs that are pending with a job are cancelled, in one scancel; nothing is created', async () => {
  const root = tempRoot();
  try {
    const slurm = scriptedSlurm();
    assert.deepEqual(await cancelPendingRuns(root, ['20260101-000000-cccccc'], slurm), []);
    assert.deepEqual(readdirSync(root), [], 'no pending folder (nor a lock) is made for a run that is not pending');
    const a = (await submitSlurmRun(await prepareRun(PLAN, { root, env: {} }), slurmSettings(PLAN), slurm, { git: false })).pending!;
    const b = (await submitSlurmRun(await prepareRun(PLAN, { root, env: {} }), slurmSettings(PLAN), slurm, { git: false })).pending!;
    const noJob = (await submitSlurmRun(await prepareRun(PLAN, { root, env: {} }), slurmSettings(PLAN), slurm, { git: false })).pending!;
    await updatePending(root, noJob.prepared.runId, ({ jobId: _, ...p }) => ({ ...p, state: 'submitting' }));
    writeFileSync(path.join(root, PENDING_DIR, '20260101-000000-aaaaaa.json'), '{ not json');
    slurm.cancelled.length = 0;
    const asked = [b.prepared.runId, noJob.prepared.runId, '20260101-000000-aaaaaa', '20260101-000000-dddddd', '../escape'];
    const now = new Date('2026-12-01T10:00:00Z');
    assert.deepEqual(await cancelPendingRuns(root, asked, slurm, now), [b.prepared.runId]);
    assert.deepEqual(slurm.cancelled, [b.jobId]);
    const read = async (p: PendingRun) => readPending(pendingFile(root, p.prepared.runId), root);
    assert.equal((await read(b))?.cancelRequested, now.toISOString());
    assert.equal((await read(noJob))?.cancelRequested, now.toISOString(), 'a run without a job yet is cancelled as soon as sbatch returns');
    assert.equal((await read(a))?.cancelRequested, undefined, 'a run not asked for is left alone');
    // asked again later: the first request's time stays
    await cancelPendingRuns(root, [b.prepared.runId], slurm, new Date('2026-12-01T11:00:00Z'));
    assert.equal((await read(b))?.cancelRequested, now.toISOString());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('appendRunOnce: of many concurrent appends of one run, exactly one lands', async () => {
  const root = tempRoot();
  try {
    const file = path.join(root, 'runs.jsonl');
    const record: RunRecord = { id: '20260101-000000-abcdef', candidate: 'm', start: 'a', end: 'b', durationMs: 0, exitCode: 0, status: 'ok', command: 'true', metrics: {}, source: 'cli' };
    const results = await Promise.all(Array.from({ length: 12 }, () => appendRunOnce(file, record, { root: root })));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal((await readHistory(file, root)).runs.length, 1);
    assert.equal(await appendRunOnce(file, { ...record, id: '20260101-000000-abcdee' }, { root: root }), true);
    assert.equal((await readHistory(file, root)).runs.length, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
