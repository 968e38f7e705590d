// `mlproject eval --require-targets[=confident]`: the one gate of a local sweep and of runs waited for on Slurm.
// Each candidate of the invocation passes when its statistics (candidateStats.ts, over the chosen sample) meet every
// success criterion: on the mean (`mean`), or with the whole 95% interval (`confident`, never with one run).
import type { ProjectPlan } from '../../core/model';
import { summarizeCandidates, targetsMet, type CandidateStats, type RunScope } from '../../core/runs/candidateStats';
import type { RunRecord } from '../../core/runs/runRecord';
import { EXIT_FAILED, EXIT_OK, type CliIO } from '../io';

export type TargetsGate = 'mean' | 'confident';

/** Each candidate's statistics over `history`, by id: what the gate (and the statistics lines) read. */
export function statsByCandidate(history: readonly RunRecord[], plan: ProjectPlan, scope: RunScope): Map<string, CandidateStats> {
  return new Map(summarizeCandidates(history, plan, { scope }).map((s) => [s.candidate, s]));
}

/**
 * Why the gate fails for `candidates` (the runs' candidates, in order), or undefined when it passes. A plan without
 * success criteria fails it: there is nothing to meet.
 */
export function targetsGateFailure(plan: ProjectPlan, candidates: readonly string[], statsOf: ReadonlyMap<string, CandidateStats>, gate: TargetsGate): string | undefined {
  if ((plan.goal?.success_criteria ?? []).length === 0) return '--require-targets, but the plan has no goal.success_criteria';
  const failing = candidates.filter((c) => !(statsOf.has(c) && targetsMet(statsOf.get(c)!, gate)));
  if (failing.length === 0) return undefined;
  const confident = gate === 'confident';
  const missedOf = (c: string): string[] => (statsOf.get(c)?.targets ?? [])
    .filter((t) => t.status !== 'met-confident' && (confident || t.status !== 'met-on-mean')).map((t) => t.metric);
  const why = (st: CandidateStats | undefined): string => (confident && st?.n === 1 ? ' (n=1: one run has no interval; repeat the run)' : '');
  const how = confident ? ' with confidence' : '';
  if (candidates.length === 1) return `success criteria not met${how}: ${missedOf(failing[0]).join(', ')}${why(statsOf.get(failing[0]))}`;
  const which = failing.map((c) => `${c} (${missedOf(c).join(', ')})`);
  return `success criteria not met${how} by ${failing.length} of ${candidates.length} candidates: ${which.join(', ')}`;
}

/** The gate's exit code; a failure is reported on stderr. */
export function requireTargets(io: CliIO, plan: ProjectPlan, candidates: readonly string[], statsOf: ReadonlyMap<string, CandidateStats>, gate: TargetsGate): number {
  const failure = targetsGateFailure(plan, candidates, statsOf, gate);
  if (failure === undefined) return EXIT_OK;
  io.stderr(`error: ${failure}\n`);
  return EXIT_FAILED;
}
