// Where a block's text came from. A generated block's begin marker records `hash=H`: the first 16 hex digits of the
// SHA-256 of its content as generated, line breaks counted as LF (so a checkout that turns them into CRLF is no
// edit). Content that no longer hashes to H was edited by hand, and an update keeps it unless asked to replace it.
//
// A block without a hash (a brief written before hashes, or markers added by hand) has unknown provenance. It is
// safe to regenerate only when its content is something the generator itself wrote: nothing at all, what the
// current plan generates, the same in the older format (the runway with a "(N days left)" countdown), or a prompt
// an older template or generator put there. Anything else may be a person's text, so it is treated as edited:
// kept and listed, replaced only when asked. The price is that a block generated from an older plan is kept too,
// until the user confirms it can be replaced (`--force`, "Replace edited blocks").
import { createHash } from 'crypto';

export type Provenance = 'generated' | 'edited' | 'unknown';

function lf(content: string): string {
  return content.replace(/\r\n/g, '\n');
}

export function contentHash(content: string): string {
  return createHash('sha256').update(lf(content), 'utf8').digest('hex').slice(0, 16);
}

/** The prompts the shipped template (up to 0.1) and the generator's defaults put inside blocks. */
const LEGACY_PROMPTS: Readonly<Record<string, readonly string[]>> = {
  goal: [
    'State the problem the model solves, for whom, and the business metric it should move (`goal.problem`, `goal.business_metric`).',
  ],
  'success-criteria': [
    'List the success criteria agreed with the business owner: metric, target, direction and why that target (`goal.success_criteria`).',
    'List the success criteria: metric, target, direction and why that target (`goal.success_criteria`).',
  ],
  data: [
    'Describe the data: what exists, where it comes from, its quality, its biases and known issues, and the evaluation dataset (`data`, `evaluation.dataset`).',
    'Describe the data: what exists, its sources, quality, biases and known issues (`data`, `evaluation.dataset`).',
  ],
  baseline: [
    'Name a simple baseline to fit through the full evaluation pipeline first (a candidate with `baseline: true`).',
    'Name a simple baseline (a candidate with `baseline: true`).',
  ],
  candidates: [
    'List two or more candidate architectures with their expected gain, cost and risk (`candidates`).',
    'List two or more candidates with expected gain, cost and risk (`candidates`).',
  ],
  literature: [
    'Summarise the related work read before building: one takeaway per paper or post (`literature`).',
    'Summarise the related work read before building (`literature`).',
  ],
  risks: [
    'Say what could make the project fail: data problems, risky candidates, dependencies, deadlines (`data.known_issues`, candidate `risk`).',
    'Say what could make the project fail (`data.known_issues`, candidate `risk`).',
  ],
  'reality-check': [
    'Plan how the model will be checked against reality: an A/B test, a demo, a focus group or a pilot, and what it should show (`reality_checks`).',
    'Plan an A/B test, demo, focus group or pilot (`reality_checks`).',
  ],
  team: [
    'Name the project lead, the team and their roles, and the milestone date (`project.lead`, `project.team`, `project.runway`).',
    'Name the project lead, the team and the runway (`project.lead`, `project.team`, `project.runway`).',
  ],
};

/** The older runway line, "- **Runway:** 2027-03-31 (125 days left)", in today's format (no countdown). */
function withoutCountdown(content: string): string {
  return content.replace(/^(- \*\*Runway:\*\* .*?) \((?:\d+ days? left|passed \d+ days? ago)\)$/m, '$1');
}

function isLegacyPrompt(id: string, content: string): boolean {
  const t = content.trim();
  return (LEGACY_PROMPTS[id] ?? []).some((p) => t === `_TODO:_ ${p}`);
}

/**
 * Where the current content of a block came from. `generated` is what the plan generates now; `templateBody` is
 * what the template has inside the block (a custom template may keep a prompt there).
 */
export function provenanceOf(id: string, content: string, recordedHash: string | undefined, generated: string, templateBody?: string): Provenance {
  const current = lf(content);
  if (recordedHash !== undefined) return contentHash(current) === recordedHash || current === lf(generated) ? 'generated' : 'edited';
  const known = current.trim() === '' // an empty block holds nothing a person wrote
    || current === lf(generated)
    || withoutCountdown(current) === lf(generated)
    || isLegacyPrompt(id, current)
    || (templateBody !== undefined && templateBody.trim() !== '' && current.trim() === lf(templateBody).trim());
  return known ? 'generated' : 'unknown';
}
