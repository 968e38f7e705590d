// The plan surfaces: diagnostics, quick fixes, hovers, completion, the Phases and Pitfalls views, the status bar item, and the
// commands that edit the plan. Each one only forwards the registry's change event; the logic is in the core.
import * as vscode from 'vscode';
import { COMMANDS, VIEWS, focusCommand } from '../commandIds';
import { registerPlanCodeActions } from './planCodeActions';
import { registerAddEntries } from './addEntries';
import { registerFixCommands } from './fixCommands';
import { registerCreatePlan } from './createPlan';
import { registerStepCommands } from './stepCommands';
import { registerConfigureEvaluation } from './configureEvaluation';
import { registerMarkEvidenceDone } from './markEvidenceDone';
import { registerShowRule } from './showRule';
import { PlanDiagnostics } from './planDiagnostics';
import { registerPlanHover } from './planHover';
import { registerPlanCompletion } from './planCompletion';
import { RedHatYamlPresence } from './redHatYaml';
import type { ProjectRegistry } from '../project/projectRegistry';
import type { ActiveRuns } from '../runs/activeRuns';
import { PlanStatusBar } from './statusBar';
import { PhasesTreeProvider } from './phasesTree';
import { PitfallsTreeProvider } from './pitfallsTree';

export function registerPlanFeatures(context: vscode.ExtensionContext, registry: ProjectRegistry, activeRuns: ActiveRuns): vscode.Disposable {
  const redHatYaml = new RedHatYamlPresence();
  return vscode.Disposable.from(
    new PlanDiagnostics(registry),
    registerPlanCodeActions(registry),
    redHatYaml,
    registerPlanHover(registry, redHatYaml.active),
    registerPlanCompletion(registry, redHatYaml.active),
    new PhasesTreeProvider(registry),
    new PitfallsTreeProvider(registry),
    new PlanStatusBar(registry, activeRuns),
    registerStepCommands(registry),
    registerCreatePlan(registry),
    registerAddEntries(registry),
    registerFixCommands(registry),
    registerConfigureEvaluation(registry, context.extensionUri),
    registerMarkEvidenceDone(registry),
    registerShowRule(context.extensionUri),
    vscode.commands.registerCommand(COMMANDS.refresh, async () => {
      await registry.discover();
      await Promise.all(registry.projects().map((p) => registry.refresh(p.planUri)));
    }),
    vscode.commands.registerCommand(COMMANDS.showStatus, () => vscode.commands.executeCommand(focusCommand(VIEWS.phases))),
  );
}
