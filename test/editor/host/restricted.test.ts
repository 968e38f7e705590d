// Restricted Mode in the extension host. The runner runs the host suite a second time with workspace trust on and
// the workspace not trusted, with MLPROJECT_TEST_GREP selecting this suite only; in the trusted pass it skips itself.
// The extension still activates and reads the plan, but Run Evaluation and Rerun, even with arguments that skip
// every prompt, refuse: no task starts, nothing is added to the history, no run folder is created.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, onDisk, openPlan, planUri, until, workspaceRoot } from './planHelpers';

const historyFile = () => path.join(workspaceRoot(), '.mlproject', 'runs.jsonl');
const runsDir = () => path.join(workspaceRoot(), '.mlproject', 'runs');
const snapshot = () => ({
  history: fs.existsSync(historyFile()) ? fs.readFileSync(historyFile(), 'utf8') : undefined,
  runDirs: fs.existsSync(runsDir()) ? fs.readdirSync(runsDir()).sort() : [],
});

suite('restricted mode: no command runs in an untrusted workspace', () => {
  suiteSetup(async function () {
    if (vscode.workspace.isTrusted) this.skip(); // the trusted pass: this suite belongs to the restricted one
    await activated();
  });

  test('the workspace is not trusted, yet the extension activated and read the plan', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const { document } = await openPlan();
    assert.strictEqual(document.getText(), onDisk());
    // the CodeLens is there, and says why it will not run
    let titles: string[] = [];
    await until(async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', planUri())) ?? [];
      titles = lenses.filter((l) => l.command?.command === 'mlproject.runEvaluation').map((l) => l.command!.title);
      return titles.length > 0;
    }, 'the Run Evaluation lens');
    assert.deepStrictEqual(titles, ['$(shield) Run Evaluation (needs a trusted workspace)']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Run Evaluation, a repeat count, Evaluate All Candidates and Rerun with full arguments refuse: no task, no history line, no run folder', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const before = snapshot();
    assert.ok(before.history, 'the example ships a run history');
    const started: string[] = [];
    const sub = vscode.tasks.onDidStartTask((e) => started.push(e.execution.task.name));
    try {
      const folder = vscode.workspace.workspaceFolders![0];
      const result = await vscode.commands.executeCommand('mlproject.runEvaluation', { folder: folder.uri.toString(), candidate: 'logreg', note: 'restricted host test' });
      assert.strictEqual(result, undefined, 'the command returned a run');
      const sweep = await vscode.commands.executeCommand('mlproject.runEvaluation', { folder: folder.uri.toString(), candidate: 'logreg', repeats: 3 });
      assert.strictEqual(sweep, undefined, 'a repeat count ran a sweep');
      const all = await vscode.commands.executeCommand('mlproject.evaluateAll', { folder: folder.uri.toString(), repeats: 2 });
      assert.strictEqual(all, undefined, 'Evaluate All Candidates ran a sweep');
      const run = JSON.parse(before.history!.trim().split('\n')[0]);
      const node = { kind: 'run', project: { folder, planUri: planUri() }, run };
      const rerun = await vscode.commands.executeCommand('mlproject.rerun', node);
      assert.strictEqual(rerun, undefined, 'Rerun returned a run');
    } finally {
      sub.dispose();
    }
    assert.deepStrictEqual(started, [], 'a task started');
    assert.deepStrictEqual(vscode.tasks.taskExecutions.map((t) => t.task.name), []);
    assert.deepStrictEqual(snapshot(), before, 'the history or the run folders changed');
  });
});
