// Status changes from the Phases tree's commands: byte-exact minimal edits, undoable, correct on unsaved buffers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, diagnosticsMatchCli, keepWorkspace, onDisk, openPlan, planUri, until, useExample } from './planHelpers';

/** The argument the Phases tree passes to its step commands. */
const step = (phase: string, stepId: string) => ({ kind: 'step', planUri: planUri().toString(), phase, stepId });

suite('plan edits from the tree', () => {
  const workspace = keepWorkspace();
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(() => workspace.restore());

  test('markDone edits only the status scalar, saves a clean plan, and undo restores the original bytes', async () => {
    const original = await useExample('genre-tagger');
    await diagnosticsMatchCli();
    const editor = await openPlan();
    assert.strictEqual(editor.document.getText(), original);
    const applied = await vscode.commands.executeCommand('mlproject.markDone', step('deliver', 'evaluation'));
    assert.strictEqual(applied, true);
    const expected = original.replace('    tuning: in-progress\n    evaluation: todo\n', '    tuning: in-progress\n    evaluation: done\n');
    assert.notStrictEqual(expected, original);
    assert.strictEqual(editor.document.getText(), expected);
    await until(() => onDisk() === expected, 'the edited plan to be saved');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await until(() => onDisk() === original, 'the restored plan on disk');
  });

  test('markSkipped with a reason adds the step in the flow style of its phase', async () => {
    const original = await useExample('genre-tagger');
    await diagnosticsMatchCli();
    await vscode.commands.executeCommand('mlproject.markSkipped', step('deployment', 'monitoring'), 'a batch job checked by hand');
    const after = onDisk();
    // Only the deployment block changes; everything else stays byte for byte.
    const head = original.slice(0, original.indexOf('  deployment:\n'));
    const tail = original.slice(original.indexOf('\nliterature:'));
    assert.ok(after.startsWith(head) && after.endsWith(tail), after);
    assert.match(after.slice(head.length, after.length - tail.length), /monitoring: \{ status: skipped, reason: a batch job checked by hand \}/);
  });

  test('a dirty buffer is edited where it stands and left unsaved', async () => {
    const original = await useExample('genre-tagger');
    await diagnosticsMatchCli();
    const editor = await openPlan();
    const comment = '# an unsaved note\n';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), comment)));
    assert.ok(editor.document.isDirty);
    await vscode.commands.executeCommand('mlproject.markInProgress', step('deliver', 'evaluation'));
    const expected = comment + original.replace('    evaluation: todo\n', '    evaluation: in-progress\n');
    assert.strictEqual(editor.document.getText(), expected);
    assert.ok(editor.document.isDirty, 'the buffer stays unsaved');
    assert.strictEqual(onDisk(), original, 'the file on disk is untouched');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(editor.document.getText(), original);
  });
});
