// The brief and decision commands in the real extension host, on a temp copy of examples/genre-tagger: Create
// Project Brief sets project.brief with a minimal edit, writes the brief and changes the project-brief step's
// evidence in the registry; it never overwrites; Update Project Brief rewrites only the marked blocks through an
// undoable edit, keeps blocks edited by hand unless asked to replace them, and never touches a brief without
// markers; Record Model Decision writes the record and the block.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CreateBriefResult, UpdateBriefResult } from '../../../src/extension/brief/briefCommands';
import type { DecisionResult } from '../../../src/extension/brief/recordDecision';
import { EXTENSION_ID, until, writeWorkspaceFile } from './planHelpers';


const folder = () => vscode.workspace.workspaceFolders![0];
const root = () => folder().uri.fsPath;
const planFile = () => path.join(root(), '.mlproject.yaml');
const briefFile = () => path.join(root(), 'docs', 'brief.md');
const args = (extra: object = {}) => ({ folder: folder().uri.toString(), open: false, today: '2026-12-01', date: '2026-12-01', ...extra });

const writeFile = writeWorkspaceFile;
const writePlan = (text: string) => writeFile(planFile(), text);

async function closeAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) {
    if (d.isDirty && d.uri.scheme === 'file') {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('brief: create, update, decision', () => {
  let originalPlan: string;
  let originalBrief: string | undefined;

  suiteSetup(async function () {
    this.timeout(60_000);
    await until(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} to activate`);
    await closeAll();
    originalPlan = fs.readFileSync(planFile(), 'utf8');
    originalBrief = fs.existsSync(briefFile()) ? fs.readFileSync(briefFile(), 'utf8') : undefined;
  });

  suiteTeardown(async () => {
    await closeAll();
    await writePlan(originalPlan);
    if (originalBrief === undefined) fs.rmSync(briefFile(), { force: true });
    else await writeFile(briefFile(), originalBrief);
    for (const f of ['2026-12-01-model.md', '2026-12-01-model-2.md']) fs.rmSync(path.join(root(), 'docs', 'decisions', f), { force: true });
    const decisions = path.join(root(), 'docs', 'decisions');
    if (fs.existsSync(decisions) && fs.readdirSync(decisions).length === 0) fs.rmdirSync(decisions);
  });

  test('Create Project Brief sets project.brief minimally, writes the brief, and the step evidence changes', async function () {
    this.timeout(60_000);
    // the example names docs/brief.md; remove the key (and its comment) so the command has to set it
    const withoutBrief = originalPlan.replace(/^ {2}brief: docs\/brief\.md.*\n/m, '');
    assert.notEqual(withoutBrief, originalPlan);
    await writePlan(withoutBrief);
    fs.rmSync(briefFile(), { force: true });

    const result = await vscode.commands.executeCommand<CreateBriefResult>('mlproject.createBrief', args({ path: 'docs/brief.md' }));
    assert.ok(result, 'the command returned no result');
    assert.equal(result.path, 'docs/brief.md');
    assert.equal(result.planEdited, true);
    // the plan: exactly one inserted line, everything else byte for byte (saved, since it had no unsaved changes)
    const plan = fs.readFileSync(planFile(), 'utf8');
    const inserted = plan.split('\n').filter((l) => !withoutBrief.split('\n').includes(l));
    assert.deepEqual(inserted, ['  brief: docs/brief.md']);
    assert.equal(plan.replace('  brief: docs/brief.md\n', ''), withoutBrief);
    // the brief
    const brief = fs.readFileSync(briefFile(), 'utf8');
    assert.match(brief, /<!-- mlproject:begin title hash=[0-9a-f]{16} -->/);
    assert.match(brief, /Genre tagger/);
    assert.match(brief, /Written by "ML Project: Create Project Brief" from \.mlproject\.yaml/, 'the brief says which tool wrote it');
    // the registry's evidence for the project-brief step
    assert.equal(result.evidence.before?.seen, false);
    assert.match(result.evidence.before?.detail ?? '', /no brief|does not exist/);
    assert.match(result.evidence.after?.detail ?? '', /^brief \d+\/\d+ sections$/);
    assert.equal(result.evidence.after?.file, 'docs/brief.md');
  });

  test('Create Project Brief never overwrites an existing brief', async () => {
    const before = fs.readFileSync(briefFile(), 'utf8') + '\nMy own notes.\n';
    await writeFile(briefFile(), before);
    const result = await vscode.commands.executeCommand('mlproject.createBrief', args());
    assert.equal(result, undefined);
    assert.equal(fs.readFileSync(briefFile(), 'utf8'), before);
  });

  test('Update Project Brief regenerates only the marked blocks, undoably, and keeps the rest', async function () {
    this.timeout(30_000);
    const before = fs.readFileSync(briefFile(), 'utf8');
    await writePlan(fs.readFileSync(planFile(), 'utf8').replace('name: Genre tagger', 'name: Genre tagger v2'));
    const result = await vscode.commands.executeCommand<UpdateBriefResult>('mlproject.updateBrief', args());
    assert.ok(result && !result.error, result?.error);
    assert.ok(result.changedBlocks.length > 0, 'some block changed');
    assert.deepEqual(result.keptBlocks, []);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === briefFile());
    assert.ok(doc, 'the brief was edited as a document');
    assert.ok(doc.isDirty, 'through a WorkspaceEdit, not a write to disk');
    assert.equal(result.dirty, true, 'so the message says it is not saved yet');
    assert.match(doc.getText(), /Genre tagger v2/);
    assert.match(doc.getText(), /My own notes\./);
    assert.equal(fs.readFileSync(briefFile(), 'utf8'), before, 'the file on disk is untouched until saved');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await until(() => doc.getText() === before, 'undo to restore the brief');
    await closeAll();
  });

  test('Update Project Brief keeps a block edited by hand unless asked to replace it', async function () {
    this.timeout(60_000);
    // an earlier test may leave the brief open with unsaved edits: revert it, so that it follows the file on disk
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === briefFile());
    if (open?.isDirty) {
      await vscode.window.showTextDocument(open);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    const generated = fs.readFileSync(briefFile(), 'utf8');
    const edited = generated.replace('**Project lead:** Dana', '**Project lead:** Dana, until Kim takes over');
    assert.notEqual(edited, generated);
    await writeFile(briefFile(), edited);
    await writePlan(fs.readFileSync(planFile(), 'utf8').replace('name: Genre tagger', 'name: Genre tagger v3'));

    const kept = await vscode.commands.executeCommand<UpdateBriefResult>('mlproject.updateBrief', args({ replaceEdited: false }));
    assert.ok(kept && !kept.error, kept?.error);
    assert.deepEqual(kept.keptBlocks, ['team']);
    assert.ok(kept.changedBlocks.includes('title') && !kept.changedBlocks.includes('team'), kept.changedBlocks.join(', '));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === briefFile());
    assert.ok(doc);
    assert.match(doc.getText(), /until Kim takes over/);
    assert.match(doc.getText(), /Genre tagger v3/);
    await doc.save();

    const replaced = await vscode.commands.executeCommand<UpdateBriefResult>('mlproject.updateBrief', args({ replaceEdited: true }));
    assert.ok(replaced && !replaced.error, replaced?.error);
    assert.deepEqual([replaced.changedBlocks, replaced.replacedBlocks, replaced.keptBlocks], [['team'], ['team'], []]);
    assert.doesNotMatch(doc.getText(), /until Kim takes over/);
    await doc.save(); // leave a clean document behind, so the next test's write to disk reloads it
    await closeAll();
  });

  test('Update Project Brief never rewrites a brief without markers', async () => {
    const plain = '# Brief\n\n## Problem\n\nWritten by hand.\n';
    await writeFile(briefFile(), plain);
    const result = await vscode.commands.executeCommand<UpdateBriefResult>('mlproject.updateBrief', args());
    assert.ok(result?.error && /no mlproject markers/.test(result.error), result?.error);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === briefFile());
    assert.equal(doc?.isDirty ?? false, false);
    assert.equal(fs.readFileSync(briefFile(), 'utf8'), plain);
    await closeAll();
  });

  test('Record Model Decision writes the record (never over an earlier one) and the decision block', async function () {
    this.timeout(30_000);
    const first = await vscode.commands.executeCommand<DecisionResult>('mlproject.recordDecision',
      args({ chosen: 'knn', rationale: 'cheapest model that can reach the target; cnn kept as plan B', attendees: ['Dana', 'Lee'] }));
    assert.ok(first);
    assert.equal(first.record, 'docs/decisions/2026-12-01-model.md');
    assert.equal(first.planEdited, true);
    const record = fs.readFileSync(path.join(root(), first.record), 'utf8');
    assert.match(record, /# Model decision: .*knn/);
    assert.match(record, /cheapest model that can reach the target/);
    assert.match(record, /Dana, Lee/);
    const plan = fs.readFileSync(planFile(), 'utf8');
    assert.match(plan, /^ {2}chosen: knn$/m);
    assert.match(plan, /^ {2}date: 2026-12-01$/m);
    assert.match(plan, /^ {2}record: docs\/decisions\/2026-12-01-model\.md$/m);
    assert.match(plan, /^ {2}attendees: \[ Dana, Lee \]$/m);
    // comments elsewhere are kept
    assert.match(plan, /# organises the work, leads the model decision meeting/);

    const second = await vscode.commands.executeCommand<DecisionResult>('mlproject.recordDecision',
      args({ chosen: 'cnn', rationale: 'changed our mind', attendees: ['Dana'] }));
    assert.equal(second?.record, 'docs/decisions/2026-12-01-model-2.md');
    assert.equal(fs.readFileSync(path.join(root(), first.record), 'utf8'), record, 'the earlier record is untouched');

    const refused = await vscode.commands.executeCommand('mlproject.recordDecision', args({ chosen: 'cnn', rationale: '   ' }));
    assert.equal(refused, undefined, 'a rationale is required');
  });
});
