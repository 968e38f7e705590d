// Dates the schema's pattern accepts but the calendar does not (2027-02-30, 2026-13-01): the schema can only check
// the YYYY-MM-DD shape, so every value the schema types as a date is checked here as well.
import type { YamlPath } from '../yamlPath';
import { isIsoDate } from '../text/dates';
import { formatPath, describeValue } from './messages';
import type { SchemaProblem } from './problems';
import { PLAN_SCHEMA, type JsonSchema } from './schemaWalk';

const DATE_REF = '#/definitions/date';
/** A path segment standing for any list item or any key of a mapping. */
const ANY = Symbol('any');
type Template = (string | typeof ANY)[];

function collect(schema: JsonSchema | undefined, at: Template, out: Template[], depth: number): void {
  if (!schema || depth > 12) return;
  if (schema.$ref === DATE_REF) {
    out.push(at);
    return;
  }
  const s = schema.$ref?.startsWith('#/definitions/') ? PLAN_SCHEMA.definitions?.[schema.$ref.slice(14)] : schema;
  if (!s) return;
  for (const [key, child] of Object.entries(s.properties ?? {})) collect(child, [...at, key], out, depth + 1);
  if (s.items) collect(s.items, [...at, ANY], out, depth + 1);
  if (typeof s.additionalProperties === 'object') collect(s.additionalProperties, [...at, ANY], out, depth + 1);
  for (const branch of s.oneOf ?? []) collect(branch, at, out, depth + 1);
}

let templates: Template[] | undefined;

/** Where the schema has dates, e.g. project.runway, decision.date, reality_checks[*].date. */
function dateTemplates(): Template[] {
  if (!templates) {
    templates = [];
    collect(PLAN_SCHEMA, [], templates, 0);
  }
  return templates;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Pushes the path of every impossible date that `template` reaches from `data` (from its segment `depth` on).
 * `at` is the path so far, shared down the walk: only a date that is reported gets a copy of it.
 */
function impossibleDatesAt(data: unknown, template: Template, depth: number, at: YamlPath, out: [YamlPath, string][]): void {
  if (depth === template.length) {
    if (typeof data === 'string' && DATE_SHAPE.test(data) && !isIsoDate(data)) out.push([[...at], data]);
    return;
  }
  if (data === null || typeof data !== 'object') return;
  const head = template[depth];
  if (head === ANY) {
    const keys: (string | number)[] = Array.isArray(data) ? [...data.keys()].filter((i) => i in data) : Object.keys(data);
    for (const key of keys) {
      at.push(key);
      impossibleDatesAt((data as Record<string | number, unknown>)[key], template, depth + 1, at, out);
      at.pop();
    }
  } else if (!Array.isArray(data) && Object.prototype.hasOwnProperty.call(data, head)) {
    at.push(head);
    impossibleDatesAt((data as Record<string, unknown>)[head], template, depth + 1, at, out);
    at.pop();
  }
}

/** A problem for each date of the plan that is written YYYY-MM-DD but is not a day of the calendar. */
export function impossibleDateProblems(data: unknown): SchemaProblem[] {
  const found: [YamlPath, string][] = [];
  for (const template of dateTemplates()) impossibleDatesAt(data, template, 0, [], found);
  return found.map(([path, value]) => ({
    path, on: 'value' as const, prune: path,
    message: `Invalid date ${describeValue(value)} for ${formatPath(path)}: there is no such day in the calendar. Write a real date as YYYY-MM-DD.`,
  }));
}
