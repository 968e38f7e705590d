// Which pitfall diagnostics to show on which checklist step. A diagnostic inside a step's own checklist entry
// belongs to that step; otherwise a pitfall belongs to the step that avoids it (the process's reading of the five
// pitfalls). Presentation only: the rules themselves decide what is a pitfall.
import type { CheckResult } from '../../core/check';
import { ruleInfo } from '../../core/rules/ruleInfo';
import type { Diagnostic } from '../../core/types';

const STEP_OF_PITFALL: Record<number, string> = {
  1: 'brainstorming', // single architecture
  2: 'literature-review', // no literature review
  3: 'brainstorming', // too incremental
  4: 'reality-check', // metric misalignment
  5: 'baseline', // manual evaluation: the baseline is where the pipeline is built
};

export function isPitfall(d: Diagnostic): boolean {
  return ruleInfo(d.code)?.category === 'pitfall';
}

/** Pitfall diagnostics per step id. */
export function pitfallsByStep(result: CheckResult): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const add = (step: string, d: Diagnostic) => out.set(step, [...(out.get(step) ?? []), d]);
  for (const d of result.diagnostics) {
    if (d.file || !isPitfall(d)) continue;
    const path = result.parsed.source.pathAt(d.range.startOffset);
    if (path && path[0] === 'checklist' && path.length >= 3 && typeof path[2] === 'string') {
      add(path[2], d);
      continue;
    }
    const pitfall = ruleInfo(d.code)?.pitfall;
    if (pitfall && STEP_OF_PITFALL[pitfall]) add(STEP_OF_PITFALL[pitfall], d);
  }
  return out;
}
