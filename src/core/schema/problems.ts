// Ajv errors -> schema problems: a data path, which part of it to underline, a message, and the value to prune.
// `oneOf` noise is collapsed here: of the branches of a oneOf, only the one whose type fits the value is reported.
import type { YamlPath } from '../yamlPath';
import type { SchemaError } from './generated/validatePlanSchema';
import { describeAlternatives, describeTypes, likelyMeant, meantHint, messages } from './messages';
import type { Fix } from '../types';

const isMappingValue = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
import { branchFor, jsonType, schemaAt, valueAt, type JsonType } from './schemaWalk';

export interface SchemaProblem {
  path: YamlPath;
  /** `key`: the key holding the value; `value`: the value; `container`: a missing key's parent (its key, or the item). */
  on: 'key' | 'value' | 'container';
  message: string;
  /** the value the typed plan must not keep */
  prune?: YamlPath;
  /** for `container` problems: the missing keys (merged per container) */
  missing?: string[];
  /** the obvious fix, when the mistake is a likely typo */
  fix?: Fix;
}

/** `/candidates/0/id` -> ['candidates', 0, 'id'], with numbers where the data holds a list. */
export function toYamlPath(instancePath: string, data: unknown): YamlPath {
  if (instancePath === '') return [];
  const path: YamlPath = [];
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    const key: string | number = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

const OBJECT_KEYWORDS = new Set(['additionalProperties', 'required', 'propertyNames', 'properties', 'minProperties', 'maxProperties']);
const STRING_KEYWORDS = new Set(['pattern', 'minLength', 'maxLength', 'format']);
const NUMBER_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']);
const ARRAY_KEYWORDS = new Set(['items', 'minItems', 'maxItems', 'uniqueItems']);

/** The value types an error's keyword applies to (so we know which oneOf branch produced it). */
function typesOfError(e: SchemaError): Set<JsonType> | undefined {
  const p = e.params;
  if (e.keyword === 'type') {
    const types = Array.isArray(p.type) ? (p.type as string[]) : [String(p.type)];
    return new Set(types.map((t) => (t === 'integer' ? 'number' : t) as JsonType));
  }
  if (e.keyword === 'enum') return new Set((p.allowedValues as unknown[]).map(jsonType));
  if (e.keyword === 'const') return new Set([jsonType(p.allowedValue)]);
  if (e.propertyName !== undefined || OBJECT_KEYWORDS.has(e.keyword)) return new Set(['object']);
  if (STRING_KEYWORDS.has(e.keyword)) return new Set(['string']);
  if (NUMBER_KEYWORDS.has(e.keyword)) return new Set(['number']);
  if (ARRAY_KEYWORDS.has(e.keyword)) return new Set(['array']);
  return undefined;
}

/**
 * Keeps, for each failed oneOf, only the errors of the branch that fits the value's type; when no branch fits,
 * replaces all of them with one "expected X or Y" problem.
 */
function collapseOneOf(errors: readonly SchemaError[], data: unknown): { kept: SchemaError[]; problems: SchemaProblem[] } {
  const dropped = new Set<number>();
  const problems: SchemaProblem[] = [];
  errors.forEach((e, i) => {
    if (e.keyword !== 'oneOf') return;
    dropped.add(i);
    const path = toYamlPath(e.instancePath, data);
    const value = valueAt(data, path);
    const schema = schemaAt(path, data, false);
    const branch = schema?.oneOf ? branchFor(schema, value) : undefined;
    const type = jsonType(value);
    for (let j = 0; j < i; j++) {
      const other = errors[j];
      const inside = other.instancePath === e.instancePath || other.instancePath.startsWith(`${e.instancePath}/`);
      if (!inside || dropped.has(j)) continue;
      if (!branch) {
        dropped.add(j);
      } else if (other.instancePath === e.instancePath && other.propertyName === undefined) {
        const types = typesOfError(other);
        if (types && !types.has(type)) dropped.add(j);
      }
    }
    if (!branch) {
      const expected = schema?.oneOf ? describeAlternatives(schema.oneOf) : 'another value';
      problems.push({ path, on: 'value', message: messages.wrongType(path, expected, value), prune: path });
    }
  });
  return { kept: errors.filter((_, i) => !dropped.has(i)), problems };
}

function problemOf(e: SchemaError, data: unknown): SchemaProblem | undefined {
  const path = toYamlPath(e.instancePath, data);
  const value = valueAt(data, path);
  const p = e.params;
  if (e.keyword === 'propertyNames') return undefined; // its inner error (e.g. pattern) names the key and the detail
  if (e.propertyName !== undefined) {
    const keyPath = [...path, e.propertyName];
    const message = e.keyword === 'pattern'
      ? messages.badKey(e.propertyName, path, String(p.pattern))
      : messages.other(keyPath, e.keyword);
    return { path: keyPath, on: 'key', message, prune: keyPath };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys(schemaAt(path, data)?.properties ?? {});
      // a key the mapping already has is not what a typo meant
      const meant = likelyMeant(key, isMappingValue(value) ? allowed.filter((k) => !(k in (value as object))) : allowed);
      return {
        path: [...path, key], on: 'key', message: messages.unknownKey(key, path, allowed), prune: [...path, key],
        ...(meant ? { fix: { title: `Rename to "${meant}"`, preferred: true, action: { kind: 'renameKey', path: [...path, key], newKey: meant } } } : {}),
      };
    }
    case 'required': {
      const key = String(p.missingProperty);
      return { path, on: 'container', message: messages.missing([key], path), missing: [key] };
    }
    case 'type':
      return { path, on: 'value', message: messages.wrongType(path, describeTypesParam(p.type), value), prune: path };
    case 'enum': {
      const meant = typeof value === 'string' ? likelyMeant(value, (p.allowedValues as unknown[]).map(String)) : undefined;
      return {
        path, on: 'value', message: messages.notAllowed(path, value, p.allowedValues as unknown[], meantHint(meant)), prune: path,
        ...(meant ? { fix: { title: `Change to "${meant}"`, preferred: true, action: { kind: 'setScalar', path, value: meant } } } : {}),
      };
    }
    case 'const':
      return { path, on: 'value', message: messages.notConst(path, value, p.allowedValue), prune: path };
    case 'pattern':
      return { path, on: 'value', message: messages.pattern(path, value, String(p.pattern)), prune: path };
    case 'minLength':
      return { path, on: 'value', message: messages.tooShort(path, Number(p.limit)), prune: path };
    case 'minimum':
      return { path, on: 'value', message: messages.tooSmall(path, value, Number(p.limit)), prune: path };
    default:
      return { path, on: 'value', message: messages.other(path, e.keyword), prune: path };
  }
}

function describeTypesParam(type: unknown): string {
  return describeTypes(Array.isArray(type) ? type.map(String) : [String(type)]);
}

/** All problems of one validation, with `required` problems merged per container, in error order. */
export function schemaProblems(errors: readonly SchemaError[], data: unknown): SchemaProblem[] {
  const { kept, problems } = collapseOneOf(errors, data);
  const out: SchemaProblem[] = [];
  const containers = new Map<string, SchemaProblem>();
  for (const e of kept) {
    const problem = problemOf(e, data);
    if (!problem) continue;
    if (problem.on === 'container') {
      const id = JSON.stringify(problem.path);
      const existing = containers.get(id);
      if (existing) {
        existing.missing!.push(...problem.missing!);
        existing.message = messages.missing(existing.missing!, existing.path);
        continue;
      }
      containers.set(id, problem);
    }
    out.push(problem);
  }
  return [...out, ...problems];
}
