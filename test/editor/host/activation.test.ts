// Runs inside the real extension host (code-server), with the repo as the development extension and a temp copy
// of examples/genre-tagger (which has .mlproject.yaml) as the workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, until } from './planHelpers';

suite('activation', () => {
  test('the workspace contains .mlproject.yaml', async () => {
    const found = await vscode.workspace.findFiles('.mlproject.yaml');
    assert.strictEqual(found.length, 1, 'fixture workspace must have a root .mlproject.yaml');
  });

  test(`${EXTENSION_ID} is installed`, () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not among the extensions`);
  });

  test('it activates by itself because of .mlproject.yaml', async () => {
    // Never call ext.activate(): that would force activation and hide a missing activation event.
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await until(() => ext.isActive, `${EXTENSION_ID} to activate`, 20_000);
  });
});
