// The extension's settings (package.json `contributes.configuration`), read in one place with their defaults.
import * as vscode from 'vscode';
import type { RuleConfig } from '../../core/types';

export interface Settings {
  /** rule code -> level; the same configuration the CLI takes as --rule flags */
  rules: RuleConfig;
  /** the longest delay between the last keystroke and a re-check (the actual one adapts to the check's cost) */
  debounceMs: number;
  /** workspace-relative path of a custom brief template; empty = the built-in one */
  briefTemplate: string;
  /** ask before running an evaluation command text for the first time in a workspace */
  confirmNewCommands: boolean;
  /** a step whose evidence is seen counts as done in the progress (the plan's `progress.count_evidence` wins) */
  countEvidence: boolean;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('mlproject', scope);
  const debounce = c.get<number>('diagnostics.debounceMs', 250);
  return {
    rules: c.get<RuleConfig>('rules', {}) ?? {},
    debounceMs: Number.isFinite(debounce) ? Math.min(Math.max(debounce, 0), 5000) : 250,
    briefTemplate: c.get<string>('brief.template', '') ?? '',
    confirmNewCommands: c.get<boolean>('evaluation.confirmNewCommands', true) ?? true,
    countEvidence: c.get<boolean>('progress.countEvidence', false) === true,
  };
}
