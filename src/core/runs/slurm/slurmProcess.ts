// The Slurm command-line tools, run as child processes (argv arrays, never a shell): sbatch, squeue, scontrol and
// scancel. This is the only module of the Slurm executor that starts processes; the rest takes a SlurmClient, so
// tests and other engines can pass their own.
import { execFile } from 'child_process';
import { promises as fsp } from 'fs';
import { parseJobcomp, parseSbatchParsable, parseScontrolJobs, parseSqueue, SQUEUE_FORMAT, type JobInfo } from './parse';

export interface SlurmClient {
  /** `sbatch ARGV` (ARGV includes --parsable); the new job's id */
  submit(argv: string[]): Promise<{ jobId: string; cluster?: string }>;
  /** the jobs among `jobIds` that squeue still lists (queued or running), id -> state */
  queue(jobIds: readonly string[]): Promise<Map<string, string>>;
  /** the ids of the jobs squeue lists with this job name */
  queueByName(name: string): Promise<string[]>;
  /** `scontrol show job -o ID` for each id; ids Slurm no longer knows are left out */
  showJobs(jobIds: readonly string[]): Promise<JobInfo[]>;
  /** the finished jobs of the jobcomp/filetxt log, when the cluster keeps one */
  completedJobs(): Promise<Map<string, JobInfo> | undefined>;
  /** `scancel ID...` */
  cancel(jobIds: readonly string[]): Promise<void>;
}

/** A Slurm tool failed or could not be started. */
export class SlurmCommandError extends Error {
  constructor(message: string, readonly stderr = '') {
    super(message);
  }
}

export interface SlurmProcessOptions {
  /** the tools' environment (SLURM_CONF picks the cluster); default process.env */
  env?: NodeJS.ProcessEnv;
  /** a tool that takes longer is killed (default 30 s) */
  timeoutMs?: number;
}

interface Result { code: number; stdout: string; stderr: string }

const INVALID_JOB = /invalid job id/i;

export function createSlurmClient(options: SlurmProcessOptions = {}): SlurmClient {
  const env = options.env ?? process.env;
  const timeout = options.timeoutMs ?? 30_000;
  const run = (program: string, args: readonly string[]): Promise<Result> =>
    new Promise((resolve, reject) => {
      execFile(program, args, { env, timeout, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(new SlurmCommandError(missing ? `${program} is not installed (or not on PATH): is this a Slurm login node?` : `${program}: ${err.message}`));
          return;
        }
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
        if (err && (err as { killed?: boolean }).killed) {
          reject(new SlurmCommandError(`${program} did not answer within ${timeout / 1000}s`, stderr));
          return;
        }
        resolve({ code, stdout, stderr });
      });
    });
  const failure = (program: string, r: Result): SlurmCommandError =>
    new SlurmCommandError(`${program} failed (exit ${r.code}): ${r.stderr.trim().split('\n').pop() ?? ''}`, r.stderr);

  let jobcompLoc: Promise<string | undefined> | undefined;
  const findJobcomp = async (): Promise<string | undefined> => {
    const r = await run('scontrol', ['show', 'config']);
    if (r.code !== 0) return undefined;
    let type = '';
    let loc = '';
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*(JobCompType|JobCompLoc)\s*=\s*(.*)$/.exec(line);
      if (m?.[1] === 'JobCompType') type = m[2].trim();
      if (m?.[1] === 'JobCompLoc') loc = m[2].trim();
    }
    return type === 'jobcomp/filetxt' && loc.startsWith('/') ? loc : undefined;
  };

  return {
    async submit(argv) {
      const r = await run('sbatch', argv);
      if (r.code !== 0) throw failure('sbatch', r);
      return parseSbatchParsable(r.stdout);
    },
    async queue(jobIds) {
      if (jobIds.length === 0) return new Map();
      const r = await run('squeue', ['-h', '-o', SQUEUE_FORMAT, '-j', jobIds.join(',')]);
      // squeue exits 1 with "Invalid job id specified" when it knows none of the ids: none is queued
      if (r.code !== 0 && INVALID_JOB.test(r.stderr)) return new Map();
      if (r.code !== 0) throw failure('squeue', r);
      return parseSqueue(r.stdout);
    },
    async queueByName(name) {
      const r = await run('squeue', ['-h', '-o', SQUEUE_FORMAT, '-n', name]);
      if (r.code !== 0) throw failure('squeue', r);
      return [...parseSqueue(r.stdout).keys()];
    },
    async showJobs(jobIds) {
      const out: JobInfo[] = [];
      for (const id of jobIds) {
        const r = await run('scontrol', ['show', 'job', '-o', id]);
        if (r.code !== 0 && INVALID_JOB.test(r.stderr)) continue; // purged (older than MinJobAge)
        if (r.code !== 0) throw failure('scontrol', r);
        out.push(...parseScontrolJobs(r.stdout).filter((j) => j.jobId === id));
      }
      return out;
    },
    async completedJobs() {
      jobcompLoc ??= findJobcomp().catch(() => undefined);
      const loc = await jobcompLoc;
      if (!loc) return undefined;
      const text = await fsp.readFile(loc, 'utf8').catch(() => undefined);
      return text === undefined ? undefined : parseJobcomp(text);
    },
    async cancel(jobIds) {
      if (jobIds.length === 0) return;
      const r = await run('scancel', [...jobIds]);
      if (r.code !== 0 && !INVALID_JOB.test(r.stderr)) throw failure('scancel', r);
    },
  };
}
