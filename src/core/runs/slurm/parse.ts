// Parsing what the Slurm tools print: `sbatch --parsable`, `squeue -h -o '%i|%T'`, `scontrol show job -o` lines
// and the `jobcomp/filetxt` file (one `Key=Value ...` line per finished job).

/** `sbatch --parsable` prints `ID` or `ID;cluster`. */
export function parseSbatchParsable(stdout: string): { jobId: string; cluster?: string } {
  const line = stdout.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).pop() ?? '';
  const [jobId, cluster] = line.split(';');
  if (!/^\d+(_\d+)?$/.test(jobId ?? '')) throw new Error(`sbatch printed no job id: ${JSON.stringify(stdout.slice(0, 200))}`);
  return cluster ? { jobId, cluster } : { jobId };
}

export const SQUEUE_FORMAT = '%i|%T';

/** Lines of `squeue -h -o '%i|%T'`: job id -> state (PENDING, RUNNING, COMPLETING, ...). */
export function parseSqueue(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const bar = line.indexOf('|');
    if (bar <= 0) continue;
    out.set(line.slice(0, bar).trim(), line.slice(bar + 1).trim().toUpperCase());
  }
  return out;
}

const KEY = /^[A-Za-z][A-Za-z0-9_:/.]*=/;

/**
 * One `Key=Value Key=Value` line. A value may hold spaces (`JobName=a b`): a word that does not start with
 * `Key=` continues the previous value.
 */
export function parseKeyValueLine(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | undefined;
  for (const word of line.trim().split(' ')) {
    if (word === '' && last === undefined) continue;
    if (KEY.test(word)) {
      const eq = word.indexOf('=');
      last = word.slice(0, eq);
      out[last] = word.slice(eq + 1);
    } else if (last !== undefined) {
      out[last] += ` ${word}`;
    }
  }
  for (const k of Object.keys(out)) out[k] = out[k].trimEnd();
  return out;
}

/** What mlproject needs of a job that Slurm still knows or has logged. */
export interface JobInfo {
  jobId: string;
  /** e.g. COMPLETED, FAILED, CANCELLED, TIMEOUT, RUNNING (`CANCELLED by 0` is read as CANCELLED) */
  state: string;
  /** `code:signal` */
  exitCode?: { code: number; signal: number };
  reason?: string;
  /** as Slurm prints them: local time, no zone; `Unknown` or absent when not (yet) known */
  startTime?: string;
  endTime?: string;
  name?: string;
}

function parseExit(v: string | undefined): JobInfo['exitCode'] {
  const m = /^(\d+):(\d+)$/.exec(v ?? '');
  return m ? { code: Number(m[1]), signal: Number(m[2]) } : undefined;
}

function jobInfoOf(fields: Record<string, string>): JobInfo | undefined {
  const jobId = fields.JobId;
  const state = fields.JobState?.split(' ')[0]?.toUpperCase();
  if (!jobId || !state) return undefined;
  const info: JobInfo = { jobId, state };
  const exit = parseExit(fields.ExitCode);
  if (exit) info.exitCode = exit;
  if (fields.Reason && fields.Reason !== 'None') info.reason = fields.Reason;
  if (fields.StartTime) info.startTime = fields.StartTime;
  if (fields.EndTime) info.endTime = fields.EndTime;
  const name = fields.JobName ?? fields.Name;
  if (name) info.name = name;
  return info;
}

/** `scontrol show job -o [ID]`: one line per job. */
export function parseScontrolJobs(stdout: string): JobInfo[] {
  return stdout.split('\n').filter((l) => l.trim().startsWith('JobId=')).map((l) => jobInfoOf(parseKeyValueLine(l))).filter((j): j is JobInfo => !!j);
}

/** The `jobcomp/filetxt` log: one line per finished job; a later line for the same id (a requeued job) wins. */
export function parseJobcomp(text: string): Map<string, JobInfo> {
  const out = new Map<string, JobInfo>();
  for (const info of parseScontrolJobs(text)) out.set(info.jobId, info);
  return out;
}

/** A time as Slurm prints it (`2026-01-31T12:00:05`, the controller's local time); undefined for `Unknown`. */
export function parseSlurmTime(v: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(v ?? '');
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(d.getTime()) ? undefined : d;
}
