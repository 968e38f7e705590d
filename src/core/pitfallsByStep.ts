// Which pitfall diagnostics belong to which checklist step: a diagnostic inside a step's own checklist entry belongs
// to that step; otherwise a pitfall belongs to the step that is its cure (`guards` in the process catalog).
import type { CheckResult } from './check';
import { STEP_DEFINITIONS } from './process/catalog';
import { ruleInfo } from './rules/ruleInfo';
import type { Diagnostic } from './types';

const STEP_OF_PITFALL = new Map<number, string>(STEP_DEFINITIONS.flatMap((s) => (s.guards ?? []).map((g) => [g, s.id] as [number, string])));

export function isPitfall(d: Diagnostic): boolean {
  return ruleInfo(d.code)?.category === 'pitfall';
}

/** Pitfall diagnostics of the plan file, per step id. */
export function pitfallsByStep(result: Pick<CheckResult, 'diagnostics' | 'parsed'>): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const add = (step: string, d: Diagnostic) => out.set(step, [...(out.get(step) ?? []), d]);
  for (const d of result.diagnostics) {
    if (d.file || !isPitfall(d)) continue;
    const path = result.parsed.source.pathAt(d.range.startOffset);
    if (path && path[0] === 'checklist' && path.length >= 3 && typeof path[2] === 'string') {
      add(path[2], d);
      continue;
    }
    const step = STEP_OF_PITFALL.get(ruleInfo(d.code)?.pitfall ?? 0);
    if (step) add(step, d);
  }
  return out;
}

/** Items ordered by the pitfall number of their rule code (1 to 5), those without one last; ties keep their order. */
export function byPitfallNumber<T>(items: readonly T[], codeOf: (item: T) => string): T[] {
  const rank = (item: T) => ruleInfo(codeOf(item))?.pitfall ?? Number.POSITIVE_INFINITY;
  return items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i).map((x) => x.item);
}
