// Hovers (step why/roles/evidence, schema descriptions, rule whys) and the quick fixes that run a command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, diagnosticsMatchCli, keepWorkspace, openPlan, planUri, useExample } from './planHelpers';

async function hoverText(document: vscode.TextDocument, needle: string, delta = 1): Promise<string> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in the plan`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + delta));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('plan hovers and command fixes', () => {
  const workspace = keepWorkspace();
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(() => workspace.restore());

  test('hovers explain steps, keys and rules', async () => {
    await useExample('in-trouble');
    await diagnosticsMatchCli();
    const { document } = await openPlan();
    const step = await hoverText(document, '    tuning: in-progress', 6);
    assert.match(step, /Hand tuning/);
    assert.match(step, /Roles:/);
    assert.match(step, /Evidence:/);
    const key = await hoverText(document, 'runway:');
    assert.ok(key.includes('runway'), key);
    const rule = await hoverText(document, 'chosen: transformer', 10);
    assert.match(rule, /Why it matters:/);
    assert.match(rule, /single-architecture/);
    // ending with a link to the rule's documentation (the one command the hover's Markdown may run)
    assert.ok(rule.includes(`(command:mlproject.showRule?${encodeURIComponent('["single-architecture"]')} `), rule);
  });

  test('pitfalls that need input offer their command', async () => {
    await useExample('in-trouble');
    const items = await diagnosticsMatchCli();
    await openPlan(); // the code-action API needs the document loaded (when this suite runs alone)
    const expect: Record<string, string> = {
      'single-architecture': 'mlproject.addCandidate', 'no-literature-review': 'mlproject.addLiterature',
      'too-incremental': 'mlproject.rankCandidate', 'no-brief': 'mlproject.createBrief', 'skipped-without-reason': 'mlproject.markSkipped',
    };
    for (const [code, command] of Object.entries(expect)) {
      const item = items.find((i) => i.code === code && i.file === '.mlproject.yaml');
      assert.ok(item, `no ${code} diagnostic in examples/in-trouble`);
      const range = new vscode.Range(item.line - 1, item.column - 1, item.endLine - 1, item.endColumn - 1);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', planUri(), range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(actions.some((a) => a.command?.command === command), `${code}: no action running ${command} among ${actions.map((a) => a.title).join(', ')}`);
    }
  });
});
