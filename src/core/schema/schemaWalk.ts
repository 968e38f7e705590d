// Navigation in the plan's JSON Schema (schemas/mlproject.schema.json) by data path: which subschema describes the
// value at ['candidates', 0, 'id']? Used for "did you mean" key suggestions, oneOf collapsing, pruning and hovers.
// Ajv's own schemaPath is not used for this: it is relative to whichever function Ajv generated (a $ref target
// compiled on its own), so walking the data path is the only reliable way back into the schema JSON.
import schemaJson from '../../../schemas/mlproject.schema.json';
import type { YamlPath } from '../yamlPath';

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** The subset of draft-07 that the plan schema uses. */
export interface JsonSchema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  definitions?: Record<string, JsonSchema>;
}

export const PLAN_SCHEMA = schemaJson as unknown as JsonSchema;

export function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'boolean' || t === 'number' || t === 'string') return t;
  return 'object';
}

/** The plan schema's `$ref`s, followed once: every schema walk of every check asks for the same few. */
const DEREFERENCED = new WeakMap<JsonSchema, JsonSchema>();

/**
 * Follows a local `$ref` (`#/definitions/x`); keywords beside the `$ref` (e.g. a description) win. The result is
 * shared between callers (for the plan schema, the same object every time): read it, never change it.
 */
export function deref(schema: JsonSchema, root: JsonSchema = PLAN_SCHEMA, depth = 0): JsonSchema {
  if (!schema.$ref || depth > 16) return schema;
  if (root === PLAN_SCHEMA && depth === 0) {
    let known = DEREFERENCED.get(schema);
    if (!known) DEREFERENCED.set(schema, (known = resolveRef(schema, root, depth)));
    return known;
  }
  return resolveRef(schema, root, depth);
}

function resolveRef(schema: JsonSchema, root: JsonSchema, depth: number): JsonSchema {
  const target = schema.$ref!
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], root) as JsonSchema | undefined;
  const { $ref: _ref, ...rest } = schema;
  return target ? { ...deref(target, root, depth + 1), ...rest } : rest;
}

/** The JSON types a schema accepts, from `type`, `enum` or `const`; undefined when it does not constrain the type. */
export function acceptedTypes(schema: JsonSchema): Set<JsonType> | undefined {
  const s = deref(schema);
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    return new Set(types.map((t) => (t === 'integer' ? 'number' : t) as JsonType));
  }
  if (s.enum) return new Set(s.enum.map(jsonType));
  if ('const' in s) return new Set([jsonType(s.const)]);
  if (s.oneOf) {
    const all = new Set<JsonType>();
    for (const branch of s.oneOf) {
      const types = acceptedTypes(branch);
      if (!types) return undefined;
      types.forEach((t) => all.add(t));
    }
    return all;
  }
  return undefined;
}

/** The `oneOf` branch whose type fits the value (dereferenced), or undefined when none does. */
export function branchFor(schema: JsonSchema, value: unknown): JsonSchema | undefined {
  const type = jsonType(value);
  for (const branch of schema.oneOf ?? []) {
    const types = acceptedTypes(branch);
    if (!types || types.has(type)) return deref(branch);
  }
  return undefined;
}

/** Picks the branch of a `oneOf` that describes a value (by its type), or, without a value, the first collection. */
function select(schema: JsonSchema, value: unknown, hasValue: boolean): JsonSchema {
  if (!schema.oneOf) return schema;
  if (hasValue) return branchFor(schema, value) ?? schema;
  const collection = schema.oneOf.map((b) => deref(b)).find((b) => b.properties || b.items || typeof b.additionalProperties === 'object');
  return collection ?? schema;
}

function child(schema: JsonSchema, segment: string | number): JsonSchema | undefined {
  if (typeof segment === 'number') return schema.items ? deref(schema.items) : undefined;
  const property = schema.properties?.[segment];
  if (property) return deref(property);
  if (typeof schema.additionalProperties === 'object') return deref(schema.additionalProperties);
  if (schema.items && /^\d+$/.test(segment)) return deref(schema.items);
  return undefined;
}

/**
 * The dereferenced subschema for the value at `path`. With `data`, each `oneOf` on the way (and at the end) is
 * resolved to the branch that fits the actual value; without it, to the first branch that is a collection.
 * The final schema keeps its `oneOf` when `resolveLast` is false.
 */
export function schemaAt(path: YamlPath, data?: unknown, resolveLast = true): JsonSchema | undefined {
  const hasData = data !== undefined;
  let schema: JsonSchema | undefined = deref(PLAN_SCHEMA);
  let value: unknown = data;
  for (const segment of path) {
    if (!schema) return undefined;
    schema = child(select(schema, value, hasData && value !== undefined), segment);
    value = value === undefined || value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[segment];
  }
  if (schema && resolveLast) schema = select(schema, value, hasData && value !== undefined);
  return schema;
}

/** The value at a path in plain data, or undefined. */
export function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** The allowed values of a schema (from `enum`/`const`, also inside `oneOf` branches), as display strings. */
export function allowedValues(schema: JsonSchema): string[] | undefined {
  const s = deref(schema);
  if (s.enum) return s.enum.map(String);
  if ('const' in s) return [String(s.const)];
  if (s.oneOf) {
    const values = s.oneOf.flatMap((b) => allowedValues(b) ?? []);
    return values.length > 0 ? values : undefined;
  }
  return undefined;
}
