// Completion in the plan through VS Code's own command (vscode.executeCompletionItemProvider): schema keys with
// their descriptions, status and direction values, step ids, candidate ids for decision.chosen and literature
// titles for a candidate's source; and, with the Red Hat YAML extension "present" (injected: it cannot be
// installed here), no schema item that it would offer too.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { PlanCompletionProvider } from '../../../src/extension/plan/planCompletion';
import { RedHatYamlPresence } from '../../../src/extension/plan/redHatYaml';
import { activated, extensionPath, keepWorkspace, openPlan, useExample } from './planHelpers';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const docOf = (item: vscode.CompletionItem) => (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '');

/** This extension's items at `offset` (word-based suggestions, kind Text, are left out). */
async function completions(document: vscode.TextDocument, offset: number): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
  return list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text);
}

function offsetAfter(document: vscode.TextDocument, needle: string): number {
  const i = document.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not in the plan`);
  return i + needle.length;
}

/** Inserts `text` after `needle`; returns the offset at the end of the insertion. */
async function insertAfter(editor: vscode.TextEditor, needle: string, text: string): Promise<number> {
  const at = offsetAfter(editor.document, needle);
  assert.ok(await editor.edit((e) => e.insert(editor.document.positionAt(at), text)));
  return at + text.length;
}

suite('plan completion', () => {
  const workspace = keepWorkspace();
  suiteSetup(async () => {
    await activated();
    workspace.save();
  });
  suiteTeardown(() => workspace.restore());

  test('keys with descriptions, only those not in the mapping yet', async () => {
    await useExample('genre-tagger');
    const editor = await openPlan();
    const offset = await insertAfter(editor, '  attendees: [Dana, Ravi, Lee]', '\n  ');
    const items = await completions(editor.document, offset);
    const record = items.find((i) => labelOf(i) === 'record');
    assert.ok(record, `no record key among ${items.map(labelOf).join(', ')}`);
    assert.match(docOf(record), /decision record/);
    assert.ok(!items.some((i) => labelOf(i) === 'chosen'), 'chosen is already in decision');
  });

  test('status and direction values, step ids, candidate ids and literature titles', async () => {
    await useExample('genre-tagger');
    const editor = await openPlan();
    const { document } = editor;
    const has = async (offset: number, expected: string[], what: string) => {
      const labels = (await completions(document, offset)).map(labelOf);
      for (const label of expected) assert.ok(labels.includes(label), `${what}: no ${label} among ${labels.join(', ')}`);
      return labels;
    };
    await has(offsetAfter(document, '    tuning: '), ['todo', 'in-progress', 'done', 'skipped'], 'status');
    await has(offsetAfter(document, 'target: 0.80, direction: '), ['maximize', 'minimize'], 'direction');
    const chosen = await has(offsetAfter(document, '  chosen: '), ['logreg', 'knn', 'cnn'], 'decision.chosen');
    assert.equal(chosen.length, 3, chosen.join(', '));
    await has(offsetAfter(document, '    source: '), ['Musical genre classification of audio signals', 'Convolutional recurrent neural networks for music classification'], 'source');
    const steps = await has(await insertAfter(editor, '  deployment:', '\n    '), ['clean-up', 'training-pipeline', 'monitoring'], 'deployment steps');
    assert.ok(!steps.includes('serving'), 'serving is already listed');
  });

  test('with Red Hat YAML present: no schema key or value twice, the plan and catalog items stay', async () => {
    await useExample('genre-tagger');
    const editor = await openPlan();
    const provider = new PlanCompletionProvider({ projectFor: () => undefined }, () => true);
    const itemsAt = (offset: number) => provider.provideCompletionItems(editor.document, editor.document.positionAt(offset)).map(labelOf);
    // What Red Hat offers from the same schema: the keys of `decision` and the statuses.
    const schema = JSON.parse(fs.readFileSync(path.join(extensionPath(), 'schemas', 'mlproject.schema.json'), 'utf8'));
    const redHatKeys = Object.keys(schema.properties.decision.properties) as string[];
    const redHatStatuses = schema.definitions.status.enum as string[];

    const keyOffset = await insertAfter(editor, '  attendees: [Dana, Ravi, Lee]', '\n  ');
    const keys = itemsAt(keyOffset);
    assert.deepEqual(keys.filter((k) => redHatKeys.includes(k)), [], 'schema keys offered twice');
    assert.deepEqual(itemsAt(offsetAfter(editor.document, '    tuning: ')).filter((v) => redHatStatuses.includes(v)), [], 'statuses offered twice');
    assert.deepEqual(itemsAt(offsetAfter(editor.document, '  chosen: ')), ['logreg', 'knn', 'cnn']);
    assert.deepEqual(itemsAt(await insertAfter(editor, '  deployment:', '\n    ')), ['clean-up', 'training-pipeline', 'monitoring']);
  });

  test('the Red Hat presence is re-checked when extensions change', () => {
    let installed = false;
    const changed = new vscode.EventEmitter<void>();
    const presence = new RedHatYamlPresence(() => installed, changed.event);
    try {
      assert.equal(presence.active(), false);
      installed = true;
      assert.equal(presence.active(), false, 'not re-checked before the event');
      changed.fire();
      assert.equal(presence.active(), true);
      installed = false;
      changed.fire();
      assert.equal(presence.active(), false);
    } finally {
      presence.dispose();
      changed.dispose();
    }
  });
});
