// Activation: builds the project registry and wires each surface to it. Nothing else lives here.
// Every disposable is owned by `context.subscriptions`, through the registry and the feature registrations.
import * as vscode from 'vscode';
import { ProjectRegistry } from './project/projectRegistry';
import { registerPlanFeatures } from './plan/planFeatures';
import { registerRunFeatures } from './runs/registerRunFeatures';
import { registerBriefFeatures } from './brief/registerBriefFeatures';
import { ActiveRuns } from './runs/activeRuns';
import type { RunsView } from './runs/runsView';
import { registerWelcomeFeatures } from './welcome/registerWelcomeFeatures';
import { landOnFirstActivation } from './welcome/landing';

/** What `activate` returns (`extension.exports`): read by the editor tests. */
export interface ExtensionExports {
  activeRuns: ActiveRuns;
  runsView: RunsView;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionExports> {
  const registry = new ProjectRegistry();
  // The runs of this window not yet in the history: the runs feature fills it, the status bar reads it.
  const activeRuns = new ActiveRuns();
  const plan = registerPlanFeatures(context, registry, activeRuns);
  const runs = registerRunFeatures(context, registry, activeRuns);
  context.subscriptions.push(registry, activeRuns, plan, runs, registerBriefFeatures(context, registry), registerWelcomeFeatures(context, registry));
  await landOnFirstActivation(context);
  await registry.discover();
  return { activeRuns, runsView: runs.runsView };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
