// The project brief and the model decision record in the editor: Create / Update Project Brief and Record Model
// Decision. The brief's diagnostics come from the registry's check (published by the plan surfaces), not from here.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { ProjectRegistry } from '../project/projectRegistry';
import { createBrief, updateBriefCommand } from './briefCommands';
import { recordDecision } from './recordDecision';
import { registerBriefCodeActions } from './briefFixes';

export function registerBriefFeatures(_context: vscode.ExtensionContext, registry: ProjectRegistry): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.createBrief, (arg?: unknown) => createBrief(registry, arg)),
    vscode.commands.registerCommand(COMMANDS.updateBrief, (arg?: unknown) => updateBriefCommand(registry, arg)),
    vscode.commands.registerCommand(COMMANDS.recordDecision, (arg?: unknown) => recordDecision(registry, arg)),
    registerBriefCodeActions(registry),
  );
}
