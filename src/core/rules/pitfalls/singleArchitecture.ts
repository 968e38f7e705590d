// Pitfall 1: committing early to one (often trendy) architecture.
import { reached } from '../../state/projectState';
import type { Finding, Rule } from '../rule';
import { firstExisting, nonBaselineCandidates } from '../helpers';

export const singleArchitecture: Rule = {
  code: 'single-architecture',
  category: 'pitfall',
  pitfall: 1,
  severity: 'warning',
  title: 'One architecture',
  why: 'Committing early to a single (often trendy) model and iterating on it for weeks is the most expensive mistake in model development. Several candidates, ranked by expected gain and cost, keep the better option in view and give the decision a plan B.',
  check(ctx) {
    const out: Finding[] = [];
    const alternatives = nonBaselineCandidates(ctx.plan);
    const chosen = ctx.plan.decision?.chosen;
    if (chosen) {
      const others = alternatives.filter(([c]) => c.id !== chosen);
      if (others.length === 0) {
        out.push({
          at: ['decision', 'chosen'], onValue: true,
          message: `The decision for "${chosen}" weighed no alternative. Add the other candidate architectures you considered to \`candidates\` (with expected gain and cost) and keep one as plan B.`,
        });
        return out;
      }
    }
    if (reached(ctx.state, 'develop') && alternatives.length < 2) {
      out.push({
        at: firstExisting(ctx, ['candidates'], ['checklist', 'develop'], []),
        message: `Develop has started with ${alternatives.length} candidate architecture${alternatives.length === 1 ? '' : 's'} besides the baseline. Brainstorm at least two, each with expected gain and cost, before building one.`,
      });
    }
    return out;
  },
};
