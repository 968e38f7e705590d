// The CodeLens above `evaluation:` in .mlproject.yaml, through the real CodeLens API (`vscode.executeCodeLensProvider`,
// which also resolves each lens): "Run Evaluation" runs `mlproject.runEvaluation` for the plan's folder, "Dashboard
// (N runs)" appears with a run history, and the lenses follow unsaved edits of the plan.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, keepWorkspace, onDisk, openPlan, planUri, until, useExample, workspaceRoot } from './planHelpers';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

const lineOf = (document: vscode.TextDocument, re: RegExp) => document.getText().split('\n').findIndex((l) => re.test(l));

/** Opens the plan once its document shows the example's text (a document reloaded from disk can lag a write). */
async function openExamplePlan(): Promise<vscode.TextEditor> {
  const text = await useExample('genre-tagger');
  const editor = await openPlan();
  await until(() => editor.document.getText() === text && onDisk() === text, 'the open plan to show the example', 20_000,
    () => `document:\n${editor.document.getText()}`);
  return editor;
}

const describe = (all: vscode.CodeLens[]) => all.map((l) => `${l.range.start.line}:${l.command?.command} ${l.command?.title}`).join('; ');

suite('evaluation CodeLens', () => {
  const workspace = keepWorkspace();
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await workspace.restore();
  });

  test('a lens on the `evaluation:` line runs mlproject.runEvaluation for the plan\'s folder', async () => {
    const { document } = await openExamplePlan();
    const line = lineOf(document, /^evaluation:/);
    assert.ok(line > 0, `the plan has a top-level evaluation key:\n${document.getText()}`);
    // The registry checks the plan after it opens: wait for the lens of the checked plan (with the run count).
    let all: vscode.CodeLens[] = [];
    await until(async () => {
      all = await lenses(planUri());
      return all.some((l) => l.command?.command === 'mlproject.openDashboard');
    }, 'the Run Evaluation and Dashboard lenses', 20_000, () => describe(all));

    const run = all.find((l) => l.command?.command === 'mlproject.runEvaluation');
    assert.ok(run, `no lens runs mlproject.runEvaluation: ${describe(all)}`);
    assert.strictEqual(run.range.start.line, line, 'the lens sits on the evaluation: line');
    assert.strictEqual(document.getText(run.range), 'evaluation');
    assert.strictEqual(run.command!.title, '$(play) Run Evaluation', 'a trusted workspace offers the plain run');
    assert.deepStrictEqual(run.command!.arguments, [{ folder: vscode.Uri.file(workspaceRoot()).toString() }]);

    // examples/genre-tagger ships ten recorded runs (a sweep of 3 seeds per candidate, one tuning run)
    const dashboard = all.find((l) => l.command?.command === 'mlproject.openDashboard')!;
    assert.strictEqual(dashboard.range.start.line, line);
    assert.strictEqual(dashboard.command!.title, '$(graph) Dashboard (10 runs)');
    // no other line of the plan carries a lens
    assert.deepStrictEqual(all.filter((l) => l.range.start.line !== line), []);
  });

  test('the lens follows an unsaved edit that moves the evaluation: key', async () => {
    const editor = await openExamplePlan();
    const before = lineOf(editor.document, /^evaluation:/);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# one line\n# two lines\n')));
    assert.ok(editor.document.isDirty);
    let all: vscode.CodeLens[] = [];
    await until(async () => {
      all = await lenses(planUri());
      return all.some((l) => l.command?.command === 'mlproject.runEvaluation' && l.range.start.line === before + 2);
    }, 'the Run Evaluation lens two lines lower', 20_000, () => describe(all));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!editor.document.isDirty);
  });

  test('no lens on a plan without an evaluation block', async () => {
    const editor = await openExamplePlan();
    const text = editor.document.getText();
    const start = text.indexOf('\nevaluation:\n') + 1;
    const end = text.indexOf('\nreality_checks:') + 1;
    assert.ok(start > 0 && end > start);
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end)))));
    let all: vscode.CodeLens[] = [];
    await until(async () => {
      all = await lenses(planUri());
      return all.length === 0;
    }, 'the lenses to go', 20_000, () => describe(all));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
