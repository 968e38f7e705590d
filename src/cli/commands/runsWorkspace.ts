// Finds and loads the plan for `mlproject eval` and `mlproject runs`: `path` is the plan file or a folder holding
// `.mlproject.yaml`; the workspace root is the plan's folder.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { PLAN_FILE_NAME, type ProjectPlan } from '../../core/model';
import { parsePlan } from '../../core/parse/parsePlan';
import { UsageError } from '../io';

export interface RunsWorkspace {
  root: string;
  planFile: string;
  plan: ProjectPlan;
}

/** Diagnostics that mean the plan could not be read at all. */
const FATAL_CODES = new Set(['yaml-syntax', 'file-too-large', 'empty-file']);

export async function loadRunsWorkspace(pathArg: string | undefined, cwd: string): Promise<RunsWorkspace> {
  const target = path.resolve(cwd, pathArg ?? '.');
  const st = await fsp.stat(target).catch(() => undefined);
  if (!st) throw new UsageError(`${target} does not exist`);
  const planFile = st.isDirectory() ? path.join(target, PLAN_FILE_NAME) : target;
  let text: string;
  try {
    text = await fsp.readFile(planFile, 'utf8');
  } catch {
    throw new UsageError(
      st.isDirectory() ? `no ${PLAN_FILE_NAME} in ${target}; run mlproject init, or pass the plan file's path` : `cannot read ${planFile}`,
    );
  }
  const { plan, diagnostics } = parsePlan(text);
  const fatal = diagnostics.find((d) => d.severity === 'error' && FATAL_CODES.has(d.code));
  if (fatal) {
    throw new UsageError(`${planFile}:${fatal.range.start.line + 1}:${fatal.range.start.character + 1}: ${fatal.message}`);
  }
  return { root: path.dirname(planFile), planFile, plan };
}
