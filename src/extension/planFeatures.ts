// The plan surfaces: diagnostics, quick fixes, hovers, the Phases and Pitfalls views, the status bar item, and the
// commands that edit the plan. Each one only forwards the registry's change event; the logic is in the core.
import * as vscode from 'vscode';
import { registerPlanCodeActions } from './codeActions/planCodeActions';
import { registerAddEntries } from './commands/addEntries';
import { registerCreatePlan } from './commands/createPlan';
import { registerStepCommands } from './commands/stepCommands';
import { PlanDiagnostics } from './diagnostics/planDiagnostics';
import { registerPlanHover } from './hover/planHover';
import type { ProjectRegistry } from './project/projectRegistry';
import { PlanStatusBar } from './statusBar';
import { PhasesTreeProvider } from './tree/phasesTree';
import { PitfallsTreeProvider } from './tree/pitfallsTree';

export function registerPlanFeatures(context: vscode.ExtensionContext, registry: ProjectRegistry): vscode.Disposable {
  const phases = new PhasesTreeProvider(registry);
  const phasesView = vscode.window.createTreeView('mlproject.phases', { treeDataProvider: phases, showCollapseAll: true });
  return vscode.Disposable.from(
    new PlanDiagnostics(context.extensionUri, registry),
    registerPlanCodeActions(registry),
    registerPlanHover(registry),
    phases,
    phasesView,
    new PitfallsTreeProvider(registry),
    new PlanStatusBar(registry),
    registerStepCommands(registry),
    registerCreatePlan(registry),
    registerAddEntries(registry),
    vscode.commands.registerCommand('mlproject.refresh', async () => {
      await registry.discover();
      await Promise.all(registry.projects().map((p) => registry.refresh(p.planUri)));
    }),
    vscode.commands.registerCommand('mlproject.showStatus', () => vscode.commands.executeCommand('mlproject.phases.focus')),
  );
}
