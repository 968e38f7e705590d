// What the brief and decision commands share: the brief template (setting `mlproject.brief.template`, a workspace
// file, else the built-in one), today's date, writing a new file without ever overwriting, minimal edits of a
// document's text, and saving the plan after an edit when it had no unsaved changes of the user's before.
import * as vscode from 'vscode';
import { builtInTemplate } from '../../core/brief/briefFact';
import { BriefTemplateError, parseTemplate, type BriefTemplate } from '../../core/brief/template';
import type { TextEdit } from '../../core/types';
import { resolveInside } from '../../core/workspace/paths';
import { resolveReal, WorkspacePathError } from '../../core/workspace/realPaths';
import { MAX_DOCUMENT_BYTES, readWorkspaceText } from '../../core/workspace/safeRead';
import { createNewFile } from '../../core/workspace/safeWrite';
import { readSettings } from '../settings';
import { editDocument } from '../workspaceEdits';

export class BriefCommandError extends Error {}

/** The template the settings name for a folder, else the built-in one. Throws BriefCommandError saying what to fix. */
export async function briefTemplateFor(folder: vscode.WorkspaceFolder): Promise<BriefTemplate> {
  const custom = readSettings(folder.uri).briefTemplate.trim();
  if (!custom) return builtInTemplate();
  const abs = resolveInside(folder.uri.fsPath, custom);
  if (!abs) throw new BriefCommandError(`the setting mlproject.brief.template ("${custom}") is outside the workspace folder; use a workspace-relative path`);
  let text: string | undefined;
  try {
    // The core's safe reader: a link leading outside the folder, a FIFO or a huge file is refused, never followed.
    text = await readWorkspaceText(folder.uri.fsPath, abs, { maxBytes: MAX_DOCUMENT_BYTES });
  } catch (e) {
    const why = e instanceof WorkspacePathError ? `: ${e.message}` : '';
    throw new BriefCommandError(`the brief template "${custom}" (setting mlproject.brief.template) cannot be read${why}`);
  }
  if (text === undefined) throw new BriefCommandError(`the brief template "${custom}" (setting mlproject.brief.template) cannot be read`);
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof BriefTemplateError) throw new BriefCommandError(`the brief template "${custom}": ${e.message}`);
    throw e;
  }
}

/** Today in the local time zone, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A workspace-relative path as an absolute one; BriefCommandError when it leaves the folder. */
export function insideFolder(folder: vscode.WorkspaceFolder, rel: string, what: string): string {
  const abs = resolveInside(folder.uri.fsPath, rel);
  if (!abs) throw new BriefCommandError(`${what} "${rel}" is outside the workspace folder; use a path inside it`);
  return abs;
}

/**
 * Writes a new file inside the workspace folder `root` (by its real path; its folder is created); false when the
 * file already exists (never overwritten). A link leading outside is refused with a WorkspacePathError.
 */
export async function writeNewFile(abs: string, text: string, root: string): Promise<boolean> {
  return (await createNewFile(root, abs, text)) === 'created';
}

/** True when something exists at `abs`, judged by its real path inside `root` (a link leading outside throws). */
export async function exists(abs: string, root: string): Promise<boolean> {
  return (await resolveReal(root, abs)).exists;
}

/**
 * Edits the plan through a WorkspaceEdit (undoable), then saves it when it had no unsaved changes before, so the
 * CLI and the file on disk agree; a plan with the user's unsaved changes is left unsaved.
 */
export async function editPlan(planUri: vscode.Uri, compute: (text: string) => TextEdit[]): Promise<boolean> {
  const before = vscode.workspace.textDocuments.find((d) => d.uri.toString() === planUri.toString());
  const wasDirty = before?.isDirty ?? false;
  const ok = await editDocument(planUri, compute);
  if (!ok) return false;
  if (!wasDirty) {
    const doc = await vscode.workspace.openTextDocument(planUri);
    if (doc.isDirty) await doc.save();
  }
  return true;
}
