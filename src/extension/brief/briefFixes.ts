// "Update Project Brief" as the quick fix of a stale brief: a brief-section-empty or -missing warning on the brief
// whose cause is a generated block written before the plan had that part (it still holds the template's prompt).
// The fix is offered only when updating would clear that very diagnostic: the update is computed on the brief's
// current text and its completeness checked again, so a section only a person can write gets no such promise.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { BRIEF_SECTION_EMPTY, BRIEF_SECTION_MISSING, briefStatus } from '../../core/brief/completeness';
import { updateBrief } from '../../core/brief/update';
import { localToday } from '../../core/text/dates';
import type { Diagnostic } from '../../core/types';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { briefTemplateFor } from '../project/briefTemplate';
import { runsOf } from '../project/commandArgs';
import { EDITOR_FRONT_END } from '../common/frontEnd';
import { codeOf, diagnosticUri, sameDiagnostic } from '../plan/vsDiagnostics';

const BRIEF_CODES = new Set([BRIEF_SECTION_EMPTY, BRIEF_SECTION_MISSING]);

/** The core brief diagnostics behind the VS Code ones in the request, on this document. */
function briefDiagnostics(project: ProjectSnapshot, uri: vscode.Uri, context: vscode.CodeActionContext): [vscode.Diagnostic, Diagnostic][] {
  return context.diagnostics.flatMap((vs): [vscode.Diagnostic, Diagnostic][] => {
    if (!BRIEF_CODES.has(codeOf(vs) ?? '')) return [];
    const core = project.result.diagnostics.find((d) => d.file !== undefined
      && diagnosticUri(project.folder.uri, project.planUri, d.file).toString() === uri.toString() && sameDiagnostic(vs, d));
    return core ? [[vs, core]] : [];
  });
}

export class BriefCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly registry: ProjectRegistry) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const project = this.registry.projectFor(document.uri);
    if (!project) return [];
    const found = briefDiagnostics(project, document.uri, context);
    if (found.length === 0) return [];
    let template;
    try {
      template = await briefTemplateFor(project.folder);
    } catch {
      return []; // a broken template setting: Update Project Brief reports it when run
    }
    const text = document.getText();
    const update = updateBrief(text, project.result.parsed.plan, template, { today: localToday(), runs: runsOf(project), frontEnd: EDITOR_FRONT_END });
    if (update.error || update.changedBlocks.length === 0) return [];
    const after = briefStatus(update.text, found[0][1].file!, template).diagnostics;
    return found
      .filter(([, core]) => !after.some((d) => d.code === core.code && d.message === core.message))
      .map(([vs]) => {
        const title = 'Update Project Brief';
        const action = new vscode.CodeAction(`${title} (regenerates ${update.changedBlocks.join(', ')} from the plan)`, vscode.CodeActionKind.QuickFix);
        action.command = { title, command: COMMANDS.updateBrief, arguments: [{ folder: project.folder.uri.toString() }] };
        action.diagnostics = [vs];
        action.isPreferred = true;
        return action;
      });
  }
}

export function registerBriefCodeActions(registry: ProjectRegistry): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new BriefCodeActionProvider(registry), BriefCodeActionProvider.metadata);
}
