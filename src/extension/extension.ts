// Activation: builds the project registry and wires each surface to it. Nothing else lives here.
// Every disposable is owned by `context.subscriptions`, through the registry and the feature registrations.
import * as vscode from 'vscode';
import { ProjectRegistry } from './project/projectRegistry';
import { registerPlanFeatures } from './plan/planFeatures';
import { registerRunFeatures } from './runs/registerRunFeatures';
import { registerBriefFeatures } from './brief/registerBriefFeatures';
import { registerWelcomeFeatures } from './welcome/registerWelcomeFeatures';
import { landOnFirstActivation } from './welcome/landing';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const registry = new ProjectRegistry();
  context.subscriptions.push(
    registry,
    registerPlanFeatures(context, registry),
    registerRunFeatures(context, registry),
    registerBriefFeatures(context, registry),
    registerWelcomeFeatures(context, registry),
  );
  await landOnFirstActivation(context);
  await registry.discover();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
