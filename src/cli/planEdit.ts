// Applying edits to a plan file from a command: the text is read again just before editing, so the edits match
// what is on disk, and written back only when there is something to change.
import { EditError } from '../core/edit/setValue';
import type { TextEdit } from '../core/types';
import { readPlanForEdit, writePlanEdits } from './loadPlan';
import { UsageError } from './io';

/**
 * Applies edits to the plan file, rereading it so that the edits match the text on disk. The edits are computed on
 * the text without its byte-order mark, which is written back as it was; a file that is not UTF-8 is refused (an
 * EditError, like a plan the edits cannot be made to). False when there was nothing to change.
 */
export async function editPlanFile(planFile: string, edits: (text: string) => TextEdit[]): Promise<boolean> {
  let plan;
  try {
    plan = await readPlanForEdit(planFile);
  } catch (e) {
    if (e instanceof UsageError) throw new EditError(e.message);
    throw e;
  }
  const list = edits(plan.text);
  if (list.length === 0) return false;
  await writePlanEdits(planFile, plan, list);
  return true;
}
