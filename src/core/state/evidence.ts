// Evidence: what in the workspace shows a step is really done, so the checklist is not only honour-system ticks.
import type { Candidate, ProjectPlan, StepEntry } from '../model';
import type { WorkspaceFacts } from './facts';
import { isSuccessful, type RunRecord } from '../runs/runRecord';
import { baselineIds } from '../runs/compare';

export interface Evidence {
  /** true when the workspace shows the step is done */
  seen: boolean;
  /** one line for a tooltip: what was (or was not) found */
  detail: string;
  /** workspace-relative file that holds the evidence, when there is one to open */
  file?: string;
}

type EvidenceFn = (plan: ProjectPlan, facts: WorkspaceFacts) => Evidence;

const nonEmpty = (s: string | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

export function candidatesOf(plan: ProjectPlan): Candidate[] {
  return (plan.candidates ?? []).filter((c): c is Candidate => !!c && typeof c === 'object');
}

export function successfulRuns(facts: WorkspaceFacts, candidate?: string): RunRecord[] {
  return facts.runs.filter((r) => isSuccessful(r) && (candidate === undefined || r.candidate === candidate));
}

export function chosenCandidate(plan: ProjectPlan): Candidate | undefined {
  const chosen = plan.decision?.chosen;
  return chosen ? candidatesOf(plan).find((c) => c.id === chosen) : undefined;
}

function fileExists(facts: WorkspaceFacts, path: string | undefined): boolean {
  return !!path && facts.paths.get(path) === 'file';
}

function briefSectionFilled(facts: WorkspaceFacts, id: string): boolean | undefined {
  const section = facts.brief?.exists ? facts.brief.sections.find((s) => s.id === id) : undefined;
  return section ? section.filled : undefined;
}

const builtIn: Record<string, EvidenceFn> = {
  'business-understanding': (plan, facts) => {
    const problem = nonEmpty(plan.goal?.problem);
    const criteria = (plan.goal?.success_criteria ?? []).length > 0;
    const brief = briefSectionFilled(facts, 'problem');
    const seen = problem && criteria && brief !== false;
    const missing = [!problem && '`goal.problem`', !criteria && '`goal.success_criteria`', brief === false && 'the brief\'s Problem section'].filter(Boolean);
    return { seen, detail: seen ? 'problem and success criteria written' : `missing ${missing.join(', ')}` };
  },
  'data-understanding': (plan, facts) => {
    const data = !!plan.data && (nonEmpty(plan.data.description) || (plan.data.sources ?? []).length > 0);
    const brief = briefSectionFilled(facts, 'data');
    const seen = data && brief !== false;
    return { seen, detail: seen ? 'data described' : !data ? 'no `data` block with a description or sources' : 'the brief\'s Data section is empty' };
  },
  'project-brief': (plan, facts) => {
    const b = facts.brief;
    if (!plan.project?.brief || !b) return { seen: false, detail: 'no brief: set `project.brief` and create it' };
    if (!b.exists) return { seen: false, detail: `${b.path} does not exist`, file: undefined };
    const seen = b.requiredCount > 0 && b.filledCount === b.requiredCount;
    return { seen, detail: `brief ${b.filledCount}/${b.requiredCount} sections`, file: b.path };
  },
  'data-preparation': (plan, facts) => {
    const ds = plan.evaluation?.dataset;
    if (!ds) return { seen: false, detail: 'no `evaluation.dataset`' };
    if (facts.paths.get(ds) === 'outside') return { seen: false, detail: `${ds} is outside the workspace` };
    const seen = fileExists(facts, ds) || facts.paths.get(ds) === 'directory';
    return { seen, detail: seen ? `${ds} exists` : `${ds} not found`, file: seen && fileExists(facts, ds) ? ds : undefined };
  },
  baseline: (plan, facts) => {
    const ids = baselineIds(plan);
    if (ids.size === 0) return { seen: false, detail: 'no candidate with `baseline: true`' };
    // the detail counts them: every successful run of a baseline, not only whether there is one
    const runs = successfulRuns(facts).filter((r) => ids.has(r.candidate));
    return { seen: runs.length > 0, detail: runs.length ? `${runs.length} baseline run(s) recorded` : 'no recorded run of the baseline' };
  },
  'literature-review': (plan) => {
    const n = (plan.literature ?? []).filter((l) => l && nonEmpty(l.takeaway)).length;
    return { seen: n > 0, detail: n ? `${n} literature entr${n === 1 ? 'y' : 'ies'} with a takeaway` : 'no literature entry with a takeaway' };
  },
  brainstorming: (plan) => {
    const ranked = candidatesOf(plan).filter((c) => !c.baseline && c.expected_gain && c.cost).length;
    return { seen: ranked >= 2, detail: `${ranked} non-baseline candidate(s) with expected gain and cost` };
  },
  'model-decision': (plan) => {
    const chosen = chosenCandidate(plan);
    const seen = !!chosen && nonEmpty(plan.decision?.rationale);
    return {
      seen,
      detail: seen ? `chose ${chosen!.id}` : !plan.decision?.chosen ? 'no `decision.chosen`' : !chosen ? `\`${plan.decision.chosen}\` is not a candidate` : 'no rationale',
      file: plan.decision?.record,
    };
  },
  prototyping: (plan, facts) => {
    const chosen = plan.decision?.chosen;
    if (!chosen) return { seen: false, detail: 'no chosen candidate yet' };
    const n = successfulRuns(facts, chosen).length;
    return { seen: n > 0, detail: n ? `${n} run(s) of ${chosen}` : `no recorded run of ${chosen}` };
  },
  tuning: (plan, facts) => {
    const chosen = plan.decision?.chosen;
    if (!chosen) return { seen: false, detail: 'no chosen candidate yet' };
    const variants = new Set(successfulRuns(facts, chosen).map((r) => JSON.stringify(r.params ?? {})));
    return { seen: variants.size >= 2, detail: `${variants.size} parameter setting(s) tried for ${chosen}` };
  },
  evaluation: (plan, facts) => {
    const chosen = plan.decision?.chosen;
    const criteria = plan.goal?.success_criteria ?? [];
    if (!chosen) return { seen: false, detail: 'no chosen candidate yet' };
    const runs = successfulRuns(facts, chosen);
    const latest = runs[runs.length - 1];
    if (!latest) return { seen: false, detail: `no recorded run of ${chosen}` };
    const measured = criteria.filter((c) => c.metric && typeof latest.metrics[c.metric] === 'number').length;
    const seen = criteria.length > 0 && measured === criteria.length;
    return { seen, detail: `latest run of ${chosen} measures ${measured}/${criteria.length} success criteria` };
  },
  'reality-check': (plan) => {
    const done = (plan.reality_checks ?? []).filter((r) => r && nonEmpty(r.outcome)).length;
    return { seen: done > 0, detail: done ? `${done} reality check(s) with an outcome` : 'no reality check with an outcome' };
  },
};

/** Evidence for a built-in step, or for a custom step with an `evidence` file; undefined for manual steps. */
export function evidenceFor(stepId: string, entry: StepEntry | undefined, plan: ProjectPlan, facts: WorkspaceFacts): Evidence | undefined {
  if (entry?.evidence) {
    const seen = facts.paths.get(entry.evidence) === 'file' || facts.paths.get(entry.evidence) === 'directory';
    return { seen, detail: seen ? `${entry.evidence} exists` : `${entry.evidence} not found`, file: seen ? entry.evidence : undefined };
  }
  const fn = builtIn[stepId];
  return fn ? fn(plan, facts) : undefined;
}
