// "▶ Run Evaluation" and "Open Dashboard" above `evaluation:` in .mlproject.yaml, from the registry's latest parse.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { COMMANDS } from '../commandIds';
import { PLAN_FILE_NAME } from '../../core/model';
import type { ProjectRegistry } from '../project/projectRegistry';
import { runsOf } from '../project/commandArgs';

export class EvaluationCodeLens extends DisposableOwner implements vscode.CodeLensProvider {
  private readonly emitter = this.own(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly registry: ProjectRegistry) {
    super();
    this.own(registry.onDidChange(() => this.emitter.fire()));
    this.own(vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire()));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!document.uri.path.endsWith(`/${PLAN_FILE_NAME}`)) return [];
    const project = this.registry.projects().find((p) => p.planUri.toString() === document.uri.toString());
    if (!project || project.text !== document.getText()) {
      // not checked yet at this version: find the key by text
      const m = /^evaluation[ \t]*:/m.exec(document.getText());
      if (!m) return [];
      return this.lenses(new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + 'evaluation'.length)), document.uri, project ? runsOf(project).length : 0);
    }
    const r = project.result.parsed.source.keyRange(['evaluation']);
    if (!r) return [];
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    return this.lenses(range, project.folder.uri, runsOf(project).length);
  }

  private lenses(range: vscode.Range, uri: vscode.Uri, runCount: number): vscode.CodeLens[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? uri;
    const args = { folder: folder.toString() };
    const out = [
      new vscode.CodeLens(range, {
        title: vscode.workspace.isTrusted ? '$(play) Run Evaluation' : '$(shield) Run Evaluation (needs a trusted workspace)',
        command: COMMANDS.runEvaluation,
        arguments: [args],
        tooltip: 'Run evaluation.command for a candidate as a task and record the run',
      }),
    ];
    if (runCount > 0) {
      out.push(new vscode.CodeLens(range, {
        title: `$(graph) Dashboard (${runCount} run${runCount === 1 ? '' : 's'})`,
        command: COMMANDS.openDashboard,
        arguments: [args],
      }));
    }
    return out;
  }
}
