// Getting started: ML Project: Open Walkthrough, the walkthrough's context keys, and the first landing on a project.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { ProjectRegistry } from '../project/projectRegistry';
import { openWalkthrough, walkthroughCategory, WalkthroughContext } from './walkthrough';

export function registerWelcomeFeatures(context: vscode.ExtensionContext, registry: ProjectRegistry): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.openWalkthrough, (step?: unknown) => openWalkthrough(context, typeof step === 'string' ? step : undefined)),
    new WalkthroughContext(registry, walkthroughCategory(context)),
  );
}
