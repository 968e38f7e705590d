// "Mark Steps with Evidence as Done": several steps set to `done` as one set of minimal edits (each the status
// scalar, or the fewest new lines), computed one after the other so that two new steps of one phase share it.
import type { PhaseId } from '../model';
import type { TextEdit } from '../types';
import { composeEdits } from './composeEdits';
import { setStepStatus } from './setStepStatus';

export interface StepRef {
  phase: PhaseId;
  id: string;
}

export function markStepsDone(text: string, steps: readonly StepRef[]): TextEdit[] {
  return composeEdits(text, steps.map((s) => (current: string) => setStepStatus(current, s.phase, s.id, 'done')));
}
