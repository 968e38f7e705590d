// The first activation in a workspace with a plan lands on the project: the plan is opened in front (and the
// ML Project view shown: the UI suite's landing test sees that one). Runs before every other host test file (the
// name sorts first), while nothing else has opened an editor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, planUri } from './planHelpers';

suite('landing', () => {
  test('on its first activation in the workspace, the extension opens the plan in front', async () => {
    await activated();
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    assert.strictEqual(active, planUri().toString(), `the active editor is ${active ?? 'none'}, not the plan`);
  });
});
