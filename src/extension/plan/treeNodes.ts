// The elements of the Phases tree. They are plain data (URIs as strings), so a command gets the same shape from
// the tree, from a code action or from a test, and looks the live state up in the registry.
import type { PhaseId } from '../../core/model';

export interface FolderNode {
  kind: 'folder';
  planUri: string;
  name: string;
}

export interface StageNode {
  kind: 'stage';
  planUri: string;
  stage: 'design';
}

export interface PhaseNode {
  kind: 'phase';
  planUri: string;
  phase: PhaseId;
}

/** What step commands take: a step of a plan. */
export interface StepNode {
  kind: 'step';
  planUri: string;
  phase: PhaseId;
  stepId: string;
}

export type PhasesNode = FolderNode | StageNode | PhaseNode | StepNode;

export function stepNode(planUri: string, phase: PhaseId, stepId: string): StepNode {
  return { kind: 'step', planUri, phase, stepId };
}

export function isStepNode(value: unknown): value is StepNode {
  const v = value as Partial<StepNode> | undefined;
  return !!v && v.kind === 'step' && typeof v.planUri === 'string' && typeof v.phase === 'string' && typeof v.stepId === 'string';
}
