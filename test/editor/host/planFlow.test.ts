// A plan built with commands alone: Add Candidate with the baseline question, Configure Evaluation (the block and a
// starter script that really runs), Record Model Decision's baseline warning, and Mark Steps with Evidence as Done
// (one undoable edit). The prompts are answered through the commands' arguments.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import type { EvaluationResult } from '../../../src/extension/plan/configureEvaluation';
import type { DecisionResult } from '../../../src/extension/brief/recordDecision';
import { activated, diagnosticsMatchCli, extensionPath, keepWorkspace, onDisk, planUri, until, useExample, useFixture, workspaceRoot, writeWorkspaceFile } from './planHelpers';

const folder = () => vscode.workspace.workspaceFolders![0].uri.toString();
const planDocument = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === planUri().toString());

/** Writes the plan and waits until the extension agrees with the CLI about it. */
async function writePlan(text: string): Promise<void> {
  await writeWorkspaceFile(planUri().fsPath, text);
  await diagnosticsMatchCli();
}

async function revertPlan(): Promise<void> {
  const doc = planDocument();
  if (!doc?.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('plan flow: a plan built with commands', () => {
  const workspace = keepWorkspace();
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(async () => {
    await revertPlan();
    await workspace.restore();
  });

  test('Add Candidate writes `baseline: true` for the baseline, gain and cost for the others, and refuses a taken id', async () => {
    const original = await useFixture('first-day');
    await diagnosticsMatchCli();
    assert.strictEqual(await vscode.commands.executeCommand('mlproject.addCandidate', { folder: folder(), baseline: true, id: 'majority', name: 'Majority class' }), true);
    const baseline = `${original}candidates:\n  - { id: majority, name: Majority class, baseline: true }\n`;
    await until(() => planDocument()?.getText() === baseline, 'the baseline candidate in the plan', 10_000, () => planDocument()?.getText() ?? '');
    assert.strictEqual(await vscode.commands.executeCommand('mlproject.addCandidate', { folder: folder(), baseline: false, id: 'knn', name: 'kNN', expected_gain: 'medium', cost: 'low' }), true);
    const both = `${baseline}  - { id: knn, name: kNN, expected_gain: medium, cost: low }\n`;
    await until(() => planDocument()?.getText() === both, 'the second candidate in the plan', 10_000, () => planDocument()?.getText() ?? '');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await until(() => onDisk() === both, 'the plan saved');
    await diagnosticsMatchCli();
    assert.strictEqual(await vscode.commands.executeCommand('mlproject.addCandidate', { folder: folder(), baseline: true, id: 'knn', name: 'again' }), false);
    assert.strictEqual(planDocument()?.getText(), both, 'a taken id changes nothing');
  });

  test('Configure Evaluation writes the block, offers a starter script that runs, and later edits only what changed', async function () {
    this.timeout(60_000);
    const original = await useFixture('first-day');
    await diagnosticsMatchCli();
    const command = 'python3 eval.py --candidate ${candidate} --data data/test.csv --out ${metricsFile}';
    const args = { folder: folder(), dataset: 'data/test.csv', command, timeout: '10m', repeats: 1, starter: true };
    const first = await vscode.commands.executeCommand<EvaluationResult>('mlproject.configureEvaluation', args);
    assert.deepStrictEqual(first, { planEdited: true, starter: 'eval.py' });
    const expected = `${original}evaluation:\n  command: ${command}\n  dataset: data/test.csv\n  timeout: 10m\n`;
    await until(() => onDisk() === expected, 'the evaluation block saved', 10_000, onDisk);

    // The starter is the shipped template, and it writes valid metrics, from flags or from MLPROJECT_* variables.
    const script = path.join(workspaceRoot(), 'eval.py');
    assert.strictEqual(fs.readFileSync(script, 'utf8'), fs.readFileSync(path.join(extensionPath(), 'templates', 'eval_starter.py'), 'utf8'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mlproject-starter-'));
    try {
      const byFlags = spawnSync('python3', ['eval.py', '--candidate', 'majority', '--data', 'data/test.csv', '--label', 'genre', '--out', path.join(out, 'a', 'metrics.json')], { cwd: workspaceRoot(), encoding: 'utf8' });
      assert.strictEqual(byFlags.status, 0, byFlags.stderr);
      const metrics = JSON.parse(fs.readFileSync(path.join(out, 'a', 'metrics.json'), 'utf8'));
      assert.strictEqual(metrics.rows, 200);
      assert.ok(metrics.example_majority_accuracy > 0 && metrics.example_majority_accuracy <= 1, JSON.stringify(metrics));
      assert.ok(Object.values(metrics).every((v) => typeof v === 'number'), 'every metric is a number');
      const env = { ...process.env, MLPROJECT_CANDIDATE: 'knn', MLPROJECT_METRICS_FILE: path.join(out, 'b.json'), MLPROJECT_SEED: '2' };
      const byEnv = spawnSync('python3', ['eval.py', '--data', 'data/test.csv'], { cwd: workspaceRoot(), encoding: 'utf8', env });
      assert.strictEqual(byEnv.status, 0, byEnv.stderr);
      // no column named like a label: only the row count, and a line saying how to score the label
      assert.match(byEnv.stderr, /pass --label <column>/);
      assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(out, 'b.json'), 'utf8')), { rows: 200 });
      const other = spawnSync('python3', ['eval.py', '--data', 'data/test.csv', '--label', 'genre'], { cwd: workspaceRoot(), encoding: 'utf8', env });
      assert.strictEqual(other.status, 0, other.stderr);
      assert.match(other.stderr, /candidate 'knn' has no model in MODELS yet/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }

    // Again on the existing block: only the timeout changes; the script (edited by now) is not offered or touched.
    fs.appendFileSync(script, '# my own change\n');
    await diagnosticsMatchCli();
    const second = await vscode.commands.executeCommand<EvaluationResult>('mlproject.configureEvaluation', { ...args, timeout: '20m' });
    assert.deepStrictEqual(second, { planEdited: true });
    await until(() => onDisk() === expected.replace('timeout: 10m', 'timeout: 20m'), 'only the timeout changed', 10_000, onDisk);
    assert.ok(fs.readFileSync(script, 'utf8').endsWith('# my own change\n'), 'an existing script is never overwritten');
  });

  test('Record Model Decision warns while no baseline has a run: cancel writes nothing, "record anyway" records', async () => {
    const original = await useFixture('first-day');
    await writePlan(`${original}candidates:\n  - { id: majority, name: Majority class, baseline: true }\n  - { id: knn, name: kNN, expected_gain: medium, cost: low }\n`);
    const decisions = path.join(workspaceRoot(), 'docs', 'decisions');
    const args = { folder: folder(), chosen: 'knn', rationale: 'cheap and good enough', attendees: [], date: '2026-12-01', open: false };
    assert.strictEqual(await vscode.commands.executeCommand('mlproject.recordDecision', { ...args, withoutBaseline: 'cancel' }), undefined);
    assert.ok(!fs.existsSync(decisions), 'no record was written');
    const recorded = await vscode.commands.executeCommand<DecisionResult>('mlproject.recordDecision', { ...args, withoutBaseline: 'record' });
    assert.strictEqual(recorded?.record, 'docs/decisions/2026-12-01-model.md');

    // With a successful baseline run (the genre tagger's history) there is no warning to cancel.
    await useExample('genre-tagger');
    await diagnosticsMatchCli();
    const noWarning = await vscode.commands.executeCommand<DecisionResult>('mlproject.recordDecision', { ...args, chosen: 'cnn', withoutBaseline: 'cancel' });
    assert.strictEqual(noWarning?.chosen, 'cnn');
  });

  test('Mark Steps with Evidence as Done sets every listed step in one edit, and one undo reverts it', async () => {
    const original = await useFixture('first-day');
    await diagnosticsMatchCli();
    const marked = await vscode.commands.executeCommand<string[]>('mlproject.markEvidenceDone', { folder: folder(), steps: ['business-understanding', 'data-understanding', 'project-brief'] });
    assert.deepStrictEqual(marked, ['business-understanding', 'data-understanding', 'project-brief']);
    const after = await until(() => (onDisk() !== original ? onDisk() : undefined), 'the marked plan saved');
    assert.ok(after.startsWith(original), 'every byte of the plan is kept; the checklist is added after it');
    assert.deepStrictEqual(parse(after).checklist, { discover: { 'business-understanding': 'done', 'data-understanding': 'done', 'project-brief': 'done' } });
    const editor = await vscode.window.showTextDocument(planDocument()!);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original, 'one undo reverts every step');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await until(() => onDisk() === original, 'the reverted plan saved');
    await diagnosticsMatchCli();
    // Only the steps asked for: the others stay as they were.
    assert.deepStrictEqual(await vscode.commands.executeCommand('mlproject.markEvidenceDone', { folder: folder(), steps: ['project-brief'] }), ['project-brief']);
    await until(() => parse(onDisk()).checklist?.discover?.['project-brief'] === 'done', 'project-brief marked');
    assert.deepStrictEqual(parse(onDisk()).checklist, { discover: { 'project-brief': 'done' } });
  });
});
