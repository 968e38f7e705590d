// Reads a brief's completeness with the template the settings name (a workspace file) or the built-in one.
import * as vscode from 'vscode';
import { readBriefFact } from '../../core/brief/briefFact';
import { parseTemplate, type BriefTemplate } from '../../core/brief/template';
import type { BriefFact } from '../../core/state/facts';
import type { WorkspaceFs } from '../../core/workspace/workspaceFs';
import { readSettings } from '../settings';

export function briefReaderFor(folder: vscode.WorkspaceFolder) {
  return async (fs: WorkspaceFs, briefPath: string): Promise<BriefFact> => {
    const custom = readSettings(folder.uri).briefTemplate;
    let template: BriefTemplate | undefined;
    if (custom) {
      const text = await fs.readText(custom);
      // A missing or broken custom template falls back to the built-in one; the brief command reports it.
      if (text !== undefined) {
        try {
          template = parseTemplate(text);
        } catch {
          template = undefined;
        }
      }
    }
    return template ? readBriefFact(fs, briefPath, template) : readBriefFact(fs, briefPath);
  };
}
