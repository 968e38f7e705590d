// Turns a fix action (data attached to a diagnostic) into minimal text edits against the current text.
import type { PhaseId, StepStatus } from '../model';
import type { FixAction, TextEdit } from '../types';
import { removeKey, renameKey, setScalar } from './keys';
import { appendItem } from './sequence';
import { setEntries } from './setEntries';
import { setStepStatus } from './setStepStatus';
import { flow } from './render';

export function fixEdits(text: string, action: FixAction): TextEdit[] {
  switch (action.kind) {
    case 'setScalar': return setScalar(text, action.path, action.value);
    case 'renameKey': return renameKey(text, action.path, action.newKey);
    case 'removeKey': return removeKey(text, action.path);
    case 'setStepStatus': return setStepStatus(text, action.phase as PhaseId, action.stepId, action.status as StepStatus, action.reason ? { reason: action.reason } : {});
    case 'appendItem': return appendItem(text, action.path, flow(action.item));
    case 'setEntries': return setEntries(text, action.path, action.entries);
  }
}
