// Finds and loads the plan for `mlproject eval` and `mlproject runs`: `path` is the plan file or a folder holding
// `.mlproject.yaml`; the workspace root is the plan's folder.
import * as path from 'path';
import type { ProjectPlan } from '../../core/model';
import { parsePlan } from '../../core/parse/parsePlan';
import { CLI_FRONT_END } from '../frontEnd';
import { UsageError } from '../io';
import { readPlanFile, resolvePlanPath } from '../loadPlan';

export interface RunsWorkspace {
  root: string;
  planFile: string;
  plan: ProjectPlan;
}

/** Diagnostics that mean the plan could not be read at all. */
const FATAL_CODES = new Set(['yaml-syntax', 'file-too-large', 'empty-file']);

export async function loadRunsWorkspace(pathArg: string | undefined, cwd: string): Promise<RunsWorkspace> {
  const planFile = await resolvePlanPath(pathArg, cwd);
  const text = await readPlanFile(planFile);
  const { plan, diagnostics } = parsePlan(text, { frontEnd: CLI_FRONT_END });
  const fatal = diagnostics.find((d) => d.severity === 'error' && FATAL_CODES.has(d.code));
  if (fatal) {
    throw new UsageError(`${planFile}:${fatal.range.start.line + 1}:${fatal.range.start.character + 1}: ${fatal.message}`);
  }
  return { root: path.dirname(planFile), planFile, plan };
}
