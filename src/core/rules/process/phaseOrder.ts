// A step started or done while an earlier phase still has open steps: the process is being skipped.
import type { Finding, Rule } from '../rule';

export const phaseOrder: Rule = {
  code: 'phase-order',
  category: 'process',
  severity: 'warning',
  title: 'Step ahead of an open phase',
  why: 'Each phase answers a question the next one depends on: building before the baseline and the data are fixed, or deciding before the literature is read, means redoing work later. Close (or explicitly skip) earlier steps first.',
  check(ctx) {
    const out: Finding[] = [];
    const phases = ctx.state.phases;
    for (let i = 1; i < phases.length; i++) {
      const open = phases.slice(0, i).flatMap((p) => p.steps.filter((s) => s.status === 'todo'));
      if (open.length === 0) continue;
      const ahead = phases[i].steps.find((s) => s.declared && (s.status === 'done' || s.status === 'in-progress'));
      if (!ahead) continue;
      const related = open
        .filter((s) => s.declared && ctx.parsed.source.has(s.path))
        .slice(0, 5)
        .map((s) => ({ message: `${s.phase}/${s.id} is still todo`, range: ctx.parsed.source.rangeOf(s.path)! }));
      const names = open.slice(0, 3).map((s) => `${s.phase}/${s.id}`).join(', ') + (open.length > 3 ? ` and ${open.length - 3} more` : '');
      out.push({
        at: ahead.path, onValue: true, related,
        message: `${phases[i].title} step "${ahead.id}" is ${ahead.status} while earlier steps are open: ${names}. Finish them, or mark them skipped with a reason.`,
      });
    }
    return out;
  },
};
