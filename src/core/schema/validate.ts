// Schema validation of plan data with the precompiled Ajv validator (scripts/gen-schema-validator.mjs): every
// schema error becomes a `schema` diagnostic on the key or value it concerns, and the typed plan is the data with
// the invalid values pruned.
import type { ProjectPlan } from '../model';
import type { SourceMap, YamlPath } from '../yamlPath';
import type { Diagnostic, Range } from '../types';
import validatePlanSchema from './generated/validatePlanSchema';
import { messages } from './messages';
import { schemaProblems, type SchemaProblem } from './problems';
import { prunePlan } from './prune';
import { impossibleDateProblems } from './dates';

export const SCHEMA_CODE = 'schema';

export interface PlanValidation {
  plan: ProjectPlan;
  diagnostics: Diagnostic[];
}

function isMapping(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}

function rangeOfProblem(problem: SchemaProblem, data: Record<string, unknown>, source: SourceMap): Range | undefined {
  const { path } = problem;
  switch (problem.on) {
    case 'key':
      return source.keyRange(path) ?? source.rangeOf(path);
    case 'value':
      return source.valueRange(path) ?? source.rangeOf(path);
    case 'container': {
      if (path.length === 0) {
        // A key missing at the top level: underline the first key of the file.
        const first = Object.keys(data)[0];
        return (first !== undefined ? source.keyRange([first]) : undefined) ?? source.rangeOf([]);
      }
      const isItem = typeof path[path.length - 1] === 'number';
      return (isItem ? source.valueRange(path) : source.keyRange(path)) ?? source.rangeOf(path);
    }
  }
}

function diagnostic(message: string, range: Range): Diagnostic {
  return { code: SCHEMA_CODE, severity: 'error', message, range };
}

/** Validates plan data against the plan schema; `source` gives the ranges of the reported keys and values. */
export function validatePlan(data: unknown, source: SourceMap): PlanValidation {
  if (!isMapping(data)) {
    const range = source.valueRange([]) ?? source.rangeOf([]);
    const message = data === null || data === undefined ? messages.emptyPlan() : messages.rootNotMapping(data);
    return { plan: {}, diagnostics: range ? [diagnostic(message, range)] : [] };
  }
  const valid = validatePlanSchema(data);
  const dates = impossibleDateProblems(data);
  if (valid && dates.length === 0) return { plan: prunePlan(data, []), diagnostics: [] };

  const problems = [...(valid ? [] : schemaProblems(validatePlanSchema.errors ?? [], data)), ...dates];
  // One diagnostic per place: problems that land on the same range share it, their messages joined.
  const byPlace = new Map<string, Diagnostic>();
  const invalid: YamlPath[] = [];
  for (const problem of problems) {
    if (problem.prune) invalid.push(problem.prune);
    const range = rangeOfProblem(problem, data, source);
    if (!range) continue;
    const place = `${range.startOffset}:${range.endOffset}`;
    const existing = byPlace.get(place);
    if (!existing) byPlace.set(place, { ...diagnostic(problem.message, range), ...(problem.fix ? { fixes: [problem.fix] } : {}) });
    else if (!existing.message.includes(problem.message)) existing.message += ` ${problem.message}`;
  }
  const diagnostics = [...byPlace.values()];
  diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  return { plan: prunePlan(data, invalid), diagnostics };
}
