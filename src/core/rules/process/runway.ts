// The runway (milestone) date near or past while phases are still open.
import type { Rule } from '../rule';

const WARN_DAYS = 14;

function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / 86_400_000);
}

export const runway: Rule = {
  code: 'runway',
  category: 'process',
  severity: 'warning',
  title: 'Runway near or past',
  why: 'The runway is the date the model is due. Seeing it approach with phases still open is the moment to cut scope, not the day after.',
  check(ctx) {
    const date = ctx.plan.project?.runway;
    if (!date || ctx.state.currentPhase === undefined) return [];
    const left = daysBetween(ctx.today, date);
    if (left === undefined) return [];
    const open = ctx.state.phases.filter((p) => !p.complete).map((p) => p.title);
    if (left < 0) {
      return [{ at: ['project', 'runway'], onValue: true, severity: 'error', message: `The runway ended ${-left} day${left === -1 ? '' : 's'} ago with ${open.join(', ')} still open. Agree a new date or cut scope, and update \`project.runway\`.` }];
    }
    if (left <= WARN_DAYS) {
      return [{ at: ['project', 'runway'], onValue: true, message: `The runway ends in ${left} day${left === 1 ? '' : 's'} with ${open.join(', ')} still open. Decide now what to cut.` }];
    }
    return [];
  },
};
