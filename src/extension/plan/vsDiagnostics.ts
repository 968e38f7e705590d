// Core diagnostics -> VS Code diagnostics: severity, range, a `code` that links to the rule's section of the docs
// shipped in the extension (through Show Rule Documentation), and related information. Pure mapping; the rules live in the core.
import * as vscode from 'vscode';
import type { Diagnostic, Range, Severity } from '../../core/types';
import { ruleDocTarget } from './ruleDocLinks';

export const DIAGNOSTIC_SOURCE = 'mlproject';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVsSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[severity] ?? vscode.DiagnosticSeverity.Warning;
}

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The file a core diagnostic is on: the plan, or a workspace-relative file such as the brief. */
export function diagnosticUri(folder: vscode.Uri, planUri: vscode.Uri, file: string | undefined): vscode.Uri {
  return file ? vscode.Uri.joinPath(folder, ...file.split('/')) : planUri;
}

export function toVsDiagnostic(d: Diagnostic, ctx: { folder: vscode.Uri; planUri: vscode.Uri }): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toVsRange(d.range), d.message, toVsSeverity(d.severity));
  out.source = DIAGNOSTIC_SOURCE;
  out.code = { value: d.code, target: ruleDocTarget(d.code) };
  const own = diagnosticUri(ctx.folder, ctx.planUri, d.file);
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(
      new vscode.Location(r.file ? diagnosticUri(ctx.folder, ctx.planUri, r.file) : own, toVsRange(r.range)), r.message));
  }
  return out;
}

/** The code of a VS Code diagnostic this extension published, else undefined. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const c = d.code;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return c ? String(c.value) : undefined;
}

/** True when a VS Code diagnostic stands for this core diagnostic (same code and range). */
export function sameDiagnostic(vs: vscode.Diagnostic, core: Diagnostic): boolean {
  return codeOf(vs) === core.code && vs.range.isEqual(toVsRange(core.range)) && vs.message === core.message;
}
