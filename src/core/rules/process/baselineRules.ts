// Process rules about the baseline: one must exist and be run before Develop, and before any tuning.
import { reached } from '../../state/projectState';
import { baselineHasSuccessfulRun, baselineIds } from '../../runs/compare';
import type { Rule } from '../rule';
import { firstExisting, stepStarted } from '../helpers';

export const noBaseline: Rule = {
  code: 'no-baseline',
  category: 'process',
  severity: 'warning',
  title: 'No baseline before Develop',
  why: 'A simple baseline, fitted and scored through the full evaluation pipeline, tests the pipeline end to end and gives every candidate a number to beat. Developing candidates without one leaves every result without a reference.',
  check(ctx) {
    if (!reached(ctx.state, 'develop')) return [];
    const ids = baselineIds(ctx.plan);
    if (ids.size === 0) {
      return [{ at: firstExisting(ctx, ['candidates'], ['checklist', 'define', 'baseline'], []), message: 'Develop has started with no baseline: add a simple candidate with `baseline: true` and run it through the evaluation pipeline.' }];
    }
    if (!baselineHasSuccessfulRun(ctx.plan, ctx.facts.runs)) {
      return [{ at: firstExisting(ctx, ['checklist', 'define', 'baseline'], ['candidates']), message: `Develop has started but the baseline (${[...ids].join(', ')}) has no successful evaluation run. Run ${ctx.frontEnd.action('runEvaluation')} on it first.` }];
    }
    return [];
  },
};

export const tuningBeforeBaseline: Rule = {
  code: 'tuning-before-baseline',
  category: 'process',
  severity: 'warning',
  title: 'Tuning before a baseline',
  why: 'Hyperparameter tuning only means something against a baseline measured by the same pipeline; without one, there is no way to tell whether tuning helped.',
  check(ctx) {
    if (!stepStarted(ctx, 'tuning')) return [];
    if (baselineHasSuccessfulRun(ctx.plan, ctx.facts.runs)) return [];
    return [{ at: ['checklist', 'deliver', 'tuning'], onValue: true, message: 'Tuning has started with no recorded baseline run. Run the baseline through the evaluation pipeline first, so tuning has a number to beat.' }];
  },
};
