// What commands read from the argument they were invoked with (a tree item, a CodeLens, a test's object, a Uri),
// and the run history of a snapshot: shared by the plan, runs and brief features.
import * as vscode from 'vscode';
import type { RunRecord } from '../../core/runs/runRecord';
import type { ProjectSnapshot } from './projectRegistry';

/** Arguments that skip the prompts (tests, the Runs view's rerun, the CodeLens). */
export interface RunArgs {
  /** the project's folder: a Uri, a `file:` URI string or an absolute path */
  folder?: unknown;
  candidate?: string;
  note?: string;
  /** runs per candidate (Run Evaluation, Evaluate All Candidates): skips the repeat-count question */
  repeats?: number;
  /** most runs at the same time, instead of `evaluation.parallel` */
  parallel?: number;
}

/** The run history of a snapshot (the registry's facts hold the records parseHistory validated). */
export function runsOf(snapshot: ProjectSnapshot | undefined): RunRecord[] {
  return snapshot?.result.facts.runs ?? [];
}

/**
 * The fields of the argument a command was invoked with: an object's own (a tree item, a CodeLens's or a test's
 * arguments), `{ folder }` for a Uri (a folder or file picked in the Explorer), nothing for anything else.
 */
export function commandArgFields(arg: unknown): Record<string, unknown> {
  if (arg instanceof vscode.Uri) return { folder: arg };
  return typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
}

/**
 * The project a command argument points at: `folder` (a Uri, a URI string, a path or a WorkspaceFolder), or the
 * `planUri` string the Phases tree's nodes carry.
 */
export function folderArgOf(a: Record<string, unknown>): unknown {
  if (a.folder instanceof vscode.Uri || typeof a.folder === 'string') return a.folder;
  if (typeof a.folder === 'object' && a.folder !== null && (a.folder as { uri?: unknown }).uri instanceof vscode.Uri) return (a.folder as { uri: vscode.Uri }).uri;
  if (typeof a.planUri === 'string') return vscode.Uri.parse(a.planUri);
  if (a.planUri instanceof vscode.Uri) return a.planUri;
  return undefined;
}

/** Reads `{ folder, candidate, note }` from whatever a command was invoked with (tree items pass other things). */
export function runArgsOf(arg: unknown): RunArgs {
  const a = commandArgFields(arg);
  const folder = folderArgOf(a);
  return {
    ...(folder !== undefined ? { folder } : {}),
    ...(typeof a.candidate === 'string' ? { candidate: a.candidate } : {}),
    ...(typeof a.note === 'string' ? { note: a.note } : {}),
    ...(typeof a.repeats === 'number' ? { repeats: a.repeats } : {}),
    ...(typeof a.parallel === 'number' ? { parallel: a.parallel } : {}),
  };
}
