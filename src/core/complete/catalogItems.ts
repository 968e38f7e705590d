// Completion items the schema cannot give: the built-in step ids of a phase (from the process catalog), the rule
// codes under `rules:`, the candidate ids a decision can choose and the literature titles a candidate can cite.
import { STATUSES, type PhaseId, type ProjectPlan } from '../model';
import { STEP_DEFINITIONS } from '../process/catalog';
import { allRuleInfo } from '../rules/ruleInfo';
import { formatScalar } from '../edit/render';
import type { CursorContext } from './cursorContext';
import { itemAt, keyWithChoice, type PlanCompletion } from './completion';

const RULE_LEVELS = ['off', 'error', 'warning', 'info', 'hint'];

/** The catalog's steps of `phase` that the checklist does not list yet; each inserts `id: <status>`. */
export function stepItems(ctx: CursorContext, phase: PhaseId): PlanCompletion[] {
  const existing = new Set(ctx.existing);
  return STEP_DEFINITIONS.filter((s) => s.phase === phase && !existing.has(s.id)).map((step, i) => itemAt(ctx, {
    label: step.id, kind: 'step', origin: 'catalog', detail: step.title, documentation: step.why,
    insertText: ctx.hasColon ? step.id : keyWithChoice(step.id, STATUSES), snippet: !ctx.hasColon,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** The diagnostic codes not configured yet under `rules:`; each inserts `code: <level>`. */
export function ruleItems(ctx: CursorContext): PlanCompletion[] {
  const existing = new Set(ctx.existing);
  return allRuleInfo().filter((r) => !existing.has(r.code)).map((rule) => itemAt(ctx, {
    label: rule.code, kind: 'rule', origin: 'catalog', detail: `${rule.title} (default ${rule.severity})`, documentation: rule.why,
    insertText: ctx.hasColon ? rule.code : keyWithChoice(rule.code, RULE_LEVELS), snippet: !ctx.hasColon,
  }));
}

const levels = (c: { expected_gain?: string; cost?: string; risk?: string }) =>
  [c.expected_gain && `gain ${c.expected_gain}`, c.cost && `cost ${c.cost}`, c.risk && `risk ${c.risk}`].filter(Boolean).join(', ');

/** The ids of the plan's candidates (for `decision.chosen`). */
export function candidateItems(ctx: CursorContext, plan: ProjectPlan): PlanCompletion[] {
  const seen = new Set<string>();
  return (plan.candidates ?? []).flatMap((c, i) => {
    if (typeof c.id !== 'string' || seen.has(c.id)) return [];
    seen.add(c.id);
    const about = levels(c);
    return [itemAt(ctx, {
      label: c.id, kind: 'candidate', origin: 'plan', detail: c.name, snippet: false,
      documentation: [c.baseline ? 'The baseline.' : undefined, about ? `Expected ${about}.` : undefined].filter(Boolean).join(' ') || undefined,
      insertText: formatScalar(c.id, ctx.inFlow), sortText: String(i).padStart(3, '0'),
    })];
  });
}

/** The titles of the plan's literature (for a candidate's `source`), quoted when YAML needs it. */
export function literatureItems(ctx: CursorContext, plan: ProjectPlan): PlanCompletion[] {
  const quoted = /^["']/.test(ctx.typed);
  const seen = new Set<string>();
  return (plan.literature ?? []).flatMap((entry, i) => {
    if (typeof entry.title !== 'string' || seen.has(entry.title)) return [];
    seen.add(entry.title);
    const insertText = quoted ? JSON.stringify(entry.title) : formatScalar(entry.title, ctx.inFlow);
    return [itemAt(ctx, {
      label: entry.title, kind: 'literature', origin: 'plan', detail: entry.url, documentation: entry.takeaway,
      insertText, snippet: false, filterText: quoted ? insertText : entry.title, sortText: String(i).padStart(3, '0'),
    })];
  });
}
