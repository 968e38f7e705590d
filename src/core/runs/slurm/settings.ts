// `evaluation.executor` and `evaluation.slurm`: which executor runs a plan's evaluations, and the checked sbatch
// resources of a Slurm run. Every value is kept as one string so that it becomes exactly one sbatch argument.
import type { ProjectPlan } from '../../model';
import { parseTimeout, TimeoutFormatError } from '../timeout';

export type ExecutorKind = 'local' | 'slurm';

/** The sbatch resources of each run's job, validated. */
export interface SlurmSettings {
  partition?: string;
  /** sbatch `--time` */
  time: string;
  cpus?: number;
  mem?: string;
  gres?: string;
  account?: string;
  /** extra sbatch options, one argv item each */
  sbatchArgs: string[];
}

/** The plan's Slurm settings are unusable: the message says what to fix. */
export class SlurmSettingsError extends Error {}

/** Options mlproject sets itself: a plan may not override where the log goes or what the job runs. */
const RESERVED = ['--output', '--error', '--wrap', '--array', '--parsable', '--job-name', '--chdir', '--wait', '-o', '-e', '-a', '-J', '-D', '-W'];

const TIME = /^\d+(-\d+)?(:\d+){0,2}$/;
const MEM = /^\d+[KMGT]?$/;

export function executorOf(plan: ProjectPlan): ExecutorKind {
  return plan.evaluation?.executor === 'slurm' ? 'slurm' : 'local';
}

function text(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0) throw new SlurmSettingsError(`evaluation.slurm.${field} must be a non-empty text`);
  if (/[\0\n\r]/.test(value)) throw new SlurmSettingsError(`evaluation.slurm.${field} must be one line`);
  return value.trim();
}

function reserved(arg: string): string | undefined {
  return RESERVED.find((r) => arg === r || arg.startsWith(`${r}=`) || (r.length === 2 && arg.startsWith(r)));
}

/** The time limit from `evaluation.slurm.time`, else `evaluation.timeout` rounded up to whole minutes. */
function timeLimit(plan: ProjectPlan): string {
  const t = plan.evaluation?.slurm?.time;
  if (typeof t === 'number') {
    if (!Number.isInteger(t) || t < 1) throw new SlurmSettingsError(`evaluation.slurm.time: ${t} must be a whole number of minutes, at least 1`);
    return String(t);
  }
  if (typeof t === 'string') {
    if (!TIME.test(t.trim())) throw new SlurmSettingsError(`evaluation.slurm.time: "${t}" is not a Slurm time; write minutes, MM:SS, HH:MM:SS, D-HH or D-HH:MM`);
    return t.trim();
  }
  try {
    return String(Math.max(1, Math.ceil(parseTimeout(plan.evaluation?.timeout) / 60_000)));
  } catch (e) {
    if (e instanceof TimeoutFormatError) throw new SlurmSettingsError(e.message);
    throw e;
  }
}

/** Reads and checks `evaluation.slurm`; throws SlurmSettingsError naming the field. */
export function slurmSettings(plan: ProjectPlan): SlurmSettings {
  const s = plan.evaluation?.slurm ?? {};
  const settings: SlurmSettings = { time: timeLimit(plan), sbatchArgs: [] };
  const partition = text('partition', s.partition);
  if (partition !== undefined) settings.partition = partition;
  const gres = text('gres', s.gres);
  if (gres !== undefined) settings.gres = gres;
  const account = text('account', s.account);
  if (account !== undefined) settings.account = account;
  const mem = text('mem', s.mem);
  if (mem !== undefined) {
    if (!MEM.test(mem)) throw new SlurmSettingsError(`evaluation.slurm.mem: "${mem}" is not a memory size; write e.g. 4G or 500M`);
    settings.mem = mem;
  }
  if (s.cpus !== undefined) {
    if (!Number.isInteger(s.cpus) || s.cpus < 1) throw new SlurmSettingsError(`evaluation.slurm.cpus: ${String(s.cpus)} must be a whole number, at least 1`);
    settings.cpus = s.cpus;
  }
  for (const arg of s.sbatch_args ?? []) {
    if (typeof arg !== 'string' || !arg.startsWith('-')) {
      throw new SlurmSettingsError(`evaluation.slurm.sbatch_args: ${JSON.stringify(arg)} is not an option; write each as one item starting with '-', e.g. "--qos=high"`);
    }
    if (/[\0\n\r]/.test(arg)) throw new SlurmSettingsError(`evaluation.slurm.sbatch_args: ${JSON.stringify(arg)} must be one line`);
    const r = reserved(arg);
    if (r) throw new SlurmSettingsError(`evaluation.slurm.sbatch_args: ${r} is set by mlproject (the run's log and batch script); remove it`);
    settings.sbatchArgs.push(arg);
  }
  return settings;
}
