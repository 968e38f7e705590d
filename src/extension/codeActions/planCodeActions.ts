// Quick fixes for `.mlproject.yaml` and the files its diagnostics are on (the brief), keyed on `diagnostic.code`:
// the core's own fixes become WorkspaceEdits; a few codes also get a command (see commandActions.ts).
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/types';
import { codeOf, diagnosticUri, sameDiagnostic } from '../diagnostics/convert';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { toWorkspaceEdit } from '../workspaceEdits';
import { commandActions } from './commandActions';

export class PlanCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly registry: ProjectRegistry) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const project = this.registry.projectFor(document.uri);
    if (!project) return [];
    const actions: vscode.CodeAction[] = [];
    for (const vs of context.diagnostics) {
      if (!codeOf(vs)) continue;
      const core = this.coreDiagnostic(project, document.uri, vs);
      if (!core) continue;
      actions.push(...this.editActions(document, project, vs, core));
      if (document.uri.toString() === project.planUri.toString()) actions.push(...commandActions(vs, core, project.result, project.planUri));
    }
    return actions;
  }

  /** The core diagnostic behind a VS Code one, in the latest check of this document's project. */
  private coreDiagnostic(project: ProjectSnapshot, uri: vscode.Uri, vs: vscode.Diagnostic): Diagnostic | undefined {
    return project.result.diagnostics.find((d) =>
      diagnosticUri(project.folder.uri, project.planUri, d.file).toString() === uri.toString() && sameDiagnostic(vs, d));
  }

  private editActions(document: vscode.TextDocument, project: ProjectSnapshot, vs: vscode.Diagnostic, core: Diagnostic): vscode.CodeAction[] {
    if (!core.fixes?.length) return [];
    // Fix offsets are into the text that was checked: offer them only while the document still holds that text.
    const isPlan = document.uri.toString() === project.planUri.toString();
    if (isPlan ? document.getText() !== project.text : document.isDirty) return [];
    return core.fixes.filter((f) => f.edits.length > 0).map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document, fix.edits);
      action.diagnostics = [vs];
      action.isPreferred = fix.preferred === true;
      return action;
    });
  }
}

export function registerPlanCodeActions(registry: ProjectRegistry): vscode.Disposable {
  const selector: vscode.DocumentSelector = [{ pattern: '**/.mlproject.yaml' }, { language: 'markdown' }];
  return vscode.languages.registerCodeActionsProvider(selector, new PlanCodeActionProvider(registry), PlanCodeActionProvider.metadata);
}
