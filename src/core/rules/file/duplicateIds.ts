// Duplicate candidate ids, literature titles, success-criterion metrics, and a step id used in two phases.
import { PHASES } from '../../model';
import type { YamlPath } from '../../yamlPath';
import type { Finding, Rule, RuleContext } from '../rule';
import { indexed } from '../../state/indexed';

function duplicates(ctx: RuleContext, entries: [string | undefined, YamlPath][], what: string, onValue = true): Finding[] {
  const first = new Map<string, YamlPath>();
  const out: Finding[] = [];
  for (const [key, path] of entries) {
    if (!key) continue;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, path);
      continue;
    }
    out.push({
      at: path, onValue,
      message: `Duplicate ${what} "${key}": each must be unique. Rename or remove this one.`,
      related: [{ message: `first ${what} "${key}"`, range: ctx.parsed.source.rangeOf(earlier)! }],
    });
  }
  return out;
}

export const duplicateId: Rule = {
  code: 'duplicate-id',
  category: 'file',
  severity: 'error',
  title: 'Duplicate id',
  why: 'Runs, the decision and the rules refer to candidates, criteria and steps by id; two with the same id make every such reference ambiguous.',
  check(ctx) {
    const p = ctx.plan;
    const steps: [string, YamlPath][] = [];
    for (const phase of PHASES) for (const id of Object.keys(p.checklist?.[phase] ?? {})) steps.push([id, ['checklist', phase, id]]);
    return [
      ...duplicates(ctx, indexed(p.candidates).map(([c, i]) => [c.id, ['candidates', i, 'id']]), 'candidate id'),
      ...duplicates(ctx, indexed(p.literature).map(([l, i]) => [l.title, ['literature', i, 'title']]), 'literature title'),
      ...duplicates(ctx, indexed(p.goal?.success_criteria).map(([c, i]) => [c.metric, ['goal', 'success_criteria', i, 'metric']]), 'success-criterion metric'),
      ...duplicates(ctx, steps, 'step id', false),
    ];
  },
};
