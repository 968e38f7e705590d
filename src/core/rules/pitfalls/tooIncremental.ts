// Pitfall 3: trying candidates one by one from the simplest, with no cost/benefit ranking up front.
import { betterRankedThan } from '../../process/ranking';
import { reached } from '../../state/projectState';
import { candidatesOf } from '../../state/evidence';
import type { Finding, Rule, RuleContext } from '../rule';
import { nonBaselineCandidates, nonEmpty, stepStarted } from '../helpers';
import { levelValue } from '../../process/ranking';

function unranked(ctx: RuleContext): Finding[] {
  if (!reached(ctx.state, 'develop') && !stepStarted(ctx, 'brainstorming')) return [];
  return nonBaselineCandidates(ctx.plan)
    .filter(([c]) => !c.expected_gain || !c.cost)
    .map(([c, i]) => {
      const missing = [!c.expected_gain && 'expected_gain', !c.cost && 'cost'].filter(Boolean).join(' and ');
      return {
        at: ['candidates', i, ...(c.id ? ['id'] : [])],
        onValue: true,
        message: `Candidate "${c.id ?? c.name ?? i}" has no ${missing}. Give every candidate an expected gain and a cost (low, medium, high) so they can be ranked up front.`,
      };
    });
}

function chosenAgainstRanking(ctx: RuleContext): Finding[] {
  const chosen = ctx.plan.decision?.chosen;
  if (!chosen || nonEmpty(ctx.plan.decision?.rationale)) return [];
  const better = betterRankedThan(candidatesOf(ctx.plan).filter((c) => !c.baseline), chosen);
  if (better.length === 0) return [];
  return [{
    at: ['decision', 'chosen'], onValue: true,
    message: `"${chosen}" was chosen over better-ranked ${better.map((c) => `"${c.id}"`).join(', ')} (expected gain per cost) with no rationale. Write \`decision.rationale\`: why this one, and what is plan B.`,
  }];
}

/** Three or more candidates first run one after another in increasing cost, before any decision. */
function oneByOne(ctx: RuleContext): Finding[] {
  if (ctx.plan.decision?.chosen) return [];
  const byId = new Map(candidatesOf(ctx.plan).filter((c) => !c.baseline && c.id).map((c) => [c.id!, c]));
  const order: string[] = [];
  for (const run of ctx.facts.runs) if (byId.has(run.candidate) && !order.includes(run.candidate)) order.push(run.candidate);
  if (order.length < 3) return [];
  const costs = order.map((id) => levelValue(byId.get(id)!.cost) ?? 0);
  const increasing = costs.every((c, i) => i === 0 || c >= costs[i - 1]) && costs[costs.length - 1] > costs[0];
  if (!increasing) return [];
  return [{
    at: ['candidates'],
    message: `Candidates were tried one by one from the cheapest (${order.join(' → ')}) with no decision. Rank them by expected gain per cost and decide which to build, instead of working up the list.`,
  }];
}

export const tooIncremental: Rule = {
  code: 'too-incremental',
  category: 'pitfall',
  pitfall: 3,
  severity: 'warning',
  title: 'Too incremental',
  why: 'Trying candidates one by one, starting from the simplest, spends weeks on options a cost/benefit ranking would have set aside. Estimate each candidate\'s expected gain and cost up front, rank them, and justify the choice against the ranking.',
  check(ctx) {
    return [...unranked(ctx), ...chosenAgainstRanking(ctx), ...oneByOne(ctx)];
  },
};
