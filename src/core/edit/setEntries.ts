// Sets several values at once as one minimal edit: each path is set in turn on the text the previous one produced
// (each goes where setValue puts it: the schema's order, the mapping's block or flow style, its indentation and
// line endings), and the result is diffed against the original so only the inserted or replaced text changes.
// Quick fixes fill in several keys of one mapping (a candidate's `expected_gain` and `cost`) and the brief and the
// decision write `project.brief` and the `decision` block through it: one way to edit the plan.
import type { YamlPath } from '../yamlPath';
import type { FixValue, TextEdit } from '../types';
import { applyEdits } from './applyEdits';
import { minimalEdit } from './minimalEdit';
import type { PlainValue } from './render';
import { EditError, setValueEdits } from './setValue';
import { locate, readYaml, type YamlText } from './yamlText';

/** One minimal edit of `y.text` that sets each path to its value, in order. `y` is the text as the caller read it. */
export function setValues(y: YamlText, fields: readonly (readonly [YamlPath, PlainValue])[]): TextEdit[] {
  let text = y.text;
  let read = y;
  for (const [path, value] of fields) {
    // read again only when the previous field changed the text
    if (read.text !== text) read = readYaml(text);
    text = applyEdits(text, setValueEdits(read, path, value));
  }
  return minimalEdit(y.text, text);
}

/** Sets keys of the mapping at `mapPath`, which must exist. */
export function setEntries(text: string, mapPath: YamlPath, entries: Readonly<Record<string, FixValue>>): TextEdit[] {
  const y = readYaml(text);
  if (!locate(y.doc, mapPath)) throw new EditError(`No "${mapPath.join('.')}" in the YAML file.`);
  return setValues(y, Object.entries(entries).map(([key, value]) => [[...mapPath, key], value] as const));
}
