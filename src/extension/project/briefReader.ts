// Reads a brief's completeness with the folder's brief template (see briefTemplate.ts). A configured template that
// cannot be read is reported (once per problem, not on every re-check); until it is fixed the brief is measured
// against the built-in template, and the message says so.
import * as vscode from 'vscode';
import { builtInTemplate, readBriefFact } from '../../core/brief/briefFact';
import type { BriefFact } from '../../core/state/facts';
import type { WorkspaceFs } from '../../core/workspace/workspaceFs';
import { briefTemplateFor, BriefTemplateSettingError } from './briefTemplate';

export function briefReaderFor(folder: vscode.WorkspaceFolder) {
  let reported = '';
  return async (fs: WorkspaceFs, briefPath: string): Promise<BriefFact> => {
    try {
      const template = await briefTemplateFor(folder, fs);
      reported = '';
      return await readBriefFact(fs, briefPath, template);
    } catch (e) {
      if (!(e instanceof BriefTemplateSettingError)) throw e;
      if (reported !== e.message) {
        reported = e.message;
        void vscode.window.showErrorMessage(`ML Project: ${e.message}. The brief is checked against the built-in template until this is fixed.`);
      }
      return readBriefFact(fs, briefPath, builtInTemplate());
    }
  };
}
