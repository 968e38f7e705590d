// Diagnostics about the text itself, before and around YAML parsing: emptiness, bad bytes, tabs, YAML errors,
// extra documents, a root that is not a mapping, anchors and aliases. All are reported, never thrown.
import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from '../types';
import type { LineIndex } from '../text/lineIndex';
import { PLAIN_FRONT_END, type FrontEnd } from '../frontEnd';
import { mergeAtSamePlace } from './mergeYamlErrors';

const FILE_RULE = 'yaml-syntax';

function diag(lines: LineIndex, code: string, start: number, end: number, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, message, range: lines.range(start, end) };
}

/** Strips yaml's " at line N, column M:" suffix and the source excerpt it appends. */
export function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0];
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function keyEnd(text: string, start: number, fallback: number): number {
  const lineEnd = text.indexOf('\n', start);
  const rest = text.slice(start, lineEnd < 0 ? text.length : lineEnd);
  const colon = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(\s|$)/.exec(rest);
  return colon ? start + colon[1].length : fallback;
}

export function yamlErrorDiagnostics(errors: readonly YAMLError[], lines: LineIndex, severity: 'error' | 'warning'): Diagnostic[] {
  return mergeAtSamePlace(errors.map((e) => {
    const [start, errorEnd] = e.pos;
    // yaml points a duplicate key at its first character: cover the whole key (up to the colon).
    const end = e.code === 'DUPLICATE_KEY' ? keyEnd(lines.text, start, errorEnd) : errorEnd;
    const message = e.code === 'TAB_AS_INDENT'
      ? 'Tabs are not allowed as indentation in YAML: indent with spaces.'
      : e.code === 'DUPLICATE_KEY'
        ? 'Duplicate key: each key may appear once in a mapping. Remove or rename one of them.'
        : /Maximum call stack/i.test(e.message)
          ? 'Mappings and lists are nested too deeply here for the plan to be read. A plan nests a few levels; flatten this value.'
          : `${cleanYamlMessage(e.message)}.`;
    return { code: e.code, diagnostic: diag(lines, FILE_RULE, start, Math.max(end, start + 1), message.replace(/\.\.$/, '.'), severity) };
  }));
}

/** Problems visible in the raw text: replacement characters from non-UTF-8 bytes, control characters. */
export function encodingDiagnostics(text: string, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    out.push(diag(lines, 'encoding', bad, bad + 1,
      'The file is not valid UTF-8 (an undecodable byte was replaced here). Save it as UTF-8.'));
  }
  // eslint-disable-next-line no-control-regex
  const ctrl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (ctrl) {
    out.push(diag(lines, 'encoding', ctrl.index, ctrl.index + 1,
      `Control character U+${ctrl[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in YAML. Delete it.`));
  }
  return out;
}

export function emptyFileDiagnostic(lines: LineIndex, frontEnd: FrontEnd = PLAIN_FRONT_END): Diagnostic {
  return diag(lines, 'empty-file', 0, 0,
    `The plan is empty. Start with \`version: 1\` and a \`project:\` block, or run ${frontEnd.action('createPlan')}.`);
}

export function extraDocumentDiagnostic(doc: Document, lines: LineIndex): Diagnostic {
  const [start, , end] = doc.range ?? [0, 0, 0];
  return diag(lines, FILE_RULE, start, Math.max(start + 1, Math.min(end, start + 3)),
    'Only one YAML document is read: remove the `---` and everything after it, or merge it into the first document.');
}

export function rootNotMappingDiagnostic(start: number, end: number, lines: LineIndex): Diagnostic {
  return diag(lines, 'schema', start, end,
    'The plan must be a mapping of keys (version, project, goal, ...), not a list or a single value.');
}

export function nestingDiagnostic(start: number, end: number, limit: number, lines: LineIndex): Diagnostic {
  return diag(lines, FILE_RULE, start, end,
    `Mappings and lists are nested more than ${limit} levels deep here: the plan was not read. A plan nests a few levels; flatten this value.`);
}

export function aliasDiagnostic(start: number, end: number, lines: LineIndex): Diagnostic {
  return diag(lines, 'yaml-alias', start, end,
    'Anchors and aliases are not supported in .mlproject.yaml: edits and ranges could point at the wrong place. Write the value out.', 'warning');
}

export function forbiddenKeyDiagnostic(key: string, start: number, end: number, lines: LineIndex): Diagnostic {
  return diag(lines, 'schema', start, end, `The key "${key}" is not allowed (it would change how the plan is read). Remove it.`);
}

export function aliasBombDiagnostic(lines: LineIndex, start: number, end: number): Diagnostic {
  return diag(lines, 'yaml-syntax', start, end,
    'Aliases expand to too many values (an alias bomb?). The plan was not read: write the values out instead.');
}
