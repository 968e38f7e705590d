// Sweeps and statistics in the real extension host: Evaluate All Candidates and a repeat count run the core's sweep
// (baseline first, seeds 0..N−1, one sweep id, at most `parallel` at once); queued and running runs are rows of the
// Runs view (ActiveRuns) with their elapsed time and vanish once recorded; Cancel stops the whole sweep and every run
// is recorded exactly once; the grouped rows show n, mean ± 95% CI and a verdict; rows read statuses in words and
// tell apart ok-and-met, ok-but-missed and not ok; Ctrl+C sent to a run's terminal records it as cancelled.
// A small shell script stands in for eval.py, so each run takes a fraction of a second (or as long as asked).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseHistory } from '../../../src/core/runs/history';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import type { ExtensionExports } from '../../../src/extension/extension';
import type { RunResult, SweepOutcome } from '../../../src/extension/runs/runEvaluation';
import type { RunsViewNode } from '../../../src/extension/runs/runsView';
import { EXTENSION_ID, until, writeWorkspaceFile } from './planHelpers';

const folder = () => vscode.workspace.workspaceFolders![0];
const root = () => folder().uri.fsPath;
const planFile = () => path.join(root(), '.mlproject.yaml');
const historyFile = () => path.join(root(), '.mlproject', 'runs.jsonl');
const exportsOf = () => vscode.extensions.getExtension<ExtensionExports>(EXTENSION_ID)!.exports;

function history(): RunRecord[] {
  return fs.existsSync(historyFile()) ? parseHistory(fs.readFileSync(historyFile(), 'utf8')).runs : [];
}

// macro_f1 per candidate: logreg 0.60x (misses the 0.8 target), knn 0.80x, cnn 0.85x (x = the seed); latency 1.
const FAKE_EVAL = `#!/bin/sh
# fake_eval.sh CANDIDATE SEED OUT SLEEP
echo "evaluating $1 with seed $2"
sleep "$4"
case "$1" in logreg) base=0.60 ;; knn) base=0.80 ;; *) base=0.85 ;; esac
printf '{"macro_f1": %s%s, "latency_ms": 1}\\n' "$base" "$2" > "$3"
`;

const writePlan = (text: string) => writeWorkspaceFile(planFile(), text);

/** The plan with evaluation.command running the fake script (sleeping `sleep` seconds, writing metrics to `out`). */
function fakePlan(original: string, sleep: number, out = '${metricsFile}'): string {
  return original.replace(/^(\s*command:\s*).*$/m, `$1sh fake_eval.sh \${candidate} \${seed} ${out} ${sleep}`);
}

/** The most runs that overlapped in time. */
function maxOverlap(runs: readonly RunRecord[]): number {
  const edges = runs.flatMap((r) => [{ t: Date.parse(r.start), d: 1 }, { t: Date.parse(r.end), d: -1 }]).sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const e of edges) max = Math.max(max, (now += e.d));
  return max;
}

const view = () => exportsOf().runsView;
const itemOf = (n: RunsViewNode) => view().getTreeItem(n);
const iconId = (item: vscode.TreeItem) => (item.iconPath as vscode.ThemeIcon | undefined)?.id;

suite('runs: sweeps and statistics in the editor', () => {
  let originalPlan: string;
  let originalHistory: string | undefined;

  suiteSetup(async function () {
    this.timeout(60_000);
    await until(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} to activate`);
    originalPlan = fs.readFileSync(planFile(), 'utf8');
    originalHistory = fs.existsSync(historyFile()) ? fs.readFileSync(historyFile(), 'utf8') : undefined;
    fs.writeFileSync(path.join(root(), 'fake_eval.sh'), FAKE_EVAL);
    await vscode.workspace.getConfiguration('mlproject', folder().uri).update('evaluation.confirmNewCommands', false, vscode.ConfigurationTarget.Workspace);
    await writePlan(fakePlan(originalPlan, 0.4));
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('mlproject.listRuns');
    await writePlan(originalPlan);
    await vscode.workspace.getConfiguration('mlproject', folder().uri).update('evaluation.confirmNewCommands', undefined, vscode.ConfigurationTarget.Workspace);
    if (originalHistory === undefined) fs.rmSync(historyFile(), { force: true });
    else fs.writeFileSync(historyFile(), originalHistory);
    fs.rmSync(path.join(root(), 'fake_eval.sh'), { force: true });
  });

  test('Evaluate All Candidates: baseline first, seeds 0..N−1, one sweep id, parallel 2, rows while active, each run once', async function () {
    this.timeout(90_000);
    const seen = { queued: false, running: false, elapsed: false, progress: [] as string[] };
    const { activeRuns } = exportsOf();
    const sub = activeRuns.onDidChange(() => {
      for (const r of activeRuns.list()) seen[r.phase] = true;
      for (const s of activeRuns.sweepsUnderWay()) seen.progress.push(`${s.finished}/${s.total}`);
    });
    const poll = setInterval(() => {
      for (const n of view().getChildren()) {
        if (n.kind === 'active' && /^(queued|running) \d+s/.test(String(itemOf(n).description))) seen.elapsed = true;
      }
    }, 50);
    const result = await vscode.commands.executeCommand<SweepOutcome>('mlproject.evaluateAll', { folder: folder().uri.toString(), repeats: 2, parallel: 2 });
    clearInterval(poll);
    sub.dispose();
    assert.ok(result && !result.cancelled);
    assert.deepEqual(result.records.map((r) => `${r.candidate}#${r.seed}`), ['logreg#0', 'logreg#1', 'knn#0', 'knn#1', 'cnn#0', 'cnn#1']);
    assert.match(result.sweepId ?? '', /^sweep-/);
    for (const r of result.records) {
      assert.equal(r.status, 'ok', r.error);
      assert.equal(r.sweepId, result.sweepId);
      assert.equal(r.source, 'editor');
      assert.ok(fs.readFileSync(path.join(root(), '.mlproject', 'runs', r.id, 'log.txt'), 'utf8').includes(`evaluating ${r.candidate} with seed ${r.seed}`), 'each run keeps its own log');
    }
    const h = history();
    for (const r of result.records) assert.equal(h.filter((x) => x.id === r.id).length, 1, `run ${r.id} is in the history exactly once`);
    assert.equal(maxOverlap(result.records), 2, 'two runs at a time, never more');
    assert.ok(seen.queued && seen.running, 'queued and running runs were in ActiveRuns');
    assert.ok(seen.elapsed, 'the Runs view showed an active row with its elapsed time');
    assert.ok(seen.progress.includes('0/6') && seen.progress.some((p) => /^[1-5]\/6$/.test(p)), `sweep progress: ${seen.progress.join(' ')}`);
    await until(() => activeRuns.list().length === 0 && activeRuns.sweepsUnderWay().length === 0, 'the active rows to vanish');
    assert.ok(!view().getChildren().some((n) => n.kind === 'active'));
  });

  test('grouped rows show n, mean ± 95% CI of macro_f1 and the verdict vs the baseline (better, baseline)', async function () {
    this.timeout(30_000);
    await vscode.commands.executeCommand('mlproject.groupRunsByCandidate');
    const groups = await until(() => {
      const g = view().getChildren().filter((n) => n.kind === 'candidate');
      return g.length >= 3 ? g : undefined;
    }, 'the candidate groups');
    const byName = new Map(groups.map((n) => [(n as { candidate: string }).candidate, itemOf(n)]));
    const knn = byName.get('knn')!;
    assert.match(String(knn.description), /^n=2 · macro_f1 0\.8005 ± [\d.]+ · better · \d+ runs/);
    assert.equal(iconId(knn), 'arrow-circle-up');
    assert.match((knn.tooltip as vscode.MarkdownString).value.replace(/\\/g, ''), /Verdict: better than logreg on macro_f1: Δ \+0\.2 \[\+0\.\d+, \+0\.\d+\] \(n=2 vs 2\)/);
    const logreg = byName.get('logreg')!;
    assert.match(String(logreg.description), /^n=2 · macro_f1 0\.6005 ± [\d.]+ · baseline/);
    assert.equal(iconId(logreg), 'milestone');
    await vscode.commands.executeCommand('mlproject.listRuns');
  });

  test('Run Evaluation with a repeat count: seeds 0..2 of one candidate in one sweep; a single run is n=1, within noise', async function () {
    this.timeout(60_000);
    const result = await vscode.commands.executeCommand<SweepOutcome>('mlproject.runEvaluation', { folder: folder().uri.toString(), candidate: 'cnn', repeats: 3 });
    assert.ok(result);
    assert.deepEqual(result.records.map((r) => `${r.candidate}#${r.seed}`), ['cnn#0', 'cnn#1', 'cnn#2']);
    assert.ok(result.sweepId && result.records.every((r) => r.sweepId === result.sweepId));

    const single = await vscode.commands.executeCommand<RunResult>('mlproject.runEvaluation', { folder: folder().uri.toString(), candidate: 'knn' });
    assert.equal(single?.record.status, 'ok');
    assert.equal(single?.record.sweepId, undefined);
    await vscode.commands.executeCommand('mlproject.groupRunsByCandidate');
    const knn = await until(() => {
      const n = view().getChildren().find((x) => x.kind === 'candidate' && x.candidate === 'knn');
      const item = n && itemOf(n);
      return item && /^n=1, no interval/.test(String(item.description)) ? item : undefined;
    }, 'knn with n=1');
    assert.match(String(knn.description), /^n=1, no interval · macro_f1 0\.8 · within noise/);
    assert.equal(iconId(knn), 'arrow-both');
    await vscode.commands.executeCommand('mlproject.listRuns');
  });

  test('run rows: ok and met, ok but missed, and metrics missing look different and say so in words', async function () {
    this.timeout(60_000);
    await writePlan(fakePlan(originalPlan, 0, '/dev/null'));
    const broken = await vscode.commands.executeCommand<RunResult>('mlproject.runEvaluation', { folder: folder().uri.toString(), candidate: 'knn' });
    assert.equal(broken?.record.status, 'metrics-error');
    await writePlan(fakePlan(originalPlan, 0.4));
    const rows = await until(() => {
      const r = view().getChildren().filter((n) => n.kind === 'run');
      return r.some((n) => n.kind === 'run' && n.run.id === broken!.record.id) ? r : undefined;
    }, 'the row of the run without metrics');
    const item = (pred: (r: RunRecord) => boolean) => itemOf(rows.find((n) => n.kind === 'run' && pred(n.run))!);
    const missing = item((r) => r.id === broken!.record.id);
    assert.equal(iconId(missing), 'warning');
    assert.match(String(missing.description), /^metrics missing/);
    assert.doesNotMatch(`${missing.description} ${missing.accessibilityInformation?.label}`, /metrics-error/);
    const met = item((r) => r.candidate === 'knn' && r.status === 'ok');
    const missed = item((r) => r.candidate === 'logreg' && r.status === 'ok');
    assert.equal(iconId(met), 'pass-filled');
    assert.equal(iconId(missed), 'pass');
    assert.match(String(met.accessibilityInformation?.label), /succeeded, every target met/);
    assert.match(String(missed.accessibilityInformation?.label), /succeeded, 1 of 2 targets missed/);
  });

  test('Cancel mid-sweep stops the whole sweep: running and queued runs recorded cancelled, each exactly once', async function () {
    this.timeout(90_000);
    await writePlan(fakePlan(originalPlan, 30));
    const { activeRuns } = exportsOf();
    const before = history().length;
    const t0 = Date.now();
    const pending = vscode.commands.executeCommand<SweepOutcome>('mlproject.evaluateAll', { folder: folder().uri.toString(), repeats: 2, parallel: 2 });
    const running = await until(() => {
      const rows = view().getChildren().filter((n) => n.kind === 'active' && n.run.phase === 'running');
      return rows.length === 2 ? rows : undefined;
    }, 'two running rows');
    assert.equal(itemOf(running[0]).contextValue, 'active-running');
    assert.equal(await vscode.commands.executeCommand('mlproject.cancelRun', running[0]), true);
    const result = await pending;
    assert.ok(Date.now() - t0 < 25_000, 'stopped long before the runs would have ended');
    assert.ok(result.cancelled);
    assert.equal(result.records.length, 6);
    assert.ok(result.records.every((r) => r.status === 'cancelled'));
    assert.deepEqual(result.records.map((r) => r.error), [
      'the sweep was stopped from the editor', 'the sweep was stopped from the editor',
      ...Array(4).fill('cancelled before it started'),
    ]);
    const h = history();
    assert.equal(h.length, before + 6);
    for (const r of result.records) assert.equal(h.filter((x) => x.id === r.id).length, 1);
    await until(() => activeRuns.list().length === 0, 'no active runs after the cancel');
    await writePlan(fakePlan(originalPlan, 0.4));
  });

  test('Ctrl+C typed into a run\'s terminal records the run as cancelled (not metrics missing, not exit code 0)', async function () {
    this.timeout(60_000);
    await writePlan(fakePlan(originalPlan, 30));
    await vscode.commands.executeCommand('mlproject.refresh'); // the run reads the 30-second command, not the last one
    let started: vscode.TaskExecution | undefined;
    const sub = vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.definition.type === 'mlproject' && e.execution.task.definition.candidate === 'cnn') started = e.execution;
    });
    const pending = vscode.commands.executeCommand<RunResult>('mlproject.runEvaluation', { folder: folder().uri.toString(), candidate: 'cnn' });
    await until(() => started, 'the task to start', 60_000, () => `tasks: ${vscode.tasks.taskExecutions.map((t) => t.task.name).join(', ')}; terminals: ${vscode.window.terminals.map((t) => t.name).join(', ')}`);
    sub.dispose();
    // the newest such terminal: an earlier suite's run of cnn may have left its own terminal open
    const terminal = await until(() => [...vscode.window.terminals].reverse().find((t) => t.name.includes('evaluate cnn')), 'the task terminal');
    await until(() => exportsOf().activeRuns.list().some((r) => r.phase === 'running'), 'the running row');
    terminal.sendText('\x03', false); // what typing Ctrl+C in the terminal sends
    const result = await pending;
    assert.equal(result.record.status, 'cancelled');
    assert.equal(result.record.error, 'interrupted with Ctrl+C in the terminal');
    assert.notEqual(result.record.exitCode, 0);
    assert.equal(history().find((r) => r.id === result.record.id)?.status, 'cancelled');
    await writePlan(fakePlan(originalPlan, 0.4));
  });
});
