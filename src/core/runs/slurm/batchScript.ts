// The batch script of a Slurm run and the sbatch argv that submits it. The script is `set -eu`, then `cd` to the
// workspace, the run's MLPROJECT_* variables, and `exec /bin/sh -c <command>`: the job runs the command exactly as
// a local run does, and the command's exit status is the job's. Every value is one single-quoted shell word, and
// sbatch is given an argv array (never a shell), each option's value as an item of its own.
import * as path from 'path';
import type { PreparedRun } from '../prepare';
import { shellQuote } from '../substitute';
import type { SlurmSettings } from './settings';

export const BATCH_SCRIPT_NAME = 'batch.sh';
export const LOG_FILE_NAME = 'log.txt';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The job name of a run: its id, so that a job can be found by name if its id was never stored. */
export function jobName(runId: string): string {
  return `mlp-${runId}`;
}

export function batchScript(prepared: PreparedRun): string {
  const lines = ['#!/bin/sh', `# mlproject run ${prepared.runId}, written by mlproject and submitted with sbatch`, 'set -eu', `cd ${shellQuote(prepared.root)}`];
  for (const [name, value] of Object.entries(prepared.env)) {
    if (!ENV_NAME.test(name)) throw new Error(`not an environment variable name: ${JSON.stringify(name)}`);
    lines.push(`export ${name}=${shellQuote(value)}`);
  }
  lines.push(`exec /bin/sh -c ${shellQuote(prepared.command)}`);
  return lines.join('\n') + '\n';
}

/** Slurm expands `%j`, `%u`, ... in --output paths; `%%` is a literal `%`. */
export function slurmFilePattern(file: string): string {
  return file.replace(/%/g, '%%');
}

/** The arguments of `sbatch` (without the program name) that submit a run's batch script. */
export function sbatchArgv(prepared: PreparedRun, settings: SlurmSettings): string[] {
  const log = slurmFilePattern(path.join(prepared.runDir, LOG_FILE_NAME));
  const argv = ['--parsable', '--job-name', jobName(prepared.runId), '--output', log, '--error', log, '--chdir', prepared.root, '--time', settings.time];
  if (settings.partition !== undefined) argv.push('--partition', settings.partition);
  if (settings.cpus !== undefined) argv.push('--cpus-per-task', String(settings.cpus));
  if (settings.mem !== undefined) argv.push('--mem', settings.mem);
  if (settings.gres !== undefined) argv.push('--gres', settings.gres);
  if (settings.account !== undefined) argv.push('--account', settings.account);
  argv.push(...settings.sbatchArgs, path.join(prepared.runDir, BATCH_SCRIPT_NAME));
  return argv;
}
