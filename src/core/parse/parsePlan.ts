// `.mlproject.yaml` text -> a parsed plan: the YAML document, its data, the typed (schema-checked) plan, a source
// map for ranges, and every syntax and schema diagnostic. Never throws: bad input becomes diagnostics.
import { isCollection, isPair, isScalar, parseAllDocuments, visit, type Document, type Node, type Scalar } from 'yaml';
import type { ProjectPlan } from '../model';
import type { Diagnostic } from '../types';
import { LineIndex } from '../text/lineIndex';
import type { SourceMap } from '../yamlPath';
import { buildSourceMap } from './sourceMap';
import { plainData } from './plainData';
import type { FrontEnd } from '../frontEnd';
import {
  aliasBombDiagnostic, aliasDiagnostic, emptyFileDiagnostic, encodingDiagnostics, extraDocumentDiagnostic,
  forbiddenKeyDiagnostic, nestingDiagnostic, rootNotMappingDiagnostic, yamlErrorDiagnostics,
} from './textDiagnostics';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FORBIDDEN_KEY_TEXT = /__proto__|constructor|prototype/;
import { validatePlan } from '../schema/validate';

/** Larger plans are refused: no real plan comes near, and parsing one would stall the editor. */
export const MAX_PLAN_CHARS = 2_000_000;
/** Larger plan files are not read at all: UTF-8 needs at most 3 bytes per character of a plan under MAX_PLAN_CHARS. */
export const MAX_PLAN_BYTES = 3 * MAX_PLAN_CHARS;
/** Deeper nesting of mappings and lists is refused: real plans nest a few levels, and deep recursion overflows. */
export const MAX_NESTING = 100;
/** How many alias expansions `toJS` allows before it gives up (guards against alias bombs). */
const MAX_ALIAS_COUNT = 100;

export interface ParsedPlan {
  text: string;
  lines: LineIndex;
  /** The first YAML document; undefined when the text was refused before parsing. */
  document?: Document.Parsed;
  /** The document as plain data (undefined when unreadable). */
  data: unknown;
  /** The schema-checked, typed view of `data` (invalid values pruned). */
  plan: ProjectPlan;
  source: SourceMap;
  /** Syntax, encoding and schema diagnostics, in document order. */
  diagnostics: Diagnostic[];
}

/** True when every line is blank or a comment (a linear scan that stops at the first other line). */
function onlyCommentsOrBlank(text: string): boolean {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) return false;
    start = end + 1;
  }
  return true;
}

/** The first node nested deeper than MAX_NESTING (an iterative walk, so that depth itself cannot overflow it). */
function firstTooDeep(root: Node | null): Node | undefined {
  // Two parallel stacks rather than one of [node, depth] pairs: no allocation per node on every keystroke.
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (isPair(node)) {
      nodes.push(node.value, node.key);
      depths.push(depth, depth);
    } else if (isCollection(node)) {
      if (depth >= MAX_NESTING) return node;
      for (let i = node.items.length - 1; i >= 0; i--) {
        nodes.push(node.items[i]);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

function fileTooLargeDiagnostic(lines: LineIndex, size: string, limit: string): Diagnostic {
  return {
    code: 'file-too-large', severity: 'error', range: lines.range(0, 0),
    message: `The plan has ${size}, over the limit of ${limit}: it was not read. A plan should be a few hundred lines; move data out of it.`,
  };
}

/** The parse of a plan file over MAX_PLAN_BYTES, which was not read: only the file-too-large diagnostic. */
export function oversizedPlan(bytes: number): ParsedPlan {
  const lines = new LineIndex('');
  return {
    text: '', lines, data: undefined, plan: {}, source: buildSourceMap(undefined, lines),
    diagnostics: [fileTooLargeDiagnostic(lines, `${(bytes / 1e6).toFixed(1)} MB`, `${MAX_PLAN_BYTES / 1e6} MB`)],
  };
}

/** Parses a plan; `frontEnd` names the actions its messages suggest (default: their plain titles). */
export function parsePlan(text: string, options: { frontEnd?: FrontEnd } = {}): ParsedPlan {
  const lines = new LineIndex(text);
  const empty = (diagnostics: Diagnostic[]): ParsedPlan => ({
    text, lines, data: undefined, plan: {}, source: buildSourceMap(undefined, lines), diagnostics,
  });

  if (text.length > MAX_PLAN_CHARS) return empty([fileTooLargeDiagnostic(lines, `${text.length} characters`, `${MAX_PLAN_CHARS}`)]);
  const diagnostics = encodingDiagnostics(text, lines);
  if (onlyCommentsOrBlank(text)) {
    return empty([...diagnostics, emptyFileDiagnostic(lines, options.frontEnd)]);
  }

  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const all = Array.isArray(docs) ? docs : [];
  const document = all[0];
  if (!document) return empty([...diagnostics, emptyFileDiagnostic(lines, options.frontEnd)]);

  const tooDeep = firstTooDeep(document.contents as Node | null);
  if (tooDeep !== undefined) {
    // yaml itself may have given up on the depth with a stack overflow: report the limit instead.
    const start = tooDeep.range?.[0] ?? 0;
    return { ...empty([...diagnostics, nestingDiagnostic(start, start + 1, MAX_NESTING, lines)]), document };
  }
  diagnostics.push(...yamlErrorDiagnostics(document.errors, lines, 'error'));
  diagnostics.push(...yamlErrorDiagnostics(document.warnings, lines, 'warning'));
  for (const extra of all.slice(1)) diagnostics.push(extraDocumentDiagnostic(extra, lines));

  // A second walk only when the text can hold an alias (`*name`) or a forbidden key, written out or spelt with a
  // double-quoted string's escapes (`"\x5f_proto__"`): most plans hold none of them.
  if (text.includes('*') || text.includes('\\') || FORBIDDEN_KEY_TEXT.test(text)) visit(document, {
    Alias(_key, node) {
      if (node.range) diagnostics.push(aliasDiagnostic(node.range[0], node.range[1], lines));
    },
    Pair(_key, pair) {
      // A key such as `__proto__` would become the object's prototype when converted: report it and drop it.
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        const r = (pair.key as Scalar).range ?? [0, 0];
        diagnostics.push(forbiddenKeyDiagnostic(key, r[0], r[1], lines));
        return visit.REMOVE;
      }
      return undefined;
    },
  });

  let data: unknown;
  try {
    data = (plainData(document) ?? { value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) }).value;
  } catch {
    const r = document.range;
    return { ...empty([...diagnostics, aliasBombDiagnostic(lines, r[0], Math.min(r[1], r[0] + 1))]), document };
  }

  const source = buildSourceMap(document, lines);
  const root = document.contents;
  if (root === null || data === null || data === undefined) {
    return { text, lines, document, data, plan: {}, source, diagnostics: [...diagnostics, emptyFileDiagnostic(lines, options.frontEnd)] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const [start, end] = root.range ?? [0, 0];
    return { text, lines, document, data, plan: {}, source, diagnostics: [...diagnostics, rootNotMappingDiagnostic(start, end, lines)] };
  }

  const validated = validatePlan(data, source);
  diagnostics.push(...validated.diagnostics);
  diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset);
  return { text, lines, document, data, plan: validated.plan, source, diagnostics };
}
