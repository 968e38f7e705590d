// The derived state of a project: each step's declared status and evidence, progress per phase, the current phase.
import { PHASES, type PhaseId, type ProjectPlan, type StepEntry, type StepStatus } from '../model';
import { PHASE_DEFINITIONS, stepsOfPhase, type Role } from '../process/catalog';
import type { YamlPath } from '../yamlPath';
import { evidenceFor, type Evidence } from './evidence';
import type { WorkspaceFacts } from './facts';

export interface StepState {
  id: string;
  phase: PhaseId;
  title: string;
  why: string;
  roles: Role[];
  custom: boolean;
  status: StepStatus;
  /** true when the step appears in the plan's checklist */
  declared: boolean;
  reason?: string;
  evidence?: Evidence;
  /** counts as done in the progress: its evidence is seen, no status is declared, and evidence counts (`progress.count_evidence`) */
  doneByEvidence?: boolean;
  /** where the step's status lives (or would live) in the plan */
  path: YamlPath;
}

export interface PhaseState {
  id: PhaseId;
  title: string;
  stage: 'design' | 'deployment';
  summary: string;
  steps: StepState[];
  /** steps done or skipped */
  closed: number;
  total: number;
  /** true when a step is in progress or done */
  started: boolean;
  complete: boolean;
}

export interface ProjectState {
  phases: PhaseState[];
  /** the first phase with open steps; undefined when every phase is complete */
  currentPhase?: PhaseId;
  closed: number;
  total: number;
  /** a step whose evidence is seen counts as done unless its status is declared */
  countEvidence: boolean;
}

export interface StateOptions {
  /** the editor setting or the CLI flag; the plan's `progress.count_evidence` wins over it */
  countEvidence?: boolean;
}

function entryOf(value: StepStatus | StepEntry | undefined): StepEntry | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? { status: value } : value;
}

export const isClosed = (s: StepStatus): boolean => s === 'done' || s === 'skipped';

/** Closed in the progress: done or skipped, or done by its evidence. */
export const countsClosed = (s: StepState): boolean => isClosed(s.status) || s.doneByEvidence === true;

/** Whether evidence counts: the plan's `progress.count_evidence` when it says, else the option. */
export function countsEvidence(plan: ProjectPlan, options: StateOptions = {}): boolean {
  const key = plan.progress?.count_evidence;
  return typeof key === 'boolean' ? key : options.countEvidence === true;
}

export function deriveState(plan: ProjectPlan, facts: WorkspaceFacts, options: StateOptions = {}): ProjectState {
  const countEvidence = countsEvidence(plan, options);
  const byEvidence = (entry: StepEntry | undefined, evidence: Evidence | undefined): boolean | undefined =>
    countEvidence && entry?.status === undefined && evidence?.seen === true ? true : undefined;
  const phases = PHASE_DEFINITIONS.map((def): PhaseState => {
    const declared = plan.checklist?.[def.id] ?? {};
    const steps: StepState[] = stepsOfPhase(def.id).map((s) => {
      const entry = entryOf(declared[s.id]);
      const evidence = evidenceFor(s.id, entry, plan, facts);
      return {
        id: s.id, phase: def.id, title: s.title, why: s.why, roles: s.roles, custom: false,
        status: entry?.status ?? 'todo', declared: s.id in declared, reason: entry?.reason,
        evidence, doneByEvidence: byEvidence(entry, evidence), path: ['checklist', def.id, s.id],
      };
    });
    for (const [id, value] of Object.entries(declared)) {
      const entry = entryOf(value);
      if (steps.some((s) => s.id === id) || !entry?.title) continue;
      const evidence = evidenceFor(id, entry, plan, facts);
      steps.push({
        id, phase: def.id, title: entry.title, why: entry.why ?? 'A step added by the team.', roles: [], custom: true,
        status: entry.status ?? 'todo', declared: true, reason: entry.reason,
        evidence, doneByEvidence: byEvidence(entry, evidence), path: ['checklist', def.id, id],
      });
    }
    const closed = steps.filter(countsClosed).length;
    return {
      id: def.id, title: def.title, stage: def.stage, summary: def.summary, steps, closed, total: steps.length,
      started: steps.some((s) => s.status === 'in-progress' || s.status === 'done' || s.doneByEvidence === true),
      complete: closed === steps.length,
    };
  });
  const current = phases.find((p) => !p.complete);
  return {
    phases,
    currentPhase: current?.id,
    closed: phases.reduce((n, p) => n + p.closed, 0),
    total: phases.reduce((n, p) => n + p.total, 0),
    countEvidence,
  };
}

/** Steps the workspace shows are done but the checklist does not say so yet (to do or in progress). */
export function stepsWithEvidence(state: ProjectState): StepState[] {
  return state.phases.flatMap((p) => p.steps.filter((s) => s.evidence?.seen === true && !isClosed(s.status)));
}

/** True when the team is at or past a phase: it or a later phase has started, or every earlier phase is closed. */
export function reached(state: ProjectState, phase: PhaseId): boolean {
  const i = PHASES.indexOf(phase);
  if (state.phases.some((p, j) => j >= i && p.started)) return true;
  return state.currentPhase === undefined || PHASES.indexOf(state.currentPhase) >= i;
}

export function findStepState(state: ProjectState, stepId: string): StepState | undefined {
  for (const p of state.phases) {
    const s = p.steps.find((x) => x.id === stepId);
    if (s) return s;
  }
  return undefined;
}
