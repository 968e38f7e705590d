// Sets the status of a checklist step with the smallest edit: only the status scalar when the step exists (bare
// `step: todo`, flow `{ status: todo }` or block `status: todo`), else the fewest new lines, in the file's style.
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PhaseId, StepStatus } from '../model';
import type { TextEdit } from '../types';
import { flow, type PlainValue } from './render';
import { insertEntryEdits, replaceValueEdits, setValueEdits } from './setValue';
import { locate, readYaml, type YamlText } from './yamlText';

export interface StepStatusOptions {
  /** why the step is skipped: written as `reason` beside the status */
  reason?: string;
  /** title of a custom step */
  title?: string;
}

function stepEntry(status: StepStatus, options: StepStatusOptions): PlainValue {
  if (options.title === undefined && options.reason === undefined) return status;
  return flow({ status, title: options.title, reason: options.reason });
}

/** True when the existing phases of a block checklist are written as flow mappings (`discover: { a: done }`). */
function phasesAreFlow(checklist: YAMLMap): boolean {
  const values = (checklist.items as Pair<Node, Node | null>[]).map((p) => p.value).filter(isMap);
  return values.length > 0 && values.every((v) => v.flow === true);
}

function editStepMapping(y: YamlText, stepPath: string[], status: StepStatus, options: StepStatusOptions): TextEdit[] {
  const edits: TextEdit[] = [];
  const fields: [string, string | undefined][] = [['status', status], ['title', options.title], ['reason', options.reason]];
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    const path = [...stepPath, key];
    const existing = locate(y.doc, path);
    if (existing) {
      const current = existing.node && 'value' in existing.node ? (existing.node as { value: unknown }).value : undefined;
      if (current !== value) edits.push(...replaceValueEdits(y, existing, value));
    } else {
      edits.push(...insertEntryEdits(y, stepPath, key, value));
    }
  }
  return edits;
}

/**
 * Edits that set `checklist.<phase>.<stepId>` to `status` (with a reason or title when given), changing nothing
 * else in the text. A missing step is added to its phase, a missing phase to the checklist (in phase order), a
 * missing checklist at the end of the file.
 */
export function setStepStatus(
  text: string,
  phase: PhaseId,
  stepId: string,
  status: StepStatus,
  options: StepStatusOptions = {},
): TextEdit[] {
  const y = readYaml(text);
  const stepPath = ['checklist', phase, stepId];
  const step = locate(y.doc, stepPath);
  if (step && isMap(step.node)) return editStepMapping(y, stepPath, status, options);
  const entry = stepEntry(status, options);
  if (step) {
    const current = step.node && 'value' in step.node ? (step.node as { value: unknown }).value : undefined;
    return current === status && entry === status ? [] : replaceValueEdits(y, step, entry);
  }
  const checklist = locate(y.doc, ['checklist']);
  if (checklist && isMap(checklist.node) && !locate(y.doc, ['checklist', phase])) {
    // A new phase: a flow mapping next to flow siblings (`define: { baseline: done }`), else a block.
    const phaseValue = { [stepId]: entry };
    const value = !checklist.node.flow && phasesAreFlow(checklist.node) ? flow(phaseValue) : phaseValue;
    return insertEntryEdits(y, ['checklist'], phase, value);
  }
  return setValueEdits(y, stepPath, entry);
}
