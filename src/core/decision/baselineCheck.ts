// Before a model decision: the process fits a baseline first, so that the decision compares the candidates with a
// number. Says what is missing, or nothing when a baseline has a successful run.
import type { ProjectPlan } from '../model';
import type { RunRecord } from '../runs/runRecord';
import { baselineHasSuccessfulRun, baselineIds } from '../runs/compare';

export interface BaselineGap {
  /** the baseline candidates (none when no candidate is marked `baseline: true`) */
  baselines: string[];
  /** one sentence for the warning */
  message: string;
}

export function baselineGap(plan: ProjectPlan, runs: readonly RunRecord[]): BaselineGap | undefined {
  if (baselineHasSuccessfulRun(plan, runs)) return undefined;
  const baselines = [...baselineIds(plan)];
  const message = baselines.length === 0
    ? 'No candidate is marked as the baseline (`baseline: true`), so there is no number the decision can compare the candidates with.'
    : `The baseline ${baselines.join(', ')} has no successful evaluation run yet, so there is no number the decision can compare the candidates with. The process fits a baseline first.`;
  return { baselines, message };
}
