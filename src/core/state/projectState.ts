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
}

function entryOf(value: StepStatus | StepEntry | undefined): StepEntry | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? { status: value } : value;
}

export const isClosed = (s: StepStatus): boolean => s === 'done' || s === 'skipped';

export function deriveState(plan: ProjectPlan, facts: WorkspaceFacts): ProjectState {
  const phases = PHASE_DEFINITIONS.map((def): PhaseState => {
    const declared = plan.checklist?.[def.id] ?? {};
    const steps: StepState[] = stepsOfPhase(def.id).map((s) => {
      const entry = entryOf(declared[s.id]);
      return {
        id: s.id, phase: def.id, title: s.title, why: s.why, roles: s.roles, custom: false,
        status: entry?.status ?? 'todo', declared: s.id in declared, reason: entry?.reason,
        evidence: evidenceFor(s.id, entry, plan, facts), path: ['checklist', def.id, s.id],
      };
    });
    for (const [id, value] of Object.entries(declared)) {
      const entry = entryOf(value);
      if (steps.some((s) => s.id === id) || !entry?.title) continue;
      steps.push({
        id, phase: def.id, title: entry.title, why: entry.why ?? 'A step added by the team.', roles: [], custom: true,
        status: entry.status ?? 'todo', declared: true, reason: entry.reason,
        evidence: evidenceFor(id, entry, plan, facts), path: ['checklist', def.id, id],
      });
    }
    const closed = steps.filter((s) => isClosed(s.status)).length;
    return {
      id: def.id, title: def.title, stage: def.stage, summary: def.summary, steps, closed, total: steps.length,
      started: steps.some((s) => s.status === 'in-progress' || s.status === 'done'),
      complete: closed === steps.length,
    };
  });
  const current = phases.find((p) => !p.complete);
  return {
    phases,
    currentPhase: current?.id,
    closed: phases.reduce((n, p) => n + p.closed, 0),
    total: phases.reduce((n, p) => n + p.total, 0),
  };
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
