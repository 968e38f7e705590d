// The document as plain data, the same value `document.toJS()` gives, in one direct walk over the node tree. A plan
// is re-read on every keystroke, and yaml's general conversion (anchors, merge keys, Map and Set targets, hooks
// per node) costs several times this walk on plans that use none of it. Whatever the walk does not handle exactly
// as yaml does (aliases, merge keys, keys that are collections or objects, `!!set`, `!!omap`, pairs in a list), it
// leaves to yaml: the result is then undefined and the caller converts with toJS.
//
// The walk recurses once per level: callers check the nesting limit first (parsePlan's firstTooDeep).
import { Pair, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';

/** Thrown inside the walk when a node needs yaml's own conversion; never escapes this module. */
const LEAVE_TO_YAML = Symbol('leave to yaml');

/** The key under which toJS stores a pair in a plain object. */
function keyText(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (!(key instanceof Scalar) || key.constructor !== Scalar) throw LEAVE_TO_YAML;
  const value: unknown = key.value;
  // `<<` may be a merge key (YAML 1.1, or the merge option); a symbol or an object key is stringified by yaml.
  if (value === '<<' || (key as { addToJSMap?: unknown }).addToJSMap !== undefined) throw LEAVE_TO_YAML;
  if (value === null) return '';
  if (typeof value === 'object' || typeof value === 'symbol') throw LEAVE_TO_YAML;
  return String(value);
}

function convert(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  const type = (node as object).constructor;
  if (type === Scalar) return (node as Scalar).value;
  if (type === YAMLMap) {
    const out: Record<string, unknown> = {};
    for (const pair of (node as YAMLMap).items) {
      if (!(pair instanceof Pair)) throw LEAVE_TO_YAML;
      const key = keyText(pair.key);
      const value = convert(pair.value);
      // As yaml does: an inherited name (`__proto__`, `toString`) becomes an own property, never a prototype.
      if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  }
  if (type === YAMLSeq) {
    const out: unknown[] = [];
    for (const item of (node as YAMLSeq).items) {
      if (item instanceof Pair) throw LEAVE_TO_YAML;
      out.push(convert(item));
    }
    return out;
  }
  throw LEAVE_TO_YAML;
}

/** `{ value }` with the document's plain data as toJS gives it, or undefined when yaml must convert it. */
export function plainData(document: Document): { value: unknown } | undefined {
  try {
    return { value: convert(document.contents) };
  } catch (e) {
    if (e === LEAVE_TO_YAML) return undefined;
    throw e;
  }
}
