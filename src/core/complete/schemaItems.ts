// Completion items from the plan's JSON Schema: the keys a mapping may still take (with their descriptions) and the
// allowed values of an enumeration (statuses, directions, levels, kinds, rule levels).
import type { YamlPath } from '../yamlPath';
import { acceptedTypes, allowedValues, deref, schemaAt, type JsonSchema } from '../schema/schemaWalk';
import type { CursorContext } from './cursorContext';
import { itemAt, keyWithChoice, type PlanCompletion } from './completion';

/** A few words on what a value holds, from its schema. */
function typeLabel(schema: JsonSchema): string | undefined {
  const values = allowedValues(schema);
  if (values) return values.join(' | ');
  const types = acceptedTypes(schema);
  if (!types) return undefined;
  const words: Record<string, string> = { object: 'mapping', array: 'list', string: 'text', number: 'number', boolean: 'true or false', null: 'null' };
  return [...types].map((t) => words[t]).join(' or ');
}

function descriptionOf(schema: JsonSchema): string | undefined {
  const s = deref(schema);
  return s.description ?? s.oneOf?.map((b) => deref(b).description).find((d) => d !== undefined);
}

/** What to insert for `key` whose value has `schema`: a nested block for mappings and lists, a choice for enumerations. */
function keyInsert(ctx: CursorContext, key: string, schema: JsonSchema): { text: string; snippet: boolean } {
  if (ctx.hasColon) return { text: key, snippet: false };
  if (ctx.inFlow) return { text: `${key}: `, snippet: false };
  const types = acceptedTypes(schema);
  const indent = ' '.repeat(ctx.col + ctx.unit);
  if (types?.size === 1 && types.has('object')) return { text: `${key}:\n${indent}$0`, snippet: true };
  if (types?.size === 1 && types.has('array')) return { text: `${key}:\n${indent}- $0`, snippet: true };
  const values = allowedValues(schema);
  if (values && values.length > 1) return { text: keyWithChoice(key, values), snippet: true };
  return { text: `${key}: `, snippet: false };
}

/** The schema's keys of the mapping at `path` that it does not have yet. */
export function schemaKeyItems(ctx: CursorContext, path: YamlPath): PlanCompletion[] {
  const mapping = schemaAt(path);
  if (!mapping?.properties) return [];
  const required = new Set(mapping.required ?? []);
  const existing = new Set(ctx.existing);
  return Object.entries(mapping.properties)
    .filter(([key]) => !existing.has(key))
    .map(([key, property], i) => {
      const schema = deref(property);
      const insert = keyInsert(ctx, key, schema);
      const type = typeLabel(schema);
      return itemAt(ctx, {
        label: key, kind: 'key', origin: 'schema',
        detail: required.has(key) ? `${type ?? 'value'} (required)` : type,
        documentation: descriptionOf(schema),
        insertText: insert.text, snippet: insert.snippet,
        sortText: `${required.has(key) ? 0 : 1}${String(i).padStart(3, '0')}`,
      });
    });
}

/** The allowed values of the value at `path` (an `enum`, a `const`, or the enumeration branch of a `oneOf`). */
export function schemaValueItems(ctx: CursorContext, path: YamlPath): PlanCompletion[] {
  const schema = schemaAt(path, undefined, false);
  const values = schema ? allowedValues(schema) : undefined;
  if (!schema || !values) return [];
  const description = descriptionOf(schema);
  return values.map((value, i) => itemAt(ctx, {
    label: value, kind: 'value', origin: 'schema', documentation: description,
    insertText: value, snippet: false, sortText: String(i).padStart(3, '0'),
  }));
}

/** True when the value at `path` is a mapping with known keys (so a new `- ` item there starts with a key). */
export function isKeyedMapping(path: YamlPath): boolean {
  return !!schemaAt(path)?.properties;
}
