// Fills in several keys of one mapping at once (e.g. a candidate's `expected_gain` and `cost`) as one minimal edit:
// each key goes where setValue puts it (the schema's order, the mapping's block or flow style, its indentation and
// line endings), and the result is diffed against the original so only the inserted text changes.
import type { YamlPath } from '../yamlPath';
import type { FixValue, TextEdit } from '../types';
import { applyEdits } from './applyEdits';
import { minimalEdit } from './minimalEdit';
import { EditError, setValueEdits } from './setValue';
import { locate, readYaml } from './yamlText';

export function setEntries(text: string, mapPath: YamlPath, entries: Readonly<Record<string, FixValue>>): TextEdit[] {
  if (!locate(readYaml(text).doc, mapPath)) throw new EditError(`No "${mapPath.join('.')}" in the YAML file.`);
  let after = text;
  for (const [key, value] of Object.entries(entries)) after = applyEdits(after, setValueEdits(readYaml(after), [...mapPath, key], value));
  return minimalEdit(text, after);
}
