// Writing new YAML text for insertion: scalars quoted only when needed (by yaml's own stringifier), flow mappings
// `{ a: b }` and block entries at a given indentation.
import { stringify } from 'yaml';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue | undefined } | FlowValue;

/** Marks a mapping or list to be written in flow style (`{ a: b }`, `[a, b]`) inside block output. */
export class FlowValue {
  constructor(readonly value: PlainValue) {}
}

export function flow(value: PlainValue): FlowValue {
  return new FlowValue(value);
}

/**
 * A scalar as YAML text, quoted only when it has to be. `inFlow` also quotes what would break a flow collection
 * (`,`, brackets). Multi-line text becomes a double-quoted one-line scalar, so that insertions never span lines.
 */
export function formatScalar(value: string | number | boolean | null, inFlow: boolean): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  // eslint-disable-next-line no-control-regex
  if (/[\n\r\t\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(value)) return JSON.stringify(value);
  const out = inFlow
    ? stringify([value], { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false }).trim().slice(1, -1)
    : stringify(value, { lineWidth: 0 }).replace(/\r?\n$/, '');
  return out.includes('\n') ? JSON.stringify(value) : out;
}

/** A plain mapping (not a list, a scalar, or a value marked for flow style). */
export function isMapping(value: PlainValue): value is { [key: string]: PlainValue | undefined } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof FlowValue);
}

function entries(value: { [key: string]: PlainValue | undefined }): [string, PlainValue][] {
  return Object.entries(value).filter((e): e is [string, PlainValue] => e[1] !== undefined);
}

/** A value as one line of flow YAML: `done`, `{ status: skipped, reason: "no data" }`, `[a, b]`. */
export function renderFlow(value: PlainValue): string {
  if (value instanceof FlowValue) return renderFlow(value.value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map(renderFlow).join(', ')} ]`;
  if (isMapping(value)) {
    const items = entries(value).map(([k, v]) => `${formatScalar(k, true)}: ${renderFlow(v)}`);
    return items.length === 0 ? '{}' : `{ ${items.join(', ')} }`;
  }
  return formatScalar(value, true);
}

/** True when a value is written on the line of its key (scalars, flow values, empty collections). */
function inline(value: PlainValue): boolean {
  if (value instanceof FlowValue) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isMapping(value)) return entries(value).length === 0;
  return true;
}

function renderInline(value: PlainValue): string {
  if (value instanceof FlowValue) return renderFlow(value.value);
  if (typeof value === 'object' && value !== null) return renderFlow(value);
  return formatScalar(value, false);
}

/** A block sequence item (`- ...`) at a column; a mapping item is written in flow style on one line. */
export function renderItemLines(value: PlainValue, indent: number): string[] {
  return [`${' '.repeat(indent)}- ${renderInline(isMapping(value) ? flow(value) : value)}`];
}

/** The lines of `key: value` at a column, nested values on more lines in block style. */
export function renderEntryLines(key: string, value: PlainValue, indent: number, unit: number): string[] {
  const pad = ' '.repeat(indent);
  const k = formatScalar(key, false);
  if (inline(value)) return [`${pad}${k}: ${renderInline(value)}`];
  if (Array.isArray(value)) return [`${pad}${k}:`, ...value.flatMap((item) => renderItemLines(item, indent + unit))];
  return [`${pad}${k}:`, ...entries(value as { [key: string]: PlainValue }).flatMap(([ck, cv]) => renderEntryLines(ck, cv, indent + unit, unit))];
}
