// The commented starter `.mlproject.yaml` written by `mlproject init` and the editor's Create .mlproject.yaml command.
import { stringify } from 'yaml';
import { PLAIN_FRONT_END, type FrontEnd } from './frontEnd';

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export function starterPlan(options: { name: string; lead?: string; eol?: string; frontEnd?: FrontEnd }): string {
  const frontEnd = options.frontEnd ?? PLAIN_FRONT_END;
  const lead = options.lead?.trim();
  const lines = [
    '# The plan of an ML project, read by the ML Project extension and the `mlproject` CLI.',
    '# Reference: docs/format.md. Each checklist step is todo | in-progress | done | skipped (missing = todo).',
    'version: 1',
    'project:',
    `  name: ${scalar(options.name.trim() || 'My model')}`,
    lead ? `  lead: ${scalar(lead)}                 # organises the work, leads the model decision` : '  # lead: who organises the work and leads the model decision meeting',
    `  brief: docs/brief.md           # written by ${frontEnd.action('createBrief')}`,
    '  team:',
    lead ? `    - { name: ${scalar(lead)}, role: project-lead }` : '    - { name: Your name, role: ml-engineer }',
    '  # runway: 2027-03-31           # the milestone date',
    '',
    '# goal:          # the problem, the business metric, and success criteria agreed with the business owner',
    '#   problem: the problem the model solves, in business terms',
    '#   business_metric: the business number it should move',
    '#   success_criteria:',
    '#     - { metric: macro_f1, target: 0.8, direction: maximize, why: how reaching it moves the business metric }',
    '',
    'checklist:',
    '  discover: { business-understanding: in-progress }',
    '',
    '# literature:    # related work, read before building',
    '#   - { title: ..., url: ..., takeaway: ... }',
    '# candidates:    # a baseline and several architectures, each with expected gain and cost',
    '#   - { id: baseline, name: ..., baseline: true }',
    '#   - { id: ..., name: ..., expected_gain: high, cost: medium }',
    '# evaluation:    # one automated pipeline; it writes a JSON object of metric -> number',
    '#   command: python3 eval.py --model ${candidate} --out ${metricsFile}',
    '#   dataset: data/test.csv',
    '',
  ];
  return lines.join(options.eol ?? '\n');
}
