// Rules about single checklist steps: skipped without a reason, done without evidence.
import type { Finding, Rule } from '../rule';

export const skippedWithoutReason: Rule = {
  code: 'skipped-without-reason',
  category: 'process',
  severity: 'warning',
  title: 'Skipped without a reason',
  why: 'Skipping a step can be right, but the reason has to be written down so the team (and the next reviewer) can judge it.',
  check(ctx) {
    return ctx.state.phases.flatMap((p) => p.steps)
      .filter((s) => s.declared && s.status === 'skipped' && !(s.reason && s.reason.trim()))
      .map((s): Finding => ({ at: s.path, onValue: true, message: `Step "${s.id}" is skipped without a reason. Write it as \`{ status: skipped, reason: ... }\`.` }));
  },
};

export const missingEvidence: Rule = {
  code: 'missing-evidence',
  category: 'process',
  severity: 'info',
  title: 'Done without evidence',
  why: 'A ticked box is a claim; the workspace can often show whether the step is really done. When it cannot, the claim deserves a second look.',
  check(ctx) {
    return ctx.state.phases.flatMap((p) => p.steps)
      .filter((s) => s.declared && s.status === 'done' && s.evidence && !s.evidence.seen)
      .map((s): Finding => ({
        at: s.path, onValue: true,
        message: `Step "${s.id}" is marked done, but the evidence is missing: ${s.evidence!.detail}.`,
        fixes: [{ title: `Mark "${s.id}" as in progress`, action: { kind: 'setStepStatus', phase: s.phase, stepId: s.id, status: 'in-progress' } }],
      }));
  },
};

export const stepReady: Rule = {
  code: 'step-ready',
  category: 'process',
  severity: 'hint',
  title: 'Ready to mark done',
  why: 'When the workspace already shows a step is done, the checklist should say so: the current phase and the progress then tell the truth.',
  check(ctx) {
    return ctx.state.phases.flatMap((p) => p.steps)
      .filter((s) => (s.status === 'todo' || s.status === 'in-progress') && s.evidence?.seen)
      // a step missing from the file is pointed at through its phase or the checklist; with no checklist, nowhere
      .filter((s) => s.declared || ctx.parsed.source.has(['checklist']))
      .map((s): Finding => ({
        at: s.path, onValue: s.declared,
        message: `The workspace shows step "${s.id}" is done (${s.evidence!.detail}). Mark it done if the team agrees.`,
        fixes: [{ title: `Mark "${s.id}" as done`, preferred: true, action: { kind: 'setStepStatus', phase: s.phase, stepId: s.id, status: 'done' } }],
      }));
  },
};
