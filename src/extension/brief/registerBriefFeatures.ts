// The project brief and the model decision record in the editor: Create / Update Project Brief and Record Model
// Decision. The brief's diagnostics come from the registry's check (published by the plan surfaces), not from here.
import * as vscode from 'vscode';
import type { ProjectRegistry } from '../project/projectRegistry';
import { createBrief, updateBriefCommand } from './briefCommands';
import { recordDecision } from './recordDecision';

export function registerBriefFeatures(_context: vscode.ExtensionContext, registry: ProjectRegistry): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlproject.createBrief', (arg?: unknown) => createBrief(registry, arg)),
    vscode.commands.registerCommand('mlproject.updateBrief', (arg?: unknown) => updateBriefCommand(registry, arg)),
    vscode.commands.registerCommand('mlproject.recordDecision', (arg?: unknown) => recordDecision(registry, arg)),
  );
}
