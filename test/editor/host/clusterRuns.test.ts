// Cluster runs in the real extension host, against the throwaway Slurm cluster the runner started (its SLURM_CONF is
// in code-server's environment, so the extension's sbatch and squeue reach it). Run Evaluation with
// `evaluation.executor: slurm` submits a job instead of starting a task; the run is an active row (queued, then
// running) until the extension's own polling records it; a job submitted with the CLI and ended meanwhile is
// recorded once by the next sync (Refresh); Cancel Cluster Job runs scancel and the run is recorded as cancelled.
// Without Slurm the suite skips, saying why; under CI=true it fails instead.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseHistory } from '../../../src/core/runs/history';
import type { ClusterRowSummary } from '../../../src/extension/runs/slurm/clusterRows';
import type { SubmittedRun } from '../../../src/extension/runs/slurm/clusterSubmit';
import { activated, extensionPath, until, writeWorkspaceFile } from './planHelpers';

const folder = () => vscode.workspace.workspaceFolders![0];
const root = () => folder().uri.fsPath;
const planFile = () => path.join(root(), '.mlproject.yaml');
const historyFile = () => path.join(root(), '.mlproject', 'runs.jsonl');
const pendingDir = () => path.join(root(), '.mlproject', 'pending');
const runsDir = () => path.join(root(), '.mlproject', 'runs');
const runDirs = () => (fs.existsSync(runsDir()) ? fs.readdirSync(runsDir()) : []);
const MIN = 60_000;

const linesOf = (runId: string) => (fs.existsSync(historyFile()) ? parseHistory(fs.readFileSync(historyFile(), 'utf8')).runs.filter((r) => r.id === runId) : []);
const pendingFile = (runId: string) => path.join(pendingDir(), `${runId}.json`);
const clusterRows = () => vscode.commands.executeCommand<ClusterRowSummary[]>('mlproject.syncClusterRuns');

/** Polls a slow check (one that asks Slurm) once a second. */
async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) assert.fail(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const writePlan = (text: string) => writeWorkspaceFile(planFile(), text);

/** The example's plan on Slurm, with `prefix` before its command (e.g. `sleep 120 && `). */
function slurmPlan(original: string, prefix = ''): string {
  const text = original.replace(/^evaluation:\n/m, 'evaluation:\n  executor: slurm\n').replace(/^(\s*command:\s*)python3 eval\.py/m, `$1${prefix}python3 eval.py`);
  assert.notEqual(text, original);
  return text;
}

async function submit(candidate: string, note: string): Promise<SubmittedRun['submitted']> {
  const result = await vscode.commands.executeCommand<SubmittedRun | { record: { status: string; error?: string } } | undefined>(
    'mlproject.runEvaluation', { folder: folder().uri.toString(), candidate, note });
  assert.ok(result, 'Run Evaluation returned nothing');
  assert.ok('submitted' in result, `not submitted: ${'record' in result ? `${result.record.status}: ${result.record.error}` : ''}`);
  return result.submitted;
}

suite('cluster runs: Slurm from the editor', () => {
  let originalPlan: string;
  let originalHistory: string | undefined;
  let originalRunDirs: Set<string>;

  suiteSetup(async function () {
    this.timeout(MIN);
    const conf = process.env.SLURM_CONF;
    // only the runner's throwaway cluster: a SLURM_CONF inherited from the shell (a real cluster) is never used
    if (process.env.MLPROJECT_SLURM_SKIP || !conf || !fs.existsSync(conf)) {
      const why = process.env.MLPROJECT_SLURM_SKIP ?? 'no test cluster (SLURM_CONF is not set by test/editor/runEditorTests.mjs)';
      if (process.env.CI === 'true') assert.fail(`CI=true and ${why}`);
      console.log(`[mlproject-tests] skipping the cluster suite: ${why}`);
      this.skip();
    }
    await activated();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    originalPlan = fs.readFileSync(planFile(), 'utf8');
    originalHistory = fs.existsSync(historyFile()) ? fs.readFileSync(historyFile(), 'utf8') : undefined;
    originalRunDirs = new Set(runDirs());
    // the first-run confirmation is a modal dialog: off here, as in runs.test.ts (it is the same code path as local runs)
    await vscode.workspace.getConfiguration('mlproject', folder().uri).update('evaluation.confirmNewCommands', false, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async function () {
    this.timeout(MIN);
    if (originalPlan === undefined) return;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // nothing of this suite may stay queued on the cluster
    const left = fs.existsSync(pendingDir()) ? fs.readdirSync(pendingDir()).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
    for (const id of left) await vscode.commands.executeCommand('mlproject.cancelClusterRun', id);
    await writePlan(originalPlan);
    await vscode.workspace.getConfiguration('mlproject', folder().uri).update('evaluation.confirmNewCommands', undefined, vscode.ConfigurationTarget.Workspace);
    if (originalHistory === undefined) fs.rmSync(historyFile(), { force: true });
    else fs.writeFileSync(historyFile(), originalHistory);
    fs.rmSync(pendingDir(), { recursive: true, force: true });
    for (const d of runDirs()) if (!originalRunDirs.has(d)) fs.rmSync(path.join(runsDir(), d), { recursive: true, force: true });
  });

  test('Run Evaluation submits a job; its row is queued, then the run is recorded ok by the editor\'s polling, once', async function () {
    this.timeout(3 * MIN);
    await writePlan(slurmPlan(originalPlan));
    const started: string[] = [];
    const sub = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task.name));
    let job: SubmittedRun['submitted'];
    try {
      job = await submit('logreg', 'host test: on slurm');
    } finally {
      sub.dispose();
    }
    assert.deepEqual(started, [], 'a run on Slurm starts no local task');
    assert.match(job.jobId ?? '', /^\d+$/);
    assert.equal(job.state, 'queued');
    assert.ok(fs.existsSync(pendingFile(job.runId)), 'the run is stored as pending');
    assert.equal(linesOf(job.runId).length, 0, 'a pending run is not in the history');
    const row = (await clusterRows()).find((r) => r.id === job.runId);
    assert.ok(row, 'the run is an active row');
    assert.ok(row.phase === 'queued' || row.phase === 'running', row.phase);
    assert.equal(row.jobId, job.jobId);
    assert.equal(row.logFile, path.join(runsDir(), job.runId, 'log.txt'));

    // no sync from here on: the extension polls by itself while a run is pending
    const [record] = await eventually(() => { const l = linesOf(job.runId); return l.length > 0 ? l : undefined; }, 'the run to be recorded', 2 * MIN);
    assert.equal(record.status, 'ok', record.error);
    assert.equal(record.source, 'editor');
    assert.equal(record.note, 'host test: on slurm');
    assert.equal(typeof record.metrics.macro_f1, 'number');
    await until(() => !fs.existsSync(pendingFile(job.runId)), 'the pending file to go');
    assert.equal((await clusterRows()).some((r) => r.id === job.runId), false, 'the row is gone once the run is in the history');
    assert.equal(linesOf(job.runId).length, 1, 'recorded exactly once');

    // Show Log on the recorded run opens the job's output
    const node = { kind: 'run', project: { folder: folder(), planUri: vscode.Uri.file(planFile()) }, run: record };
    assert.equal(await vscode.commands.executeCommand('mlproject.showRunLog', node), true);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(runsDir(), job.runId, 'log.txt'));
  });

  test('a job submitted with the CLI that ended unseen is recorded once by the next sync (Refresh), however many syncs race', async function () {
    this.timeout(3 * MIN);
    await writePlan(slurmPlan(originalPlan));
    const cli = path.join(extensionPath(), 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'eval', root(), '--candidate', 'knn', '--note', 'host test: cli'], {
      cwd: root(), encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: MIN,
    });
    assert.equal(r.status, 0, r.stderr);
    const m = /queued: run (\S+) \(knn\) as Slurm job (\d+)/.exec(r.stderr);
    assert.ok(m, r.stderr);
    const [, runId, jobId] = m;
    // until Slurm itself says the job ended
    await eventually(() => {
      const s = spawnSync('scontrol', ['show', 'job', '-o', jobId], { encoding: 'utf8' });
      return /JobState=COMPLETED/.test(s.stdout) || undefined;
    }, `job ${jobId} to end`, 2 * MIN);
    await vscode.commands.executeCommand('mlproject.refresh');
    await Promise.all([clusterRows(), clusterRows(), vscode.commands.executeCommand('mlproject.refresh'), clusterRows()]);
    const lines = await eventually(() => { const l = linesOf(runId); return l.length > 0 ? l : undefined; }, 'the CLI run to be recorded', MIN);
    await clusterRows();
    assert.equal(linesOf(runId).length, 1, 'recorded exactly once');
    assert.equal(lines[0].status, 'ok', lines[0].error);
    assert.equal(lines[0].source, 'cli');
    assert.equal(fs.existsSync(pendingFile(runId)), false);
    assert.equal((await clusterRows()).some((x) => x.id === runId), false);
  });

  test('Cancel Cluster Job on a running row runs scancel; the run is recorded as cancelled', async function () {
    this.timeout(3 * MIN);
    await writePlan(slurmPlan(originalPlan, 'echo started && sleep 120 && '));
    const job = await submit('cnn', 'host test: cancelled on slurm');
    const row = await eventually(async () => (await clusterRows()).find((x) => x.id === job.runId && x.phase === 'running'), 'the row to be running', 2 * MIN);
    // Show Log on the active row: the job's output as it writes it
    await until(() => fs.existsSync(row.logFile!) && fs.readFileSync(row.logFile!, 'utf8').includes('started'), 'the job to write its log');
    assert.equal(await vscode.commands.executeCommand('mlproject.showRunLog', row), true);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, row.logFile);

    const t0 = Date.now();
    assert.equal(await vscode.commands.executeCommand('mlproject.cancelClusterRun', row), true);
    const [record] = await eventually(() => { const l = linesOf(job.runId); return l.length > 0 ? l : undefined; }, 'the cancelled run to be recorded', 2 * MIN);
    assert.equal(record.status, 'cancelled', record.error);
    assert.match(record.error ?? '', /cancel/i);
    assert.ok(Date.now() - t0 < 100_000, 'recorded long before `sleep 120` would have ended');
    assert.deepEqual(record.metrics, {});
    assert.equal(linesOf(job.runId).length, 1);
    assert.equal((await clusterRows()).some((x) => x.id === job.runId), false);
  });
});
