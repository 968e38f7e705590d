// The plan surfaces in a real extension host: diagnostics identical to the CLI's, and every quick fix that edits
// text applies and clears its diagnostic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, diagnosticsMatchCli, editorItems, keepWorkspace, planUri, until, useExample } from './planHelpers';

const PLAN_COMMANDS = ['mlproject.createPlan', 'mlproject.refresh', 'mlproject.revealStep', 'mlproject.markTodo',
  'mlproject.markInProgress', 'mlproject.markDone', 'mlproject.markSkipped', 'mlproject.openEvidence',
  'mlproject.addLiterature', 'mlproject.addCandidate', 'mlproject.addRealityCheck', 'mlproject.showStatus',
  'mlproject.rankCandidate', 'mlproject.addCitedLiterature', 'mlproject.pickSource'];

suite('plan diagnostics', () => {
  const workspace = keepWorkspace();
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(() => workspace.restore());

  test('the plan surfaces register their commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = PLAN_COMMANDS.filter((c) => !all.has(c));
    assert.deepStrictEqual(missing, []);
  });

  for (const example of ['genre-tagger', 'in-trouble']) {
    test(`${example}: the editor's diagnostics are the CLI's, code for code and range for range`, async () => {
      await useExample(example);
      const items = await diagnosticsMatchCli();
      if (example === 'genre-tagger') return; // a healthy project: nothing to report
      // Each carries a link to its rule's section: Show Rule Documentation with the code, which opens the rendered
      // rules page (VS Code's Markdown preview) at the heading's anchor.
      const d = vscode.languages.getDiagnostics(planUri()).find((x) => x.source === 'mlproject');
      assert.ok(d && typeof d.code === 'object', 'diagnostic code with a target');
      const { value, target } = d.code as { value: string; target: vscode.Uri };
      assert.strictEqual(target.scheme, 'command', target.toString());
      assert.strictEqual(target.path, 'mlproject.showRule');
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(target.query)), [value]);
      await vscode.commands.executeCommand(target.path, ...JSON.parse(decodeURIComponent(target.query)));
      await until(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview, 'the rendered rules page in front');
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab!;
      assert.ok((tab.input as vscode.TabInputWebview).viewType.endsWith('markdown.preview'), (tab.input as vscode.TabInputWebview).viewType);
      assert.match(tab.label, /rules\.md/);
      await vscode.window.tabGroups.close(tab);
      assert.ok(items.length > 0);
    });
  }

  test('each quick fix with text edits applies and clears its diagnostic', async function () {
    this.timeout(120_000);
    const applied: string[] = [];
    for (const example of ['in-trouble', 'genre-tagger']) {
      const original = await useExample(example);
      await diagnosticsMatchCli();
      const document = await vscode.workspace.openTextDocument(planUri());
      await vscode.window.showTextDocument(document);
      const diagnostics = vscode.languages.getDiagnostics(planUri()).filter((d) => d.source === 'mlproject');
      const ids = (range: vscode.Range) => diagnostics.filter((d) => d.range.intersection(range))
        .map((d) => `${typeof d.code === 'object' ? d.code.value : d.code} ${d.message}`);
      const count = (id: string) => editorItems().filter((i) => `${i.code} ${i.message}` === id).length;
      const done = new Set<string>();
      for (const diagnostic of diagnostics) {
        // The API command returns the actions of every diagnostic under the range, without their `diagnostics`:
        // a fix passes when one of the diagnostics it was offered for goes away.
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', planUri(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        for (const action of actions.filter((a) => a.edit && !done.has(a.title))) {
          done.add(action.title);
          const candidates = ids(diagnostic.range);
          const before = new Map(candidates.map((id) => [id, count(id)]));
          assert.ok(await vscode.workspace.applyEdit(action.edit!), `${action.title}: applyEdit refused`);
          assert.notStrictEqual(document.getText(), original, `${action.title}: changed nothing`);
          await until(() => candidates.some((id) => count(id) < before.get(id)!), `"${action.title}" to clear one of:\n  ${candidates.join('\n  ')}`);
          applied.push(`${example}: ${action.title}`);
          // Back to the original text, and wait for its diagnostics before the next fix.
          const all = new vscode.WorkspaceEdit();
          all.replace(planUri(), new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
          assert.ok(await vscode.workspace.applyEdit(all));
          await until(() => candidates.every((id) => count(id) === before.get(id)), 'the diagnostics to come back after restoring the plan');
        }
      }
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(applied.length > 0, 'no quick fix with text edits was offered on the examples');
    console.log(`[mlproject-tests] quick fixes applied: ${applied.join('; ')}`);
  });
});
