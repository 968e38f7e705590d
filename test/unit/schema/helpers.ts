import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { buildSourceMap } from '../../../src/core/parse/sourceMap';
import { validatePlan, type PlanValidation } from '../../../src/core/schema/validate';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { Diagnostic } from '../../../src/core/types';

/** Parses YAML text the way parsePlan does and validates its data against the schema. */
export function validateText(text: string): PlanValidation & { data: unknown } {
  const doc = parseDocument(text, { keepSourceTokens: true });
  assert.deepEqual(doc.errors, [], 'the fixture must be valid YAML');
  const data = doc.toJS();
  return { ...validatePlan(data, buildSourceMap(doc, new LineIndex(text))), data };
}

export interface ExpectedPlace {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  startOffset: number;
  endOffset: number;
}

/** Asserts a diagnostic's range by both positions and offsets. */
export function assertPlace(d: Diagnostic, p: ExpectedPlace): void {
  assert.deepEqual(
    { ...d.range.start, endLine: d.range.end.line, endCharacter: d.range.end.character, startOffset: d.range.startOffset, endOffset: d.range.endOffset },
    { line: p.line, character: p.character, endLine: p.endLine, endCharacter: p.endCharacter, startOffset: p.startOffset, endOffset: p.endOffset },
  );
}

/** The one diagnostic of a validation (fails when there are none or several). */
export function only(result: PlanValidation): Diagnostic {
  assert.equal(result.diagnostics.length, 1, result.diagnostics.map((d) => d.message).join('\n'));
  const d = result.diagnostics[0];
  assert.equal(d.code, 'schema');
  assert.equal(d.severity, 'error');
  return d;
}
