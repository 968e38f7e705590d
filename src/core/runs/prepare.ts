// Everything about a run that is known before the command starts: the candidate, the run id and folder, the
// command with its variables substituted and quoted, the metrics file, the timeout. Both the CLI (which then calls
// executeRun) and the editor (which runs `command` as a VS Code task) start here, and both end with finishRun.
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { ProjectPlan } from '../model';
import { resolveInside } from '../workspace/paths';
import { WorkspacePathError } from '../workspace/realPaths';
import { checkWorkspaceFile } from '../workspace/safeRead';
import { ensureFolder, removeFile, removeTree } from '../workspace/safeWrite';
import { resolveHistoryPath, HistoryPathError } from './history';
import { newRunId, type ParamValue, type RunSource } from './runRecord';
import { closest } from '../text/suggest';
import { substituteCommand, substitutePath, SubstitutionError, type Env } from './substitute';
import { parseTimeout, TimeoutFormatError } from './timeout';

export const RUNS_DIR = '.mlproject/runs';
export const DEFAULT_METRICS_FILE = '${runDir}/metrics.json';

/** A run cannot start: the message says what to fix. */
export class RunSetupError extends Error {}

export interface PrepareOptions {
  /** absolute path of the workspace root (the folder of `.mlproject.yaml`); the command runs there */
  root: string;
  /** default: `decision.chosen` */
  candidateId?: string;
  note?: string;
  /** the environment `${env:NAME}` reads */
  env: Env;
  now?: Date;
  source?: RunSource;
  /** `${seed}` and MLPROJECT_SEED (default 0) */
  seed?: number;
  /** the sweep the run belongs to, recorded as `sweepId` and given as MLPROJECT_SWEEP_ID */
  sweepId?: string;
}

export interface PreparedRun {
  runId: string;
  candidate: string;
  note?: string;
  /** the command to give `/bin/sh -c`, variables substituted and quoted */
  command: string;
  /** absolute path of the workspace root, the command's working directory */
  root: string;
  /** absolute path of `.mlproject/runs/<runId>` (created) */
  runDir: string;
  /** absolute path of the metrics file the command must write (any stale file there is removed) */
  metricsFile: string;
  /** absolute path of the run history */
  historyFile: string;
  timeoutMs: number;
  params?: Record<string, ParamValue>;
  /**
   * variables to add to the command's environment: MLPROJECT_RUN_ID, _RUN_DIR, _METRICS_FILE, _CANDIDATE,
   * _PARAMS (the candidate's `params` as JSON, so a script can use exactly the params recorded with the run),
   * _SEED and, in a sweep, _SWEEP_ID
   */
  env: Record<string, string>;
  source: RunSource;
  seed: number;
  sweepId?: string;
}

function candidateIds(plan: ProjectPlan): string[] {
  return (plan.candidates ?? []).map((c) => c?.id).filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** The candidate to run: the one asked for, else the decision's chosen one. Throws RunSetupError naming the choices. */
export function chooseCandidate(plan: ProjectPlan, candidateId?: string): string {
  const ids = candidateIds(plan);
  if (ids.length === 0) throw new RunSetupError('the plan has no candidates; add one under `candidates:` (e.g. `- { id: logreg, baseline: true }`)');
  const list = ids.join(', ');
  if (candidateId === undefined || candidateId === '') {
    const chosen = plan.decision?.chosen;
    if (typeof chosen === 'string' && ids.includes(chosen)) return chosen;
    throw new RunSetupError(`no candidate given and no \`decision.chosen\`; choose one of: ${list}`);
  }
  if (ids.includes(candidateId)) return candidateId;
  const guess = closest(candidateId, ids);
  throw new RunSetupError(`unknown candidate "${candidateId}"${guess ? `; did you mean "${guess}"?` : ''} Candidates: ${list}`);
}

async function makeRunDir(root: string, now: Date): Promise<{ runId: string; runDir: string }> {
  const parent = await ensureFolder(root, RUNS_DIR); // its real path, inside the workspace
  for (let attempt = 0; ; attempt++) {
    const runId = newRunId(now);
    const runDir = path.join(parent, runId);
    try {
      await fsp.mkdir(runDir); // exclusive: two runs never share a folder
      return { runId, runDir };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw e;
    }
  }
}

/** Validates the plan's evaluation settings, creates the run folder and substitutes the command. */
export async function prepareRun(plan: ProjectPlan, options: PrepareOptions): Promise<PreparedRun> {
  const root = path.resolve(options.root);
  if (!(await fsp.stat(root).then((s) => s.isDirectory(), () => false))) {
    throw new RunSetupError(`the workspace folder ${root} does not exist`);
  }
  const template = plan.evaluation?.command;
  if (typeof template !== 'string' || template.trim().length === 0) {
    throw new RunSetupError('the plan has no `evaluation.command`; add the command that evaluates a candidate, e.g. `python3 eval.py --model ${candidate} --out ${metricsFile}`');
  }
  const candidate = chooseCandidate(plan, options.candidateId);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RunSetupError(`the seed must be a whole number of at least 0, not ${seed}`);
  let timeoutMs: number;
  let historyFile: string;
  try {
    timeoutMs = parseTimeout(plan.evaluation?.timeout);
    historyFile = resolveHistoryPath(root, plan);
  } catch (e) {
    if (e instanceof TimeoutFormatError || e instanceof HistoryPathError) throw new RunSetupError(e.message);
    throw e;
  }
  const metricsTemplate = plan.evaluation?.metrics_file ?? DEFAULT_METRICS_FILE;
  // Check the templates before creating anything, with a placeholder run id.
  const check = (runId: string): { metricsRel: string } => {
    const metricsRel = substitutePath(metricsTemplate, { runDir: `${RUNS_DIR}/${runId}`, runId, candidate, seed: String(seed) });
    if (!resolveInside(root, metricsRel)) {
      throw new RunSetupError(`evaluation.metrics_file: "${metricsRel}" is outside the workspace; use a path inside it, e.g. \${runDir}/metrics.json`);
    }
    return { metricsRel };
  };
  try {
    check('00000000-000000-0000');
    substituteCommand(template, { candidate, runId: 'x', runDir: root, metricsFile: root, workspaceFolder: root, seed: String(seed) }, options.env);
  } catch (e) {
    if (e instanceof SubstitutionError) throw new RunSetupError(e.message);
    throw e;
  }
  let runId: string;
  let runDir: string | undefined;
  let metricsFile: string;
  try {
    // The history must be a regular file inside the workspace (by its real path) before the command runs.
    await checkWorkspaceFile(root, historyFile);
    ({ runId, runDir } = await makeRunDir(root, options.now ?? new Date()));
    metricsFile = resolveInside(root, check(runId).metricsRel) as string;
    await ensureFolder(root, path.dirname(metricsFile));
    // Never read a previous run's metrics as this run's. A stale symbolic link is removed itself, never its target.
    await removeFile(root, metricsFile);
  } catch (e) {
    // A run that cannot start keeps no folder (e.g. its metrics file's folder is a file).
    if (runDir !== undefined) await removeTree(root, runDir).catch(() => undefined);
    if (e instanceof WorkspacePathError) throw new RunSetupError(e.message);
    throw e;
  }
  const command = substituteCommand(template, { candidate, runId, runDir, metricsFile, workspaceFolder: root, seed: String(seed) }, options.env);
  const params = plan.candidates?.find((c) => c?.id === candidate)?.params;
  return {
    runId,
    candidate,
    ...(options.note ? { note: options.note } : {}),
    command,
    root,
    runDir,
    metricsFile,
    historyFile,
    timeoutMs,
    ...(params && Object.keys(params).length > 0 ? { params: { ...params } } : {}),
    env: {
      MLPROJECT_RUN_ID: runId,
      MLPROJECT_RUN_DIR: runDir,
      MLPROJECT_METRICS_FILE: metricsFile,
      MLPROJECT_CANDIDATE: candidate,
      MLPROJECT_PARAMS: JSON.stringify(params ?? {}),
      MLPROJECT_SEED: String(seed),
      ...(options.sweepId ? { MLPROJECT_SWEEP_ID: options.sweepId } : {}),
    },
    source: options.source ?? 'cli',
    seed,
    ...(options.sweepId ? { sweepId: options.sweepId } : {}),
  };
}

/**
 * Takes back the (still empty) folder of a prepared run that will never run, e.g. when a sweep's setup failed or the
 * command was not confirmed. By its real path: never through a link that leads out of the workspace.
 */
export async function discardPreparedRun(prepared: PreparedRun): Promise<void> {
  await removeTree(prepared.root, prepared.runDir);
}
