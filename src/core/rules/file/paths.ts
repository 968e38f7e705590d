// Paths in the plan: every one must stay inside the workspace; referenced files should exist.
import type { Finding, Rule } from '../rule';
import { scriptsInCommand } from '../../state/evaluationScripts';
import { referencedPaths } from '../../state/referencedPaths';

/** Scripts the evaluation command runs that leave the workspace. */
function outsideScripts(ctx: Parameters<Rule['check']>[0]): Finding[] {
  const command = ctx.plan.evaluation?.command;
  if (!command) return [];
  return scriptsInCommand(command)
    .filter((s) => ctx.facts.paths.get(s) === 'outside')
    .map((s): Finding => ({ at: ['evaluation', 'command'], onValue: true, message: `The evaluation command runs \`${s}\`, which is outside the workspace. Keep the evaluation script in the project, so every run uses the same code.` }));
}

export const pathOutsideWorkspace: Rule = {
  code: 'path-outside-workspace',
  category: 'file',
  severity: 'error',
  title: 'Path outside the workspace',
  why: 'The plan travels with the repository: paths are read relative to the workspace and never outside it, so a plan cannot make the editor or CI read or write elsewhere.',
  check(ctx) {
    return referencedPaths(ctx.plan)
      .filter((r) => ctx.facts.paths.get(r.path) === 'outside')
      .map((r): Finding => ({ at: r.at, onValue: true, message: `The ${r.what} path \`${r.path}\` leaves the workspace and was not read. Use a path relative to the workspace folder.` }))
      .concat(outsideScripts(ctx));
  },
};

export const missingFile: Rule = {
  code: 'missing-file',
  category: 'file',
  severity: 'warning',
  title: 'Missing file',
  why: 'A path in the plan that points at nothing usually means a renamed file or a step claimed before it was done.',
  check(ctx) {
    // The brief, the dataset and the history have their own rules (no-brief, manual-evaluation) or may not exist yet.
    const own = new Set(['brief', 'dataset', 'run history']);
    return referencedPaths(ctx.plan)
      .filter((r) => !own.has(r.what) && ctx.facts.paths.has(r.path) && ctx.facts.paths.get(r.path) === undefined)
      .map((r): Finding => ({ at: r.at, onValue: true, message: `The ${r.what} \`${r.path}\` does not exist. Fix the path or add the file.` }));
  },
};
