// Loads and checks one plan file for a CLI command: the workspace is the plan's folder.
import * as path from 'path';
import { checkPlanText, type CheckResult } from '../core/check';
import type { RuleConfig } from '../core/types';
import { NodeFs } from '../core/workspace/nodeFs';
import { readPlanFile } from './loadPlan';
import { CLI_FRONT_END } from './frontEnd';

export interface PlanContext {
  file: string;
  root: string;
  text: string;
  result: CheckResult;
}

export async function loadAndCheck(file: string, options: { config?: RuleConfig; today?: string } = {}): Promise<PlanContext> {
  const text = await readPlanFile(file);
  const root = path.dirname(file);
  const result = await checkPlanText(text, { fs: new NodeFs(root), config: options.config, today: options.today, frontEnd: CLI_FRONT_END });
  return { file, root, text, result };
}

/** A path as the user should see it: relative to the current folder when inside it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
