// Process rules about the project's set-up: a lead, a brief, success criteria.
import type { Finding, Rule } from '../rule';
import { firstExisting, nonEmpty } from '../helpers';
import { indexed } from '../../state/indexed';

export const noProjectLead: Rule = {
  code: 'no-project-lead',
  category: 'process',
  severity: 'warning',
  title: 'No project lead',
  why: 'Someone has to organise the work, keep the process honest and lead the model decision meeting. Without a named lead, decisions drift to whoever codes fastest.',
  check(ctx) {
    if (nonEmpty(ctx.plan.project?.lead)) return [];
    const team = indexed(ctx.plan.project?.team).map(([m]) => m).filter((m) => !!m.name);
    const leads = team.filter((m) => m.role === 'project-lead');
    const offered = (leads.length ? leads : team).slice(0, 3);
    return [{
      at: firstExisting(ctx, ['project'], []),
      ...(offered.length === 0 ? {} : { fixes: offered.map((m, i) => ({ title: `Set the project lead to ${m.name}`, preferred: leads.length > 0 && i === 0, action: { kind: 'setScalar' as const, path: ['project', 'lead'], value: m.name! } })) }),
      message: `No project lead: set \`project.lead\`${leads.length ? ` (the team lists ${leads[0].name} as project-lead)` : ' to the person who organises the work and leads the model decision'}.`,
    }];
  },
};

export const noBrief: Rule = {
  code: 'no-brief',
  category: 'process',
  severity: 'warning',
  title: 'No project brief',
  why: 'A short written brief, reviewed by technical and non-technical people, makes the problem, the data and the success criteria explicit and shared. Without it, every later disagreement has nothing to point back to.',
  check(ctx) {
    const brief = ctx.plan.project?.brief;
    if (!brief) {
      return [{ at: firstExisting(ctx, ['project'], []), message: `No project brief: run ${ctx.frontEnd.action('createBrief')}, which writes it and sets \`project.brief\`.` }];
    }
    if (ctx.facts.brief && !ctx.facts.brief.exists && ctx.facts.paths.get(brief) !== 'outside') {
      return [{ at: ['project', 'brief'], onValue: true, message: `The brief \`${brief}\` does not exist. Run ${ctx.frontEnd.action('createBrief')} to write it from this plan.` }];
    }
    return [];
  },
};

export const noSuccessCriteria: Rule = {
  code: 'no-success-criteria',
  category: 'process',
  severity: 'warning',
  title: 'No success criteria',
  why: 'Without agreed targets there is no way to tell when a model is good enough, and no way to compare candidates against what the business needs.',
  check(ctx) {
    if (indexed(ctx.plan.goal?.success_criteria).length > 0) return [];
    const f: Finding = {
      at: firstExisting(ctx, ['goal', 'success_criteria'], ['goal'], []),
      message: 'No success criteria: add `goal.success_criteria`, each with a metric, a target and a direction, agreed with the business owner.',
    };
    return [f];
  },
};
