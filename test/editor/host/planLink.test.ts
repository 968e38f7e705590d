// A plan that becomes a symbolic link leading out of the workspace, while it is open in an editor: the extension
// stops reading it (the open document's text included), says so in an error message, and withdraws what it showed, so no
// diagnostic and no quick fix can edit the file outside through the link. Made a regular file again, it is back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, keepWorkspace, planUri, until, useExample, workspaceRoot } from './planHelpers';

const ours = () => vscode.languages.getDiagnostics(planUri()).filter((d) => d.source === 'mlproject');

suite('a plan linked out of the workspace', () => {
  const workspace = keepWorkspace();
  let outside: string | undefined;
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // put a regular file back before restoring: the restore writes the plan in place, which would follow a link
    const plan = planUri().fsPath;
    if (fs.lstatSync(plan, { throwIfNoEntry: false })?.isSymbolicLink()) {
      const text = fs.readFileSync(plan, 'utf8');
      fs.rmSync(plan);
      fs.writeFileSync(plan, text);
    }
    if (outside) fs.rmSync(path.dirname(outside), { recursive: true, force: true });
    await workspace.restore();
  });

  test('open in an editor, then swapped for a link: no diagnostics, no quick fixes, the outside file untouched', async function () {
    this.timeout(90_000);
    const text = await useExample('in-trouble');
    await until(() => ours().length > 0, 'in-trouble to have diagnostics');
    const document = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(document);
    const everywhere = new vscode.Range(0, 0, document.lineCount, 0);
    const edits = async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', planUri(), everywhere, vscode.CodeActionKind.QuickFix.value))
      .filter((a) => a.edit).map((a) => a.title);
    await until(async () => (await edits()).length > 0, 'quick fixes with edits while the plan is a regular file');

    outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlproject-outside-')), 'plan.yaml');
    fs.writeFileSync(outside, text);
    const plan = planUri().fsPath;
    fs.rmSync(plan);
    fs.symlinkSync(outside, plan);
    assert.ok(fs.lstatSync(path.join(workspaceRoot(), '.mlproject.yaml')).isSymbolicLink());

    await until(() => ours().length === 0, 'the diagnostics of the linked plan to go', 30_000, () => ours().map((d) => d.message).join('\n'));
    assert.deepStrictEqual(await edits(), [], 'no quick fix edit through the link');
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), text, 'the file outside is unchanged');
    // typing in the open document does not bring the diagnostics back (what the user types is theirs to save)
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# typed\n'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepStrictEqual(ours(), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    // a regular file again: checked again
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(plan);
    fs.writeFileSync(plan, text);
    await until(() => ours().length > 0, 'the diagnostics to come back once the plan is a regular file');
  });
});
