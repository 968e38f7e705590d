// Brief completeness in the real extension host, on a temp copy of examples/genre-tagger (whose docs/brief.md has all
// eight required sections): emptying a section and saving puts `brief-section-empty` on the brief, on its heading;
// removing the heading puts `brief-section-missing` at the top of the file; either way the project-brief step's
// evidence (shown by the step's hover in the plan) drops to "brief 7/8 sections"; the CLI reports the same.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, diagnosticsMatchCli, keepWorkspace, openPlan, until, useExample, workspaceRoot } from './planHelpers';

const briefUri = () => vscode.Uri.file(path.join(workspaceRoot(), 'docs', 'brief.md'));

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const briefDiagnostics = () => vscode.languages.getDiagnostics(briefUri()).filter((d) => d.source === 'mlproject');
const describe = () => briefDiagnostics().map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)} ${d.message}`).join('\n') || '(none)';

/** The hover of the project-brief step in the plan (it shows the step's evidence). */
async function projectBriefHover(): Promise<string> {
  const { document } = await openPlan();
  const offset = document.getText().indexOf('project-brief: done');
  assert.ok(offset >= 0, 'project-brief: done is in the plan');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 3));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function evidenceIs(detail: string): Promise<void> {
  let text = '';
  await until(async () => (text = await projectBriefHover()).includes(detail), `the project-brief evidence "${detail}"`, 20_000, () => text);
}

/** Replaces the whole brief through its editor and saves it, as a user would. */
async function saveBrief(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(briefUri());
  const editor = await vscode.window.showTextDocument(document);
  // follow the file on disk first (an earlier suite may have written it directly), so the save cannot conflict
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.ok(await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text)));
  assert.ok(await document.save(), 'the brief saved');
  return document;
}

suite('brief sections', () => {
  const workspace = keepWorkspace();
  let original = '';
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await workspace.restore();
  });

  test('the example brief is complete: no brief diagnostics, evidence 8/8', async () => {
    await useExample('genre-tagger');
    original = (await vscode.workspace.openTextDocument(briefUri())).getText();
    await diagnosticsMatchCli();
    assert.strictEqual(describe(), '(none)');
    await evidenceIs('brief 8/8 sections');
  });

  test('emptying the Risks section (generated block included) gives brief-section-empty on its heading', async function () {
    this.timeout(60_000);
    const emptied = original.replace(/## Risks\n[\s\S]*?(?=## Reality check\n)/, '## Risks\n\n');
    assert.notStrictEqual(emptied, original);
    assert.ok(!emptied.includes('mlproject:begin risks'));
    const document = await saveBrief(emptied);
    const heading = document.getText().split('\n').indexOf('## Risks');
    assert.ok(heading > 0);

    const d = await until(() => briefDiagnostics().find((x) => codeOf(x) === 'brief-section-empty'), 'brief-section-empty on the brief', 20_000, describe);
    assert.strictEqual(d.range.start.line, heading, `the range is on the heading line: ${describe()}`);
    assert.match(document.getText(d.range), /Risks/);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /"Risks" section is empty/);
    assert.strictEqual(briefDiagnostics().length, 1, describe());
    await evidenceIs('brief 7/8 sections');
    await diagnosticsMatchCli(); // the CLI reads the saved brief the same way
  });

  test('removing the Risks heading gives brief-section-missing at the top of the brief', async function () {
    this.timeout(60_000);
    const removed = original.replace(/## Risks\n[\s\S]*?(?=## Reality check\n)/, '');
    assert.ok(!removed.includes('## Risks'));
    await saveBrief(removed);
    const d = await until(() => briefDiagnostics().find((x) => codeOf(x) === 'brief-section-missing'), 'brief-section-missing on the brief', 20_000, describe);
    assert.strictEqual(d.range.start.line, 0);
    assert.strictEqual(d.range.start.character, 0);
    assert.match(d.message, /no "Risks" section/);
    assert.strictEqual(briefDiagnostics().length, 1, describe());
    await evidenceIs('brief 7/8 sections');
    await diagnosticsMatchCli();
  });

  test('writing the section again clears the diagnostic and the evidence is back to 8/8', async function () {
    this.timeout(60_000);
    await saveBrief(original.replace(/## Risks\n[\s\S]*?(?=## Reality check\n)/, '## Risks\n\nJazz is rare in the data.\n\n'));
    await until(() => briefDiagnostics().length === 0, 'the brief diagnostics to clear', 20_000, describe);
    await evidenceIs('brief 8/8 sections');
  });
});
