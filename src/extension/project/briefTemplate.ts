// The brief template of a folder: the workspace file the setting `mlproject.brief.template` names, else the built-in
// one. One policy for every reader: a configured template that cannot be read is an error saying what to fix, never
// silently replaced by the built-in one.
import * as vscode from 'vscode';
import { builtInTemplate } from '../../core/brief/briefFact';
import { BriefTemplateError, parseTemplate, type BriefTemplate } from '../../core/brief/template';
import { NodeFs } from '../../core/workspace/nodeFs';
import { isInsideWorkspace, normaliseRelative } from '../../core/workspace/paths';
import type { WorkspaceFs } from '../../core/workspace/workspaceFs';
import { readSettings } from '../common/settings';

/** The configured template cannot be used; the message says what to fix. */
export class BriefTemplateSettingError extends Error {}

/** The template the settings name for a folder, else the built-in one. Throws BriefTemplateSettingError. */
export async function briefTemplateFor(folder: vscode.WorkspaceFolder, fs: WorkspaceFs = new NodeFs(folder.uri.fsPath)): Promise<BriefTemplate> {
  const custom = readSettings(folder.uri).briefTemplate.trim();
  if (!custom) return builtInTemplate();
  if (!isInsideWorkspace(custom)) {
    throw new BriefTemplateSettingError(`the setting mlproject.brief.template ("${custom}") is outside the workspace folder; use a workspace-relative path`);
  }
  const text = await fs.readText(normaliseRelative(custom));
  if (text === undefined) throw new BriefTemplateSettingError(`the brief template "${custom}" (setting mlproject.brief.template) cannot be read`);
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof BriefTemplateError) throw new BriefTemplateSettingError(`the brief template "${custom}": ${e.message}`);
    throw e;
  }
}
