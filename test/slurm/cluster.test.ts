// The Slurm executor against a real single-node Slurm (started in `before`, stopped by pid in `after`). The cases
// run concurrently on the one cluster (8 announced CPUs; the jobs mostly sleep): each has its own workspace.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProjectPlan } from '../../src/core/model';
import { readHistory } from '../../src/core/runs/history';
import { listPending } from '../../src/core/runs/pendingStore';
import { prepareRun } from '../../src/core/runs/prepare';
import { slurmSettings } from '../../src/core/runs/slurm/settings';
import { createSlurmClient, type SlurmClient } from '../../src/core/runs/slurm/slurmProcess';
import { submitSlurmRun, submitSlurmRuns } from '../../src/core/runs/slurm/submit';
import { syncPendingRuns } from '../../src/core/runs/slurm/sync';
import { waitForRuns } from '../../src/core/runs/slurm/wait';
import { startTestCluster, waitFor, type TestCluster } from './helpers/cluster';

const ROOT = path.resolve(__dirname, '../..');
let cluster: TestCluster | undefined;
let skip: string | false = false;
let slurm: SlurmClient;
const workspaces: string[] = [];

before(() => {
  const c = startTestCluster(8);
  if ('skip' in c) {
    skip = c.skip;
    console.log(`# skipping the Slurm cluster tests: ${c.skip}`);
    return;
  }
  cluster = c;
  slurm = createSlurmClient({ env: c.env });
});
after(() => {
  cluster?.stop();
  for (const ws of workspaces) rmSync(ws, { recursive: true, force: true });
});

function workspace(evaluation: NonNullable<ProjectPlan['evaluation']>, candidates = ['base']): { root: string; plan: ProjectPlan } {
  const root = mkdtempSync(path.join(tmpdir(), 'mlp-slurm-ws-'));
  workspaces.push(root);
  const plan: ProjectPlan = {
    version: 1,
    candidates: candidates.map((id, i) => ({ id, baseline: i === 0 })),
    decision: { chosen: candidates[0] },
    evaluation: { executor: 'slurm', ...evaluation },
  };
  return { root, plan };
}

async function prepare(root: string, plan: ProjectPlan, candidateId?: string) {
  return prepareRun(plan, { root, candidateId, env: cluster!.env, source: 'cli' });
}

/** Runs the mlproject CLI (its TypeScript source) in `cwd`, against the test cluster. */
function mlproject(cwd: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd, env: cluster!.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Writes the workspace's .mlproject.yaml: one baseline candidate, logreg, running `command` on Slurm. */
function writePlanFile(root: string, name: string, command: string, goal?: string): void {
  writeFileSync(path.join(root, '.mlproject.yaml'), [
    'version: 1', `project: { name: ${name} }`, ...(goal ? [goal] : []), 'candidates:', '  - { id: logreg, baseline: true }',
    'decision: { chosen: logreg }', 'evaluation:', '  executor: slurm', `  command: ${command}`, '  timeout: 5m', '',
  ].join('\n'));
}

const METRICS = `echo '{"acc":0.75}' > \${metricsFile}`;
const MIN = 60_000;

describe('Slurm executor on a real cluster', { concurrency: true }, () => {
  test('submit, then queued -> running -> ok, with the log followed', { timeout: 2 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const { root, plan } = workspace({ command: `echo hello \${candidate}; sleep 2; ${METRICS}` });
    const prepared = await prepare(root, plan);
    const submitted = await submitSlurmRun(prepared, slurmSettings(plan), slurm);
    assert.ok(submitted.pending, 'the run is pending');
    assert.equal(submitted.pending.state, 'queued');
    assert.match(submitted.pending.jobId ?? '', /^\d+$/);
    const onDisk = (await listPending(root)).runs;
    assert.deepEqual(onDisk.map((p) => [p.prepared.runId, p.jobId, p.state]), [[prepared.runId, submitted.pending.jobId, 'queued']]);
    assert.equal((await readHistory(prepared.historyFile, prepared.root)).runs.length, 0, 'a pending run is not in the history');
    const states: string[] = [];
    let log = '';
    const [record] = await waitForRuns(root, [submitted.pending], slurm, { onState: (p) => states.push(p.state), onLog: (_id, text) => { log += text; } });
    assert.equal(record.status, 'ok', record.error);
    assert.deepEqual(record.metrics, { acc: 0.75 });
    assert.equal(record.exitCode, 0);
    assert.ok(states.includes('running'), `states seen: ${states.join(', ')}`);
    assert.match(log, /hello base/);
    assert.match(readFileSync(path.join(prepared.runDir, 'log.txt'), 'utf8'), /hello base/);
    assert.deepEqual((await readHistory(prepared.historyFile, prepared.root)).runs.map((r) => r.id), [prepared.runId]);
    assert.deepEqual((await listPending(root)).runs, []);
  });

  test('a failing job is recorded as failed with its exit code and last log line', { timeout: 2 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const { root, plan } = workspace({ command: 'echo "bad input" >&2; exit 7' });
    const submitted = await submitSlurmRun(await prepare(root, plan), slurmSettings(plan), slurm);
    const [record] = await waitForRuns(root, [submitted.pending!], slurm);
    assert.equal(record.status, 'failed');
    assert.equal(record.exitCode, 7);
    assert.match(record.error ?? '', /exited with code 7: bad input/);
  });

  test('cancelling a running job records it as cancelled', { timeout: 2 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const { root, plan } = workspace({ command: 'echo started; sleep 90' });
    const submitted = await submitSlurmRun(await prepare(root, plan), slurmSettings(plan), slurm);
    const abort = new AbortController();
    const [record] = await waitForRuns(root, [submitted.pending!], slurm, {
      signal: abort.signal,
      onState: (p) => { if (p.state === 'running') abort.abort(); },
    });
    assert.equal(record.status, 'cancelled');
    assert.match(record.error ?? '', /cancelled with scancel/);
    assert.ok(record.durationMs < 60_000, `ended after ${record.durationMs} ms`);
  });

  test('a job past its time limit is recorded as timeout', { timeout: 4 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const { root, plan } = workspace({ command: 'sleep 100', slurm: { time: 1 } });
    const submitted = await submitSlurmRun(await prepare(root, plan), slurmSettings(plan), slurm);
    const [record] = await waitForRuns(root, [submitted.pending!], slurm, { maxPollMs: 3000 });
    assert.equal(record.status, 'timeout', record.error);
    assert.match(record.error ?? '', /time limit \(1\)/);
  });

  test('hostile candidate names reach the job as one literal word', { timeout: 2 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const hostile = `a b'; touch pwned; echo "$(touch pwned2)" \`touch pwned3\``;
    const { root, plan } = workspace({ command: `printf %s \${candidate} > \${runDir}/cand.txt; ${METRICS}` }, [hostile]);
    const prepared = await prepare(root, plan);
    const [record] = await waitForRuns(root, [(await submitSlurmRun(prepared, slurmSettings(plan), slurm)).pending!], slurm);
    assert.equal(record.status, 'ok', record.error);
    assert.equal(readFileSync(path.join(prepared.runDir, 'cand.txt'), 'utf8'), hostile);
    for (const f of ['pwned', 'pwned2', 'pwned3']) assert.ok(!existsSync(path.join(root, f)), f);
  });

  test('a sweep of 8 prepared runs becomes 8 jobs, all recorded', { timeout: 3 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const ids = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
    const { root, plan } = workspace({ command: `sleep 1; ${METRICS}` }, ids);
    const prepared = [];
    for (const id of ids) prepared.push(await prepare(root, plan, id));
    const results = await submitSlurmRuns(prepared, slurmSettings(plan), slurm);
    assert.equal(new Set(results.map((r) => r.pending?.jobId)).size, 8, 'eight distinct jobs');
    const records = await waitForRuns(root, results.map((r) => r.pending!), slurm);
    assert.deepEqual(records.map((r) => [r.candidate, r.status]), ids.map((id) => [id, 'ok']));
    const history = await readHistory(prepared[0].historyFile, prepared[0].root);
    assert.equal(history.runs.length, 8);
    assert.equal(new Set(history.runs.map((r) => r.id)).size, 8);
  });

  test('three syncs racing over one ended job record it exactly once', { timeout: 2 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const { root, plan } = workspace({ command: METRICS });
    const submitted = await submitSlurmRun(await prepare(root, plan), slurmSettings(plan), slurm);
    await waitFor('the job to end', MIN, async () => ((await slurm.queue([submitted.pending!.jobId!])).size === 0 ? true : undefined));
    const results = await Promise.all([1, 2, 3].map(() => syncPendingRuns(root, slurm)));
    assert.equal(results.reduce((n, r) => n + r.finished.length, 0), 1, 'one sync reports it finished');
    const history = await readHistory(submitted.pending!.prepared.historyFile, submitted.pending!.prepared.root);
    assert.deepEqual(history.runs.map((r) => [r.id, r.status]), [[submitted.pending!.prepared.runId, 'ok']]);
    assert.deepEqual((await listPending(root)).runs, []);
  });

  test('a job that ends while no mlproject process runs is recorded by the next `runs --sync`, once', { timeout: 2 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const { root } = workspace({ command: 'x' });
    writePlanFile(root, 'offline', `sleep 2; ${METRICS}`);
    const cli = (...args: string[]) => mlproject(root, ...args);
    const submitted = await cli('eval', '--json');
    assert.equal(submitted.code, 0, submitted.stderr);
    const { pending } = JSON.parse(submitted.stdout) as { pending: { runId: string; jobId: string; state: string }[] };
    assert.equal(pending.length, 1);
    assert.equal(pending[0].state, 'queued');
    // the CLI has exited; the job runs on
    await waitFor('the job to end (scontrol)', MIN, () => {
      const r = spawnSync('scontrol', ['show', 'job', '-o', pending[0].jobId], { env: cluster!.env, encoding: 'utf8' });
      return /JobState=COMPLETED/.test(r.stdout) ? true : undefined;
    });
    const historyFile = path.join(root, '.mlproject/runs.jsonl');
    assert.equal((await readHistory(historyFile, path.dirname(historyFile))).runs.length, 0, 'nothing recorded before the sync');
    const first = await cli('runs', '--sync', '--format', 'json');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, new RegExp(`recorded: run ${pending[0].runId} \\(logreg\\) ok`));
    const second = await cli('runs', '--sync', '--format', 'json');
    assert.equal(second.code, 0, second.stderr);
    const listed = JSON.parse(second.stdout) as { runs: { id: string; status: string }[]; pending: unknown[] };
    assert.deepEqual(listed.pending, []);
    assert.deepEqual(listed.runs.map((r) => [r.id, r.status]), [[pending[0].runId, 'ok']]);
    assert.equal((await readHistory(historyFile, path.dirname(historyFile))).runs.length, 1, 'recorded exactly once');
  });

  test('eval --wait --require-targets gates as a local eval does: on the mean, and =confident never on one run', { timeout: 3 * MIN }, async (t) => {
    if (skip) return t.skip(skip);
    const { root } = workspace({ command: 'x' });
    writePlanFile(root, 'gate', `echo '{"acc":0.8'\${seed}'}' > \${metricsFile}`, 'goal: { success_criteria: [{ metric: acc, target: 0.7, direction: maximize }] }');
    const confident = await mlproject(root, 'eval', '--wait', '--require-targets=confident');
    assert.equal(confident.code, 1, confident.stderr);
    assert.match(confident.stderr, /error: success criteria not met with confidence: acc \(n=1: one run has no interval; repeat the run\)/);
    const mean = await mlproject(root, 'eval', '--wait', '--require-targets');
    assert.equal(mean.code, 0, mean.stderr);
    // a sweep of three seeds (0.80, 0.81, 0.82): the latest sweep's interval is wholly above 0.7
    const sweep = await mlproject(root, 'eval', '--wait', '--repeat', '3', '--require-targets=confident');
    assert.equal(sweep.code, 0, sweep.stderr);
    assert.equal((await readHistory(path.join(root, '.mlproject/runs.jsonl'), root)).runs.length, 5);
  });
});
