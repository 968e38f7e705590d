// ML Project: Open Walkthrough opens the walkthrough even while another walkthrough is in front (VS Code 1.100's
// openWalkthrough alone does nothing then). The Welcome editor has no public tab input, but its tab label names the
// walkthrough it shows ("Walkthrough: <title>").
import * as vscode from 'vscode';
import { activated, until } from './planHelpers';

const activeLabel = (): string => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '(no tab)';

suite('walkthrough', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('ML Project: Open Walkthrough replaces another walkthrough in front', async () => {
    await activated();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'SetupWeb', false);
    await until(() => /^Walkthrough: /.test(activeLabel()) && !activeLabel().includes('ML Project'),
      'VS Code\'s own walkthrough in front', 15_000, activeLabel);
    await vscode.commands.executeCommand('mlproject.openWalkthrough');
    await until(() => activeLabel() === 'Walkthrough: ML Project', 'the ML Project walkthrough in front', 15_000, activeLabel);
  });

  test('ML Project: Open Walkthrough with a step opens it at that step, from no editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mlproject.openWalkthrough', 'runBaseline');
    await until(() => activeLabel() === 'Walkthrough: ML Project', 'the ML Project walkthrough in front', 15_000, activeLabel);
  });
});
