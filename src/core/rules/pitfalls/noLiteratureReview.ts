// Pitfall 2: reinventing the wheel, building before reviewing related work.
import type { Finding, Rule } from '../rule';
import { firstExisting, stepStarted } from '../helpers';

export const noLiteratureReview: Rule = {
  code: 'no-literature-review',
  category: 'pitfall',
  pitfall: 2,
  severity: 'warning',
  title: 'Reinventing the wheel',
  why: 'Someone has probably solved a similar problem. Reading related work and prior projects before building avoids reinventing the wheel and seeds the brainstorm with proven ideas and realistic targets.',
  check(ctx) {
    if ((ctx.plan.literature ?? []).length > 0) return [];
    const out: Finding[] = [];
    if (ctx.plan.decision?.chosen) {
      out.push({
        at: ['decision', 'chosen'],
        message: 'A model was chosen without any literature entry. Review related work first and record it under `literature` (title, url, takeaway).',
      });
    } else if (stepStarted(ctx, 'prototyping')) {
      out.push({
        at: firstExisting(ctx, ['checklist', 'deliver', 'prototyping'], ['checklist', 'deliver']),
        message: 'Prototyping has started without any literature entry. Review related work first and record it under `literature` (title, url, takeaway).',
      });
    }
    return out;
  },
};
