// "Configure Evaluation": sets the keys of the `evaluation:` block it was given, each with the smallest edit (the
// value's text, or one new line in the schema's key order), one after the other; a key whose value is already the
// one given is left as written. Every other key, comment and byte of the block stays.
import { isScalar } from 'yaml';
import type { Evaluation } from '../model';
import type { TextEdit } from '../types';
import { composeEdits } from './composeEdits';
import { setValueEdits } from './setValue';
import { locate, readYaml } from './yamlText';

/** The keys the command asks about, in the schema's order. */
export const EVALUATION_KEYS = ['command', 'metrics_file', 'dataset', 'timeout', 'repeats', 'parallel'] as const;
export type EvaluationKey = (typeof EVALUATION_KEYS)[number];
export type EvaluationValues = Partial<Pick<Evaluation, EvaluationKey>>;

/** Edits that give each key of `values` (those not undefined) its value in `evaluation:`, adding the block if needed. */
export function setEvaluation(text: string, values: EvaluationValues): TextEdit[] {
  const keys = EVALUATION_KEYS.filter((k) => values[k] !== undefined);
  return composeEdits(text, keys.map((key) => (current: string): TextEdit[] => {
    const y = readYaml(current);
    const value = values[key]!;
    const at = locate(y.doc, ['evaluation', key]);
    if (at && isScalar(at.node) && at.node.value === value) return [];
    return setValueEdits(y, ['evaluation', key], value);
  }));
}

/** A timeout as the user typed it: a number of seconds as a number, `90s` / `30m` / `2h` as text. */
export function timeoutValue(input: string): string | number | undefined {
  const t = input.trim();
  if (!/^[0-9]+(\.[0-9]+)?\s*(s|m|h)?$/.test(t)) return undefined;
  return /^[0-9.]+$/.test(t) ? Number(t) : t;
}
