// Quick fixes for `.mlproject.yaml`, keyed on `diagnostic.code`:
// the core's own fixes become WorkspaceEdits; a few codes also get a command (see commandActions.ts).
import * as vscode from 'vscode';
import { fixEdits } from '../../core/edit/fixEdits';
import { textEditRefusal } from '../../core/edit/planText';
import type { Diagnostic, TextEdit } from '../../core/types';
import { codeOf, diagnosticUri, sameDiagnostic } from './vsDiagnostics';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { toWorkspaceEdit } from '../common/workspaceEdits';
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
    // Fix actions are YAML paths in the plan; their edits are computed now, against the document's current text.
    if (!core.fixes?.length || document.uri.toString() !== project.planUri.toString()) return [];
    const text = document.getText();
    if (textEditRefusal(text)) return []; // not valid UTF-8: no edits (saving would change the bad bytes)
    return core.fixes.flatMap((fix) => {
      let edits: TextEdit[];
      try {
        edits = fixEdits(text, fix.action);
      } catch {
        return []; // the text changed shape since the check: the next check offers a fresh fix
      }
      if (edits.length === 0) return [];
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document, edits);
      action.diagnostics = [vs];
      action.isPreferred = fix.preferred === true;
      return [action];
    });
  }
}

export function registerPlanCodeActions(registry: ProjectRegistry): vscode.Disposable {
  const selector: vscode.DocumentSelector = { pattern: '**/.mlproject.yaml' };
  return vscode.languages.registerCodeActionsProvider(selector, new PlanCodeActionProvider(registry), PlanCodeActionProvider.metadata);
}
