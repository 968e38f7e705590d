// Pitfall 4: trusting an offline metric with no reality check.
import { reached } from '../../state/projectState';
import type { Finding, Rule } from '../rule';
import { firstExisting, nonEmpty } from '../helpers';
import { indexed } from '../../state/indexed';

export const metricMisalignment: Rule = {
  code: 'metric-misalignment',
  category: 'pitfall',
  pitfall: 4,
  severity: 'warning',
  title: 'Metric misalignment',
  why: 'An offline metric is only a proxy for the business metric. Tie every success criterion to the business metric, and check the model against reality (A/B test, demo, focus group, pilot) before trusting the number.',
  check(ctx) {
    const out: Finding[] = [];
    const goal = ctx.plan.goal;
    const criteria = indexed(goal?.success_criteria);
    if (criteria.length > 0 && !nonEmpty(goal?.business_metric)) {
      out.push({
        at: ['goal', 'success_criteria'],
        message: 'The success criteria are tied to no business metric. Set `goal.business_metric`: the number the business wants to move.',
      });
    }
    for (const [c, i] of criteria) {
      if (!nonEmpty(c.why)) {
        out.push({
          at: ['goal', 'success_criteria', i, ...(c.metric ? ['metric'] : [])], onValue: true,
          message: `Success criterion "${c.metric ?? i}" does not say why its target matters. Add \`why\`: how reaching it moves ${nonEmpty(goal?.business_metric) ? `"${goal!.business_metric}"` : 'the business metric'}.`,
        });
      }
    }
    if (reached(ctx.state, 'deliver') && indexed(ctx.plan.reality_checks).length === 0) {
      out.push({
        at: firstExisting(ctx, ['checklist', 'deliver', 'reality-check'], ['checklist', 'deliver'], ['checklist']),
        message: 'Deliver has started with no reality check planned. Plan an A/B test, a demo, a focus group or a pilot under `reality_checks`.',
        fixes: [{
          title: 'Plan a demo as a reality check', preferred: true,
          action: { kind: 'appendItem', path: ['reality_checks'], item: { kind: 'demo', plan: 'show the predictions to users and the business owner: do they agree with the offline metric?' } },
        }],
      });
    }
    return out;
  },
};
