// Pitfall 5: faulty evaluation, run by hand from scattered scripts instead of one automated pipeline.
import { reached } from '../../state/projectState';
import type { Finding, Rule } from '../rule';
import { scriptsInCommand } from '../../state/evaluationScripts';
import { firstExisting } from '../helpers';

export const manualEvaluation: Rule = {
  code: 'manual-evaluation',
  category: 'pitfall',
  pitfall: 5,
  severity: 'warning',
  title: 'Faulty evaluation',
  why: 'Evaluation run by hand from scattered scripts drifts: a different dataset here, a different metric there, and no record of what was run. One automated pipeline, with a fixed dataset and metric, run the same way from the editor and from CI, makes every result comparable.',
  check(ctx) {
    const out: Finding[] = [];
    const evaluation = ctx.plan.evaluation;
    const command = evaluation?.command;
    if (!command) {
      if (reached(ctx.state, 'define')) {
        const script = ctx.facts.evaluationScripts[0];
        const runner = script ? ({ py: 'python3', sh: 'bash', js: 'node', mjs: 'node', r: 'Rscript', jl: 'julia' } as Record<string, string>)[script.split('.').pop()!.toLowerCase()] : undefined;
        const suggested = script && runner ? `${runner} ${script} --model \${candidate} --out \${metricsFile}` : undefined;
        out.push({
          ...(suggested ? { fixes: [{ title: `Use ${script} as the evaluation command`, action: { kind: 'setScalar' as const, path: ['evaluation', 'command'], value: suggested } }] } : {}),
          at: firstExisting(ctx, ['evaluation'], ['checklist', 'define'], []),
          message: `There is no \`evaluation.command\`: evaluation is run by hand. Make one command score a candidate and write its metrics${suggested ? ` (e.g. \`${suggested}\`)` : ''}.`,
        });
      }
    } else {
      const used = scriptsInCommand(command);
      for (const script of used) {
        if (!ctx.facts.paths.has(script)) continue; // not looked up (no workspace)
        const kind = ctx.facts.paths.get(script);
        if (kind === 'outside') continue; // path-outside-workspace reports it
        if (kind !== 'file') {
          out.push({ at: ['evaluation', 'command'], onValue: true, severity: 'error', message: `The evaluation command runs \`${script}\`, which does not exist in the workspace. Fix the path or add the script.` });
        }
      }
      const stray = ctx.facts.evaluationScripts.filter((s) => !used.includes(s));
      if (stray.length > 0) {
        const shown = stray.slice(0, 3).join(', ') + (stray.length > 3 ? ` and ${stray.length - 3} more` : '');
        out.push({
          at: ['evaluation', 'command'], onValue: true, severity: 'info',
          message: `Evaluation scripts the pipeline does not use: ${shown}. Fold them into the one evaluation command, or delete them, so nobody scores by hand.`,
        });
      }
    }
    const dataset = evaluation?.dataset;
    if (dataset && ctx.facts.paths.has(dataset) && ctx.facts.paths.get(dataset) === undefined) {
      out.push({ at: ['evaluation', 'dataset'], onValue: true, message: `The evaluation dataset \`${dataset}\` does not exist. Fix the path, or prepare and save the dataset there.` });
    }
    return out;
  },
};
