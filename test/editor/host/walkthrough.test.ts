// ML Project: Open Walkthrough brings the Welcome editor to the front. Which walkthrough it shows, and that it replaces
// another walkthrough already in front, is seen only in the page itself: the UI suite's walkthrough test checks both
// (the extension host's tab model knows the Welcome editor only as a tab without a public input type).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, planUri, until } from './planHelpers';

const activeTab = () => vscode.window.tabGroups.activeTabGroup.activeTab;

suite('walkthrough', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('ML Project: Open Walkthrough, run with the plan in front, brings the Welcome editor to the front', async () => {
    await activated();
    await vscode.window.showTextDocument(planUri());
    assert.ok(activeTab()?.input instanceof vscode.TabInputText, 'the plan is in front first');
    await vscode.commands.executeCommand('mlproject.openWalkthrough', 'runBaseline');
    await until(() => { const t = activeTab(); return t && t.input === undefined && /^(Welcome|Walkthrough)/.test(t.label); },
      'the Welcome editor in front', 15_000, () => `active tab: ${activeTab()?.label ?? 'none'}`);
  });
});
