// References to a candidate or a literature entry that does not exist.
import { closest } from '../../text/suggest';
import type { Finding, Rule } from '../rule';
import { indexed } from '../../state/indexed';

export const unknownReference: Rule = {
  code: 'unknown-reference',
  category: 'file',
  severity: 'error',
  title: 'Reference to nothing',
  why: 'The decision and the candidates point at other entries by id or title. A reference to something that does not exist breaks the evidence and the decision record.',
  check(ctx) {
    const out: Finding[] = [];
    const ids = indexed(ctx.plan.candidates).map(([c]) => c.id).filter((x): x is string => !!x);
    const chosen = ctx.plan.decision?.chosen;
    if (chosen && !ids.includes(chosen)) {
      const s = closest(chosen, ids);
      out.push({
        at: ['decision', 'chosen'], onValue: true,
        message: `The decision chooses "${chosen}", which is not a candidate id.${s ? ` Did you mean "${s}"?` : ` Candidates: ${ids.join(', ') || 'none'}.`}`,
        ...(s ? { fixes: [{ title: `Change to "${s}"`, preferred: true, action: { kind: 'setScalar', path: ['decision', 'chosen'], value: s } }] } : {}),
      });
    }
    const titles = indexed(ctx.plan.literature).map(([l]) => l.title).filter((x): x is string => !!x);
    for (const [c, i] of indexed(ctx.plan.candidates)) {
      if (c.source && !titles.includes(c.source)) {
        const s = closest(c.source, titles);
        out.push({
          at: ['candidates', i, 'source'], onValue: true, severity: 'warning',
          message: `Candidate "${c.id ?? i}" cites "${c.source}", which is not a literature title.${s ? ` Did you mean "${s}"?` : ' Add it to `literature`.'}`,
          ...(s ? { fixes: [{ title: `Change to "${s}"`, preferred: true, action: { kind: 'setScalar', path: ['candidates', i, 'source'], value: s } }] } : {}),
        });
      }
    }
    return out;
  },
};
