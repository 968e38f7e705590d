// The brief's completeness as a workspace fact, read with the built-in template (templates/brief.md, shipped next
// to the bundles) unless a caller passes another one.
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { BriefFact } from '../state/facts';
import type { WorkspaceFs } from '../workspace/workspaceFs';
import { readBriefStatus } from './completeness';
import { parseTemplate, type BriefTemplate } from './template';

let builtIn: BriefTemplate | undefined;

/** Path of the built-in template: `templates/brief.md` in the nearest folder above this module (source or bundle). */
export function builtInTemplatePath(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'templates', 'brief.md');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`the built-in brief template (templates/brief.md) was not found above ${from}`);
}

export function builtInTemplate(): BriefTemplate {
  builtIn ??= parseTemplate(readFileSync(builtInTemplatePath(), 'utf8'));
  return builtIn;
}

export async function readBriefFact(fs: WorkspaceFs, briefPath: string, template: BriefTemplate = builtInTemplate()): Promise<BriefFact> {
  return readBriefStatus(fs, briefPath, template);
}
