// Small helpers shared by the rules.
import type { Candidate, ProjectPlan } from '../model';
import type { RuleContext } from './rule';
import type { YamlPath } from '../yamlPath';
import { indexed } from '../state/indexed';

export const nonEmpty = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;

export function nonBaselineCandidates(plan: ProjectPlan): [Candidate, number][] {
  return indexed(plan.candidates).filter(([c]) => c.baseline !== true);
}

/** The first of the given paths that exists in the file, else the last (the range falls back to an ancestor). */
export function firstExisting(ctx: RuleContext, ...paths: YamlPath[]): YamlPath {
  return paths.find((p) => ctx.parsed.source.has(p)) ?? paths[paths.length - 1];
}

export function stepStarted(ctx: RuleContext, stepId: string): boolean {
  for (const p of ctx.state.phases) {
    const s = p.steps.find((x) => x.id === stepId);
    if (s) return s.status === 'in-progress' || s.status === 'done';
  }
  return false;
}
