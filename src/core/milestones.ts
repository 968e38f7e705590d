// The getting-started milestones the walkthrough ticks, read from the real state of a project rather than from which
// commands were run: the brief file exists, the plan lists two or more candidates, a run of a baseline candidate
// succeeded. A project that is already past them (written by hand, or by the CLI) shows them done.
import type { ProjectPlan } from './model';
import type { WorkspaceFacts } from './state/facts';
import { candidatesOf } from './state/evidence';
import { baselineHasSuccessfulRun } from './runs/compare';

export interface Milestones {
  /** the file `project.brief` names exists */
  brief: boolean;
  /** two or more candidates to compare */
  candidates: boolean;
  /** a successful run of a candidate marked `baseline: true` is in the history */
  baselineRun: boolean;
}

export function milestones(plan: ProjectPlan, facts: WorkspaceFacts): Milestones {
  return {
    brief: !!plan.project?.brief && facts.brief?.exists === true,
    candidates: candidatesOf(plan).length >= 2,
    baselineRun: baselineHasSuccessfulRun(plan, facts.runs),
  };
}

/** Milestones over several projects (a multi-root workspace): reached when any project reached it. */
export function anyMilestones(all: readonly Milestones[]): Milestones {
  return {
    brief: all.some((m) => m.brief),
    candidates: all.some((m) => m.candidates),
    baselineRun: all.some((m) => m.baselineRun),
  };
}
