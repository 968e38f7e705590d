// Writes YAML scalars and short lists as source text for minimal edits: plain when that reads back as the same
// string, else the quoting style the old value used, else double quotes (JSON string syntax is valid YAML).
import { parse } from 'yaml';

export type ScalarValue = string | number | boolean;
export type QuoteStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | string | undefined;

function readsBackAs(source: string, value: string, flow: boolean): boolean {
  try {
    return flow ? (parse(`[${source}]`) as unknown[])[0] === value : parse(source) === value;
  } catch {
    return false;
  }
}

/** True when `value` can be written as a plain scalar in block (or flow) context. */
export function isPlainSafe(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value)) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  return readsBackAs(value, value, flow);
}

/** Source text for a scalar; `style` is the style of the value being replaced, kept when it can hold the value. */
export function formatScalar(value: ScalarValue, flow: boolean, style?: QuoteStyle): string {
  if (typeof value !== 'string') return String(value);
  const single = `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE' && !/[\r\n]/.test(value) && readsBackAs(single, value, flow)) return single;
  if (isPlainSafe(value, flow)) return value;
  return JSON.stringify(value);
}

/** A flow sequence, e.g. `[Dana, Lee]`. */
export function formatFlowList(values: readonly ScalarValue[]): string {
  return `[${values.map((v) => formatScalar(v, true)).join(', ')}]`;
}
