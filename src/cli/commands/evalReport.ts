// The end of `mlproject eval`, once the invocation's runs have ended, the same for a local sweep and for runs
// waited for on Slurm: each run against the baseline and the criteria (as JSON with its candidate's statistics,
// else the statistics lines of each candidate that succeeded), the summary of a sweep, then the exit code: 1 when a
// run did not succeed or was not recorded, else the --require-targets gate.
import type { ProjectPlan } from '../../core/model';
import type { RunComparison } from '../../core/runs/compare';
import type { RunRecord } from '../../core/runs/runRecord';
import { summariseSweep } from '../../core/runs/sweepSummary';
import { EXIT_FAILED, EXIT_OK, type CliIO } from '../io';
import type { EvalArgs } from './evalArgs';
import { comparisonJson, resultLine } from './runsFormat';
import { statsJson, statsLines } from './runsStats';
import { sweepSummaryText } from './sweepFormat';
import { requireTargets, statsByCandidate } from './targetsGate';

/** What `mlproject eval` asked for that the report reads: --json, --require-targets and --sample. */
export type EvalReportArgs = Pick<EvalArgs, 'json' | 'requireTargets' | 'scope'>;

export interface EvalOutcome {
  /** every recorded run of the invocation compared with the baseline, in sweep order */
  comparisons: readonly RunComparison[];
  /** the history once the runs are in it: the sample of the statistics */
  history: readonly RunRecord[];
  /** the invocation asked for a sweep (--all, --repeat, several candidates): the JSON is an array even of one run */
  sweep: boolean;
  /** a sweep of several runs that has ended, summarised at the end; absent: no summary */
  ended?: { sweepId?: string; cancelled: boolean };
  /** how many runs ended but could not be recorded */
  unrecorded: number;
  /** print each run's result line here; false where they were printed as each run finished */
  resultLines: boolean;
  /** printed on stderr after the summary, before the gate (a warning about the history) */
  warning?: string;
  /** the one JSON document's shape around the runs' entries, where it is not the runs alone (Slurm without --wait) */
  jsonDocument?: (runs: unknown[]) => unknown;
}

/** Prints the report of an ended invocation and returns its exit code. */
export function reportEval(io: CliIO, plan: ProjectPlan, args: EvalReportArgs, outcome: EvalOutcome): number {
  const { comparisons } = outcome;
  const records = comparisons.map((c) => c.run);
  // Statistics per candidate of this invocation, over its sample (by default its latest sweep: this one).
  const statsOf = statsByCandidate(outcome.history, plan, args.scope);
  const candidates = [...new Set(records.map((r) => r.candidate))];
  if (args.json) {
    const json = comparisons.map((c) => {
      const st = statsOf.get(c.run.candidate);
      return { ...comparisonJson(c), statistics: st ? statsJson(st) : null };
    });
    const document = outcome.jsonDocument ? outcome.jsonDocument(json) : outcome.sweep ? json : json[0];
    io.stdout(JSON.stringify(document, null, 2) + '\n');
  } else {
    if (outcome.resultLines) for (const c of comparisons) io.stdout(resultLine(c) + '\n');
    for (const c of candidates) {
      const st = statsOf.get(c);
      if (st && records.some((r) => r.candidate === c && r.status === 'ok')) io.stdout(statsLines(st, args.scope) + '\n');
    }
  }
  if (outcome.ended) {
    const text = sweepSummaryText(summariseSweep(records, plan), outcome.ended.sweepId, outcome.ended.cancelled) + '\n';
    if (args.json) io.stderr(text);
    else io.stdout(text);
  }
  if (outcome.warning) io.stderr(outcome.warning);

  if (outcome.unrecorded > 0 || records.some((r) => r.status !== 'ok')) return EXIT_FAILED;
  if (args.requireTargets) return requireTargets(io, plan, candidates, statsOf, args.requireTargets);
  return EXIT_OK;
}
