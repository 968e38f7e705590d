// Hover text for keys of the plan, from the schema JSON: the description of the value at a path and, for
// enumerations, the allowed values.
import type { YamlPath } from '../yamlPath';
import { allowedValues, deref, schemaAt, type JsonSchema } from './schemaWalk';

export interface PathDescription {
  title?: string;
  description?: string;
  allowed?: string[];
}

function describeSchema(schema: JsonSchema): PathDescription | undefined {
  const s = deref(schema);
  const out: PathDescription = {};
  if (s.title) out.title = s.title;
  const description = s.description ?? s.oneOf?.map((b) => deref(b).description).find((d) => d !== undefined);
  if (description) out.description = description;
  const allowed = allowedValues(s);
  if (allowed) out.allowed = allowed;
  return out.title || out.description || out.allowed ? out : undefined;
}

/**
 * What the schema says about the value at `path` (e.g. ['evaluation', 'timeout'], ['checklist', 'develop', 'x']);
 * undefined when the path is not in the schema or the schema says nothing about it.
 */
export function describePath(path: YamlPath): PathDescription | undefined {
  const schema = schemaAt(path, undefined, false);
  return schema ? describeSchema(schema) : undefined;
}
