// Evaluation runs in the real extension host: the Run Evaluation command (with arguments that skip its prompts) runs
// evaluation.command as a VS Code task (a pseudoterminal; the extension spawns the command) and records the run; a run stopped from outside (terminating its task) is
// recorded as cancelled; a run past evaluation.timeout as timeout; the first-run approval store.
// The workspace is a temp copy of examples/genre-tagger (its eval.py is Python 3 standard library).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CommandApprovals, commandHash, APPROVALS_KEY, MAX_APPROVALS } from '../../../src/extension/runs/approval';
import type { RunResult } from '../../../src/extension/runs/runEvaluation';
import { parseHistory } from '../../../src/core/runs/history';
import { summarizeCandidates } from '../../../src/core/runs/candidateStats';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { DASHBOARD_LAST_MESSAGE_COMMAND } from '../../../src/extension/runs/dashboardPanel';
import type { ToWebview } from '../../../src/extension/runs/dashboardProtocol';
import { EXTENSION_ID, until, writeWorkspaceFile } from './planHelpers';


const folder = () => vscode.workspace.workspaceFolders![0];
const root = () => folder().uri.fsPath;
const planFile = () => path.join(root(), '.mlproject.yaml');
const historyFile = () => path.join(root(), '.mlproject', 'runs.jsonl');

function history() {
  return fs.existsSync(historyFile()) ? parseHistory(fs.readFileSync(historyFile(), 'utf8')) : { runs: [], corrupt: [] };
}

function run(args: { candidate: string; note?: string }): Thenable<RunResult | undefined> {
  return vscode.commands.executeCommand<RunResult | undefined>('mlproject.runEvaluation', { folder: folder().uri.toString(), ...args });
}

const writePlan = (text: string) => writeWorkspaceFile(planFile(), text);

/** Changes the plan on disk (e.g. `evaluation.command` or `timeout`). */
function withPlan(edit: (text: string) => string): Promise<void> {
  return writePlan(edit(fs.readFileSync(planFile(), 'utf8')));
}

suite('runs: evaluation from the editor', () => {
  let originalPlan: string;
  let originalHistory: string | undefined;
  let originalRunDirs: Set<string>;
  const runsDir = () => path.join(root(), '.mlproject', 'runs');
  const runDirs = () => (fs.existsSync(runsDir()) ? fs.readdirSync(runsDir()) : []);

  suiteSetup(async function () {
    this.timeout(60_000);
    await until(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} to activate`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    originalPlan = fs.readFileSync(planFile(), 'utf8');
    // the example may ship a history of earlier runs: the suite puts it back as it was
    originalHistory = fs.existsSync(historyFile()) ? fs.readFileSync(historyFile(), 'utf8') : undefined;
    originalRunDirs = new Set(runDirs());
    // The first-run confirmation is a modal dialog; the approval store is tested on its own below.
    await vscode.workspace.getConfiguration('mlproject', folder().uri).update('evaluation.confirmNewCommands', false, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await writePlan(originalPlan);
    await vscode.workspace.getConfiguration('mlproject', folder().uri).update('evaluation.confirmNewCommands', undefined, vscode.ConfigurationTarget.Workspace);
    if (originalHistory === undefined) fs.rmSync(historyFile(), { force: true });
    else fs.writeFileSync(historyFile(), originalHistory);
    for (const d of runDirs()) if (!originalRunDirs.has(d)) fs.rmSync(path.join(runsDir(), d), { recursive: true, force: true });
  });

  test('a run launched by the command completes as a task and is recorded with metrics and ✓/✗', async function () {
    this.timeout(90_000);
    const before = history().runs.length;
    const baseline = await run({ candidate: 'logreg', note: 'host test: baseline' });
    assert.ok(baseline, 'the command returned no result');
    assert.equal(baseline.record.status, 'ok', baseline.record.error);
    assert.equal(baseline.record.source, 'editor');
    assert.equal(baseline.record.note, 'host test: baseline');
    assert.equal(typeof baseline.record.metrics.macro_f1, 'number');
    assert.equal(typeof baseline.record.metrics.latency_ms, 'number');

    const cnn = await run({ candidate: 'cnn', note: 'host test: chosen' });
    assert.ok(cnn);
    assert.equal(cnn.record.status, 'ok', cnn.record.error);
    // compared with the baseline run just recorded, and with both success criteria
    assert.equal(cnn.comparison.baseline?.id, baseline.record.id);
    const f1 = cnn.comparison.metrics.find((m) => m.metric === 'macro_f1')!;
    assert.ok(Math.abs(f1.delta! - (cnn.record.metrics.macro_f1 - baseline.record.metrics.macro_f1)) < 1e-12);
    assert.deepEqual(cnn.comparison.criteria.map((c) => c.metric), ['macro_f1', 'latency_ms']);
    for (const c of cnn.comparison.criteria) {
      const expected = c.direction === 'minimize' ? c.value! <= c.target : c.value! >= c.target;
      assert.equal(c.status, expected ? 'pass' : 'fail', `${c.metric} ${c.value} vs ${c.target}`);
    }

    const h = history();
    assert.equal(h.runs.length, before + 2);
    const recorded = h.runs.find((r) => r.id === cnn.record.id);
    assert.ok(recorded, 'the run is in .mlproject/runs.jsonl');
    assert.deepEqual(recorded.metrics, cnn.record.metrics);
    assert.match(recorded.command, /python3 eval\.py --model 'cnn' --data data\/test\.csv --out '.*metrics\.json'/);
    assert.ok(fs.existsSync(path.join(root(), '.mlproject', 'runs', cnn.record.id, 'metrics.json')));
  });

  test('terminating the task records the run as cancelled', async function () {
    this.timeout(90_000);
    await withPlan((t) => t.replace(/^(\s*command:\s*)python3 eval\.py/m, '$1sleep 60 && python3 eval.py'));
    let started: vscode.TaskExecution | undefined;
    const sub = vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.definition.type === 'mlproject' && e.execution.task.definition.candidate === 'knn') started = e.execution;
    });
    const pending = run({ candidate: 'knn', note: 'host test: cancelled' });
    const execution = await until(() => started, 'the evaluation task to start');
    sub.dispose();
    const t0 = Date.now();
    execution.terminate(); // what the terminal's trash can and "Terminate Task" do
    const result = await pending;
    assert.ok(result);
    assert.equal(result.record.status, 'cancelled', `ran: ${result.record.command}`);
    assert.equal(result.record.error, 'its terminal was closed or its task terminated');
    assert.ok(Date.now() - t0 < 20_000, 'it stopped long before `sleep 60` would have ended');
    assert.deepEqual(result.record.metrics, {});
    assert.equal(history().runs.find((r) => r.id === result.record.id)?.status, 'cancelled');
    assert.equal(result.comparison.targetsMet, false);
  });

  test('a run past evaluation.timeout is terminated and recorded as timeout', async function () {
    this.timeout(90_000);
    await withPlan((t) => t.replace(/^(\s*timeout:\s*).*$/m, '$12s'));
    const started = Date.now();
    const result = await run({ candidate: 'knn', note: 'host test: timeout' });
    assert.ok(result);
    assert.equal(result.record.status, 'timeout');
    assert.ok(Date.now() - started < 30_000, 'the task was stopped long before the command would have ended');
    assert.equal(history().runs.find((r) => r.id === result.record.id)?.status, 'timeout');
    await withPlan(() => originalPlan);
  });

  test('row actions: rerun repeats candidate and note; copy command puts the exact command on the clipboard', async function () {
    this.timeout(60_000);
    const last = history().runs.find((r) => r.note === 'host test: baseline');
    assert.ok(last, 'the baseline run of the first test');
    // what the Runs view passes to its row commands
    const node = { kind: 'run', project: { folder: folder(), planUri: vscode.Uri.file(planFile()) }, run: last };
    const again = await vscode.commands.executeCommand<RunResult | undefined>('mlproject.rerun', node);
    assert.ok(again);
    assert.equal(again.record.candidate, 'logreg');
    assert.equal(again.record.note, 'host test: baseline');
    assert.notEqual(again.record.id, last.id);
    assert.equal(again.record.status, 'ok', again.record.error);
    await vscode.commands.executeCommand('mlproject.copyCommand', { ...node, run: again.record });
    assert.equal(await vscode.env.clipboard.readText(), again.record.command);
  });

  test('an unknown candidate is refused before anything runs', async () => {
    const before = history().runs.length;
    const result = await run({ candidate: 'no-such-model' });
    assert.equal(result, undefined);
    assert.equal(history().runs.length, before);
  });

  test('first-run approvals: keyed by a hash of folder and exact command text, remembered, bounded', async () => {
    const store = new Map<string, unknown>();
    const state = { get: <T>(k: string) => store.get(k) as T | undefined, update: async (k: string, v: unknown) => void store.set(k, v) };
    const approvals = new CommandApprovals(state);
    const cmd = 'python3 eval.py --model ${candidate} --out ${metricsFile}';
    assert.equal(approvals.isApproved(cmd, 'file:///ws'), false);
    await approvals.approve(cmd, 'file:///ws');
    assert.equal(approvals.isApproved(cmd, 'file:///ws'), true);
    // a fresh store over the same state (e.g. after a reload) remembers it
    assert.equal(new CommandApprovals(state).isApproved(cmd, 'file:///ws'), true);
    // any change to the text, or another folder, asks again
    assert.equal(approvals.isApproved(cmd + ' ', 'file:///ws'), false);
    assert.equal(approvals.isApproved(cmd.replace('eval.py', 'evil.py'), 'file:///ws'), false);
    assert.equal(approvals.isApproved(cmd, 'file:///other'), false);
    // only hashes are stored, never the command text
    assert.deepEqual(store.get(APPROVALS_KEY), [commandHash(cmd, 'file:///ws')]);
    assert.match(commandHash(cmd), /^[0-9a-f]{64}$/);
    await approvals.forget(cmd, 'file:///ws');
    assert.equal(approvals.isApproved(cmd, 'file:///ws'), false);
    for (let i = 0; i < MAX_APPROVALS + 10; i++) await approvals.approve(`cmd ${i}`);
    assert.equal((store.get(APPROVALS_KEY) as string[]).length, MAX_APPROVALS);
    assert.equal(approvals.isApproved(`cmd ${MAX_APPROVALS + 9}`), true);
    assert.equal(approvals.isApproved('cmd 0'), false, 'the oldest approval is forgotten first');
    // a corrupt state value is treated as no approvals
    store.set(APPROVALS_KEY, 'garbage');
    assert.equal(approvals.isApproved(cmd), false);
  });

  test('the dashboard opens for the project', async () => {
    const opened = await vscode.commands.executeCommand<boolean>('mlproject.openDashboard', { folder: folder().uri.toString() });
    assert.equal(opened, true);
    await until(() => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Runs'))), 'the dashboard tab');
    // the webview asks for its data; the message carries the comparison of the candidates, computed by the core
    const message = await until(async () => await vscode.commands.executeCommand<ToWebview | undefined>(DASHBOARD_LAST_MESSAGE_COMMAND, { folder: folder().uri.toString() }), 'the dashboard data message');
    const { payload } = message;
    assert.deepEqual(payload.comparisons.map((c) => c.metric), payload.charts.map((c) => c.metric));
    const f1 = payload.comparisons.find((c) => c.metric === 'macro_f1');
    assert.ok(f1 && f1.ranked && f1.rows.length > 0, 'a ranked comparison of macro_f1');
    const stats = summarizeCandidates(history().runs, parsePlan(fs.readFileSync(planFile(), 'utf8')).plan);
    for (const row of f1.rows) {
      const m = stats.find((s) => s.candidate === row.candidate)?.metrics.find((x) => x.metric === 'macro_f1');
      assert.ok(m, `${row.candidate} has macro_f1 statistics`);
      assert.deepEqual([row.n, row.mean, row.ci], [m.n, m.mean, m.ci], `${row.candidate}: the core's mean and interval`);
    }
    const means = f1.rows.map((r) => r.mean);
    assert.deepEqual(means, [...means].sort((a, b) => b - a), 'best (highest macro_f1) first');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
