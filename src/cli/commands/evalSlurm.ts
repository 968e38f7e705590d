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
import { reportEval, type EvalOutcome, type EvalReportArgs } from './evalReport';
import { pendingSummary } from './runsSync';

/** What `mlproject eval` asked for that the Slurm path needs: --wait, what the report reads, and whether it is a sweep. */
export type SlurmEvalArgs = Pick<EvalArgs, 'wait'> & EvalReportArgs & { sweep: boolean };

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

/** `records` in the order of their runs' ids in `runIds` (the sweep's order); a record of another run goes last. */
export function inSweepOrder(records: readonly RunRecord[], runIds: readonly string[]): RunRecord[] {
  const place = new Map(runIds.map((id, i) => [id, i]));
  const at = (r: RunRecord): number => place.get(r.id) ?? runIds.length;
  return [...records].sort((a, b) => at(a) - at(b));
}

/**
 * Reports the ended runs of `prepared` (records in any order) as a local sweep is reported: in sweep order, with the
 * candidates' statistics and, for a sweep that has ended, its summary. Every run reported is in the history by now
 * (a refused submission is recorded at once).
 */
async function report(root: string, prepared: readonly PreparedRun[], records: readonly RunRecord[], ended: EvalOutcome['ended'], plan: ProjectPlan, args: SlurmEvalArgs, io: CliIO, jsonDocument?: EvalOutcome['jsonDocument']): Promise<number> {
  const inOrder = inSweepOrder(records, prepared.map((p) => p.runId)); // the refused ones came first
  const historyFile = prepared[0]?.historyFile; // one plan, one history
  const history = historyFile && inOrder.length > 0 ? await readHistory(historyFile, root) : { runs: [], corrupt: [] };
  return reportEval(io, plan, args, {
    comparisons: inOrder.map((r) => compareRun(r, history.runs, plan)),
    history: history.runs,
    sweep: args.sweep,
    ended,
    unrecorded: 0, // a run that ended is recorded before waitForRuns returns it
    resultLines: true,
    ...(jsonDocument ? { jsonDocument } : {}),
  });
}

/** Submits `prepared` runs to Slurm; with --wait, waits for them and reports them. Returns the exit code. */
export async function evalOnSlurm(root: string, plan: ProjectPlan, prepared: readonly PreparedRun[], settings: SlurmSettings, args: SlurmEvalArgs, io: CliIO): Promise<number> {
  const slurm = createSlurmClient({ env: io.env });
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
    if (pending.length > 0) io.stderr('the runs are recorded when their jobs end: run `mlproject runs --sync` (or eval --wait)\n');
    // One JSON document: the queued runs, and the refused ones as the report shows a run (with its statistics).
    const jsonDocument = (runs: unknown[]): unknown => ({ pending: pending.map(pendingSummary), refused: runs });
    if (refused.length === 0) {
      if (args.json) io.stdout(JSON.stringify(jsonDocument([]), null, 2) + '\n');
      return EXIT_OK;
    }
    // The sweep goes on in its jobs: no summary yet.
    return report(root, prepared, refused, undefined, plan, args, io, jsonDocument);
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
  // The prepared runs of one invocation share the sweep id (sweepPrepare.ts), as a local sweep's runs do.
  const ended = prepared.length > 1 ? { sweepId: prepared[0].sweepId, cancelled: abort.signal.aborted } : undefined;
  return report(root, prepared, [...refused, ...records], ended, plan, args, io);
}
