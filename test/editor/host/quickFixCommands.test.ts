// The quick fixes that run a command, in a real extension host: each is offered on its diagnostic, and running the
// offered command (with the answers its pickers would get passed as arguments) clears that diagnostic, with the
// smallest edit. examples/in-trouble has a candidate with no expected gain or cost that cites a missing title and a
// step skipped without a reason; examples/genre-tagger has a complete brief, made stale here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, diagnosticsMatchCli, keepWorkspace, onDisk, planUri, until, useExample, workspaceRoot, writeWorkspaceFile } from './planHelpers';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlproject');
const describe = (uri: vscode.Uri) => () => ours(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)} ${d.message}`).join('\n');

/** The diagnostic of `code` whose message matches, once the editor shows it. */
function diagnostic(uri: vscode.Uri, code: string, message: RegExp): Promise<vscode.Diagnostic> {
  return until(() => ours(uri).find((d) => codeOf(d) === code && message.test(d.message)), `${code} ${message}`, 20_000, describe(uri));
}

/** The quick fixes offered at a diagnostic that run a command. */
async function commandFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.Command[]> {
  await vscode.workspace.openTextDocument(uri); // the code-action API needs the document loaded
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  return actions.flatMap((a) => (a.command ? [a.command] : []));
}

async function runFix(uri: vscode.Uri, d: vscode.Diagnostic, command: string, ...answers: unknown[]): Promise<vscode.Command> {
  const fixes = await commandFixes(uri, d);
  const fix = fixes.find((c) => c.command === command);
  assert.ok(fix, `no ${command} fix on "${d.message}"; offered: ${fixes.map((c) => `${c.command} ${c.title}`).join(', ')}`);
  const applied = await vscode.commands.executeCommand(fix.command, ...(fix.arguments ?? []), ...answers);
  assert.ok(applied !== false && applied !== undefined, `${command} applied nothing`);
  return fix;
}

const gone = (uri: vscode.Uri, d: vscode.Diagnostic) =>
  until(() => !ours(uri).some((x) => codeOf(x) === codeOf(d) && x.message === d.message), `"${d.message}" to clear`, 20_000, describe(uri));

/** Saves an edited document from its editor, as a user would, and waits for the file on disk. */
async function save(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
  if (!document?.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.save');
  await until(() => fs.readFileSync(uri.fsPath, 'utf8') === document.getText(), `${path.basename(uri.fsPath)} saved`);
}

suite('quick fixes that run a command', () => {
  const workspace = keepWorkspace();
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await workspace.restore();
  });

  test('too-incremental: "Fill in expected_gain and cost" inserts both keys into that candidate\'s flow mapping', async () => {
    const original = await useExample('in-trouble');
    await diagnosticsMatchCli();
    const d = await diagnostic(planUri(), 'too-incremental', /^Candidate "transformer" has no expected_gain and cost/);
    const fix = await runFix(planUri(), d, 'mlproject.rankCandidate', { expected_gain: 'high', cost: 'medium' });
    assert.match(fix.title, /expected_gain and cost of "transformer"/);
    await save(planUri());
    await gone(planUri(), d);
    const expected = original.replace('name: Tabular transformer, source:', 'name: Tabular transformer, expected_gain: high, cost: medium, source:');
    assert.notStrictEqual(expected, original);
    assert.strictEqual(onDisk(), expected);
  });

  test('unknown-reference on a source: "Add a literature entry" adds that title with the takeaway given', async () => {
    const original = await useExample('in-trouble');
    await diagnosticsMatchCli();
    const d = await diagnostic(planUri(), 'unknown-reference', /cites "TabTransformer paper"/);
    const offered = (await commandFixes(planUri(), d)).map((c) => c.command);
    assert.ok(!offered.includes('mlproject.pickSource'), 'no titles to pick from: only the add fix');
    await runFix(planUri(), d, 'mlproject.addCitedLiterature', 'attention over column embeddings');
    await save(planUri());
    await gone(planUri(), d);
    const added = '\nliterature:\n  - { title: TabTransformer paper, takeaway: attention over column embeddings }';
    const after = onDisk();
    assert.ok(after.includes(added), after);
    assert.strictEqual(after.replace(added, ''), original, 'only the entry was added');
  });

  test('unknown-reference on a source: "Cite an existing literature title" replaces only the cited value', async () => {
    const original = await useExample('in-trouble');
    const text = original.replace(/\n*$/, '\n') + 'literature:\n  - { title: Deep Sets, takeaway: pooling }\n  - { title: TabNet, takeaway: masks }\n';
    await diagnosticsMatchCli(); // the example's own diagnostics first, so the next check seen is of the new text
    fs.writeFileSync(planUri().fsPath, text);
    await until(() => vscode.workspace.textDocuments.every((x) => x.uri.toString() !== planUri().toString() || x.getText() === text), 'an open plan to reload');
    await diagnosticsMatchCli();
    const d = await diagnostic(planUri(), 'unknown-reference', /cites "TabTransformer paper"/);
    await runFix(planUri(), d, 'mlproject.pickSource', 'TabNet');
    await save(planUri());
    await gone(planUri(), d);
    assert.strictEqual(onDisk(), text.replace('source: TabTransformer paper', 'source: TabNet'));
  });

  test('skipped-without-reason: "Give the reason" writes the step with its reason', async () => {
    await useExample('in-trouble');
    await diagnosticsMatchCli();
    const d = await diagnostic(planUri(), 'skipped-without-reason', /project-brief/);
    await runFix(planUri(), d, 'mlproject.markSkipped', 'the client wrote the brief');
    await save(planUri());
    await gone(planUri(), d);
    assert.match(onDisk(), /project-brief: \{ status: skipped, reason: the client wrote the brief \}/);
  });

  test('a stale brief: "Update Project Brief" is offered on the section it would fill, and clears its warning', async function () {
    this.timeout(60_000);
    await useExample('genre-tagger');
    await diagnosticsMatchCli();
    const brief = vscode.Uri.file(path.join(workspaceRoot(), 'docs', 'brief.md'));
    const original = fs.readFileSync(brief.fsPath, 'utf8');
    // The Risks block as an older version generated it before the plan had any risk (no hash, the old prompt inside
    // the block): an update may replace it. The plan has risks now.
    const stale = original.replace(/<!-- mlproject:begin risks(?: hash=[0-9a-f]+)? -->\n[\s\S]*?(<!-- mlproject:end risks -->)/, '<!-- mlproject:begin risks -->\n_TODO:_ Say what could make the project fail (`data.known_issues`, candidate `risk`).\n$1');
    // and a section only a person can write: no Update offered there
    const human = stale.replace(/## Problem\n[\s\S]*?(?=## Success criteria\n)/, '## Problem\n\n');
    assert.ok(stale !== original && human !== stale);
    // a brief document still open from an earlier suite shows the text before the fix edits it
    await writeWorkspaceFile(brief.fsPath, human);
    const risks = await diagnostic(brief, 'brief-section-empty', /"Risks"/);
    const problem = await diagnostic(brief, 'brief-section-empty', /"Problem"/);
    await vscode.workspace.openTextDocument(brief);
    const offeredOnProblemOnly = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', brief, problem.range, vscode.CodeActionKind.QuickFix.value))
      .filter((a) => a.command?.command === 'mlproject.updateBrief');
    assert.deepStrictEqual(offeredOnProblemOnly.map((a) => a.title), [], 'Update does not write the Problem section: not offered');
    await runFix(brief, risks, 'mlproject.updateBrief');
    await save(brief);
    await gone(brief, risks);
    assert.ok(ours(brief).some((x) => x.message === problem.message), 'the Problem warning stays: only a person can write it');
    assert.match(fs.readFileSync(brief.fsPath, 'utf8'), /<!-- mlproject:begin risks hash=[0-9a-f]{16} -->\n- Data: jazz is under-represented/);
  });
});
