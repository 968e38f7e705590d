// The typed plan: the YAML data without the values that failed validation, so rules can trust model.ts.
// A failed mapping value is deleted (an unknown key, a wrong type); a failed list item is replaced by an empty
// value of the item's type ({} for mappings, '' for text) so that indices stay aligned with the source: rules look
// up ranges by path, e.g. ['candidates', 2, 'id']. The input is never mutated.
import type { ProjectPlan } from '../model';
import type { YamlPath } from '../yamlPath';
import { acceptedTypes, schemaAt } from './schemaWalk';

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const v = copy((value as Record<string, unknown>)[k]);
      // An own `__proto__` (the parser reports and drops it; this is the second line of defence) stays an own
      // property: assigning it would make its value the copy's prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return out;
  }
  return value;
}

/** The neutral stand-in for a removed list item: an empty value of the type the schema expects there. */
function emptyItem(path: YamlPath): unknown {
  const types = schemaAt(path) && acceptedTypes(schemaAt(path)!);
  if (types?.has('object')) return {};
  if (types?.has('string')) return '';
  if (types?.has('array')) return [];
  return {};
}

/** A copy of `data` without the values at `invalid` paths. A non-mapping root (or an invalid root) gives `{}`. */
export function prunePlan(data: unknown, invalid: readonly YamlPath[]): ProjectPlan {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  if (invalid.some((p) => p.length === 0)) return {};
  const root = copy(data) as Record<string, unknown>;
  // Deepest first, so that removing a parent never hides a child that still needs its own treatment.
  const paths = [...invalid].sort((a, b) => b.length - a.length);
  for (const path of paths) {
    let parent: unknown = root;
    for (const segment of path.slice(0, -1)) {
      parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[segment] : undefined;
    }
    const last = path[path.length - 1];
    if (Array.isArray(parent)) {
      const i = Number(last);
      if (Number.isInteger(i) && i >= 0 && i < parent.length) parent[i] = emptyItem(path);
    } else if (parent !== null && typeof parent === 'object') {
      delete (parent as Record<string, unknown>)[String(last)];
    }
  }
  return root as ProjectPlan;
}
