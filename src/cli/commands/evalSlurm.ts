// `mlproject eval` with `evaluation.executor: slurm`: submits the prepared runs as Slurm jobs (one each) and either
// returns at once (the runs stay pending; `mlproject runs --sync` records them) or, with --wait, streams their
// logs and reports them as a local run is reported. Ctrl+C during --wait cancels the jobs with scancel and waits
// for Slurm to end them, so they are recorded as cancelled; a second Ctrl+C stops waiting (the runs stay pending).
import { compareRun } from '../../core/runs/compare';
import { readHistory } from '../../core/runs/history';
import type { PreparedRun } from '../../core/runs/prepare';
import type { RunRecord } from '../../core/runs/runRecord';
import { executorOf, slurmSettings, SlurmSettingsError, type SlurmSettings } from '../../core/runs/slurm/settings';
import { createSlurmClient, SlurmCommandError } from '../../core/runs/slurm/slurmProcess';
import { submitSlurmRuns } from '../../core/runs/slurm/submit';
import { waitForRuns } from '../../core/runs/slurm/wait';
import type { ProjectPlan } from '../../core/model';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIO } from '../io';
import type { EvalArgs } from './evalArgs';
import { comparisonJson, resultLine } from './runsFormat';
import { pendingSummary } from './runsSync';
import { requireTargets, statsByCandidate } from './targetsGate';

/** What `mlproject eval` asked for that the Slurm path needs: --wait, --json, --require-targets and --sample. */
export type SlurmEvalArgs = Pick<EvalArgs, 'wait' | 'json' | 'requireTargets' | 'scope'>;

/** The plan's Slurm settings when it runs on Slurm, checked before any run folder is made; else undefined. */
export function slurmSettingsFor(plan: ProjectPlan): SlurmSettings | undefined {
  if (executorOf(plan) !== 'slurm') return undefined;
  try {
    return slurmSettings(plan);
  } catch (e) {
    if (e instanceof SlurmSettingsError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Prints each ended run against the baseline and the criteria; exit 1 when one did not succeed, else, with
 * --require-targets, the gate of a local sweep over the candidates' statistics (the sample of --sample).
 */
async function report(root: string, records: readonly RunRecord[], historyFile: string | undefined, plan: ProjectPlan, args: SlurmEvalArgs, io: CliIO): Promise<number> {
  const json: unknown[] = [];
  // Every run reported is in the history by now (a refused submission is recorded at once).
  const history = historyFile && records.length > 0 ? await readHistory(historyFile, root) : { runs: [], corrupt: [] };
  for (const record of records) {
    const cmp = compareRun(record, history.runs, plan);
    if (args.json) json.push(comparisonJson(cmp));
    else io.stdout(resultLine(cmp) + '\n');
  }
  if (args.json) io.stdout(JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + '\n');
  if (records.some((r) => r.status !== 'ok')) return EXIT_FAILED;
  if (!args.requireTargets) return EXIT_OK;
  return requireTargets(io, plan, [...new Set(records.map((r) => r.candidate))], statsByCandidate(history.runs, plan, args.scope), args.requireTargets);
}

/** Submits `prepared` runs to Slurm; with --wait, waits for them and reports them. Returns the exit code. */
export async function evalOnSlurm(root: string, plan: ProjectPlan, prepared: readonly PreparedRun[], settings: SlurmSettings, args: SlurmEvalArgs, io: CliIO): Promise<number> {
  const slurm = createSlurmClient({ env: io.env });
  const historyFile = prepared[0]?.historyFile; // one plan, one history
  let results;
  try {
    results = await submitSlurmRuns(prepared, settings, slurm);
  } catch (e) {
    if (e instanceof SlurmCommandError) throw new UsageError(e.message);
    throw e;
  }
  const refused = results.flatMap((r) => (r.record ? [r.record] : []));
  const pending = results.flatMap((r) => (r.pending ? [r.pending] : []));
  for (const p of pending) io.stderr(`queued: run ${p.prepared.runId} (${p.prepared.candidate}) as Slurm job ${p.jobId}\n`);
  if (!args.wait) {
    if (args.json) io.stdout(JSON.stringify({ pending: pending.map(pendingSummary), refused }, null, 2) + '\n');
    if (pending.length > 0) io.stderr('the runs are recorded when their jobs end: run `mlproject runs --sync` (or eval --wait)\n');
    return refused.length > 0 ? report(root, refused, historyFile, plan, args, io) : EXIT_OK;
  }

  const abort = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts === 1) {
      io.stderr('cancelling: scancel, then waiting for Slurm to end the jobs (Ctrl+C again to stop waiting)\n');
      abort.abort();
    } else {
      io.stderr('stopped waiting; the runs stay pending: `mlproject runs --sync` records them\n');
      process.exit(EXIT_FAILED);
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  let records: RunRecord[];
  try {
    records = await waitForRuns(root, pending, slurm, {
      signal: abort.signal,
      onLog: (_id, text) => (args.json ? io.stderr(text) : io.stdout(text)),
      onState: (p) => io.stderr(`${p.state}: run ${p.prepared.runId} (Slurm job ${p.jobId})\n`),
      onProblem: (m) => io.stderr(`warning: ${m}\n`),
    });
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  return report(root, [...refused, ...records], historyFile, plan, args, io);
}
