// Loads and checks one plan file for a CLI command: the workspace is the plan's folder.
import * as path from 'path';
import { checkParsed, checkPlanText, type CheckResult } from '../core/check';
import { readBriefFact } from '../core/brief/briefFact';
import { oversizedPlan } from '../core/parse/parsePlan';
import { gatherFacts } from '../core/state/gatherFacts';
import type { RuleConfig } from '../core/types';
import { NodeFs } from '../core/workspace/nodeFs';
import { PlanTooLargeError, readPlanFile } from './loadPlan';
import { CLI_FRONT_END } from './frontEnd';

export interface PlanContext {
  file: string;
  root: string;
  text: string;
  result: CheckResult;
}

export async function loadAndCheck(file: string, options: { config?: RuleConfig; today?: string; countEvidence?: boolean } = {}): Promise<PlanContext> {
  const root = path.dirname(file);
  const fs = new NodeFs(root);
  let text: string;
  try {
    text = await readPlanFile(file);
  } catch (e) {
    if (!(e instanceof PlanTooLargeError)) throw e;
    // Not read: reported as a diagnostic on this file, so that a folder's other plans are still checked.
    const parsed = oversizedPlan(e.bytes);
    const result = checkParsed(parsed, await gatherFacts(parsed.plan, fs, { readBrief: readBriefFact }), { ...options, frontEnd: CLI_FRONT_END });
    return { file, root, text: '', result };
  }
  const result = await checkPlanText(text, { fs, config: options.config, today: options.today, frontEnd: CLI_FRONT_END, countEvidence: options.countEvidence });
  return { file, root, text, result };
}

/** A path as the user should see it: relative to the current folder when inside it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
