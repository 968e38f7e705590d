// A checklist key that is neither a built-in step of its phase nor a custom step (one with a title).
import { PHASES, type PhaseId } from '../../model';
import { findStep, stepsOfPhase } from '../../process/catalog';
import { closest } from '../../text/suggest';
import { shortKey } from '../../schema/messages';
import type { Finding, Rule } from '../rule';

export const unknownStep: Rule = {
  code: 'unknown-step',
  category: 'file',
  severity: 'error',
  title: 'Unknown step id',
  why: 'Step ids are how the checklist, the evidence and the rules find a step. A misspelt id silently leaves the real step at todo.',
  check(ctx) {
    const out: Finding[] = [];
    for (const phase of PHASES) {
      const steps = ctx.plan.checklist?.[phase as PhaseId];
      if (!steps) continue;
      const known = stepsOfPhase(phase).map((s) => s.id);
      for (const [id, value] of Object.entries(steps)) {
        if (known.includes(id)) continue;
        if (value && typeof value === 'object' && value.title) continue; // a custom step
        const elsewhere = findStep(id);
        const suggestion = elsewhere ? undefined : closest(id, known);
        const message = elsewhere
          ? `Step "${id}" belongs to phase "${elsewhere.phase}", not "${phase}". Move it there.`
          : `Unknown step "${shortKey(id)}" in ${phase}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} A custom step needs a title: \`${shortKey(id)}: { status: todo, title: ... }\`.`;
        out.push({
          at: ['checklist', phase, id], message,
          ...(suggestion ? { fixes: [{ title: `Rename to "${suggestion}"`, preferred: true, action: { kind: 'renameKey', path: ['checklist', phase, id], newKey: suggestion } }] } : {}),
        });
      }
    }
    return out;
  },
};
