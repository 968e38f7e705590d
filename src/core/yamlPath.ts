// The vocabulary the parser, the schema checks, the rules and the edits share: a path to a value of the plan
// (e.g. ['candidates', 2, 'id']) and the source map that resolves such a path to its ranges in the text.
import type { Range } from './types';

export type YamlPath = (string | number)[];

export interface SourceMap {
  /** The value node: the scalar's text, or the whole block or flow collection. */
  valueRange(path: YamlPath): Range | undefined;
  /** The key of the pair that holds the value; undefined for sequence items and the root. */
  keyRange(path: YamlPath): Range | undefined;
  /** The key range when there is one, else the value range; falls back to the nearest existing ancestor. */
  rangeOf(path: YamlPath): Range | undefined;
  /** The deepest path whose key or value contains `offset` (for hovers). */
  pathAt(offset: number): YamlPath | undefined;
  /** True when the path exists in the document. */
  has(path: YamlPath): boolean;
}
