// The brief's and the decision's edits to `.mlproject.yaml`: set `project.brief`, write the `decision` block.
// Expressed with the core edit module's setValues, so there is one way to edit the plan: each field is set in turn
// on the text the previous one produced, and the result is folded into one minimal edit of the original text.
import type { Decision } from '../model';
import type { TextEdit } from '../types';
import { flow, type PlainValue } from '../edit/render';
import { setValues } from '../edit/setEntries';
import { EditError } from '../edit/setValue';
import { readYaml } from '../edit/yamlText';
import type { YamlPath } from '../yamlPath';

/** The plan cannot be edited (a syntax error, or a key that holds something else than a mapping). */
export { EditError as PlanEditError };

function setAll(text: string, fields: [YamlPath, PlainValue][]): TextEdit[] {
  const y = readYaml(text);
  if (y.doc.errors.length > 0) {
    throw new EditError(`.mlproject.yaml has syntax errors (${y.doc.errors[0].message.split('\n')[0]}); fix them first`);
  }
  return setValues(y, fields);
}

/** Edits that set `project.brief` to `briefPath` (none when it already is). */
export function setProjectBrief(text: string, briefPath: string): TextEdit[] {
  return setAll(text, [[['project', 'brief'], briefPath]]);
}

/** Edits that write the given fields of `decision` (the others are left as they are). */
export function setDecision(text: string, decision: Decision): TextEdit[] {
  const fields: [YamlPath, PlainValue][] = [];
  for (const key of ['chosen', 'date', 'rationale', 'record'] as const) {
    if (decision[key] !== undefined) fields.push([['decision', key], decision[key]!]);
  }
  if (decision.attendees !== undefined) fields.push([['decision', 'attendees'], flow(decision.attendees)]);
  // Keep the fields in the schema's order when the block is new: attendees before record.
  fields.sort((a, b) => ORDER.indexOf(String(a[0][1])) - ORDER.indexOf(String(b[0][1])));
  return fields.length === 0 ? [] : setAll(text, fields);
}

const ORDER = ['chosen', 'date', 'rationale', 'attendees', 'record'];
