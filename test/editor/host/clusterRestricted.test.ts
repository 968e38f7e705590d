// Restricted Mode and cluster runs: with `evaluation.executor: slurm`, Run Evaluation in an untrusted workspace
// submits nothing (no pending file, no job, no history line, no run folder). Runs in the runner's restricted pass.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, workspaceRoot, writeWorkspaceFile } from './planHelpers';

const planFile = () => path.join(workspaceRoot(), '.mlproject.yaml');
const mlproject = () => path.join(workspaceRoot(), '.mlproject');
const listing = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : []);
const historyText = () => (fs.existsSync(path.join(mlproject(), 'runs.jsonl')) ? fs.readFileSync(path.join(mlproject(), 'runs.jsonl'), 'utf8') : undefined);

suite('restricted mode: nothing is submitted to a cluster in an untrusted workspace', () => {
  let original: string;

  suiteSetup(async function () {
    if (vscode.workspace.isTrusted) this.skip();
    await activated();
    original = fs.readFileSync(planFile(), 'utf8');
    const text = original.replace(/^evaluation:\n/m, 'evaluation:\n  executor: slurm\n');
    assert.notEqual(text, original);
    await writeWorkspaceFile(planFile(), text);
  });

  suiteTeardown(async () => {
    if (original === undefined) return;
    // an open editor of the plan (the first activation brings it to the front) shows it before the next suite reads it
    await writeWorkspaceFile(planFile(), original);
  });

  test('Run Evaluation with every argument refuses: no pending file, no history line, no run folder', async () => {
    const before = { files: listing(mlproject()), history: historyText() };
    const result = await vscode.commands.executeCommand('mlproject.runEvaluation', { folder: vscode.workspace.workspaceFolders![0].uri.toString(), candidate: 'logreg', note: 'restricted cluster test' });
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual({ files: listing(mlproject()), history: historyText() }, before);
    assert.equal(fs.existsSync(path.join(mlproject(), 'pending')), false);
  });
});
