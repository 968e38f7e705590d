// Finds and loads the plan for `mlproject eval` and `mlproject runs`: `path` is the plan file or a folder holding
// `.mlproject.yaml`; the workspace root is the plan's folder.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { PLAN_FILE_NAME, type ProjectPlan } from '../../core/model';
import { parsePlan } from '../../core/parse/parsePlan';
import { CLI_FRONT_END } from '../frontEnd';
import { UsageError } from '../io';
import { readPlanFile } from '../loadPlan';

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
  if (!st) throw new UsageError(`cannot read ${pathArg ?? '.'}: no such file or folder`);
  const planFile = st.isDirectory() ? path.join(target, PLAN_FILE_NAME) : target;
  if (st.isDirectory() && !(await fsp.stat(planFile).then((s) => s.isFile(), () => false))) {
    throw new UsageError(`no ${PLAN_FILE_NAME} in ${target} (run \`mlproject init\` to create one, or pass the plan file's path)`);
  }
  const text = await readPlanFile(planFile);
  const { plan, diagnostics } = parsePlan(text, { frontEnd: CLI_FRONT_END });
  const fatal = diagnostics.find((d) => d.severity === 'error' && FATAL_CODES.has(d.code));
  if (fatal) {
    throw new UsageError(`${planFile}:${fatal.range.start.line + 1}:${fatal.range.start.character + 1}: ${fatal.message}`);
  }
  return { root: path.dirname(planFile), planFile, plan };
}
