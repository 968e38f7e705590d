// Lines of the run history that could not be read: reported once, skipped, never fatal.
import { DEFAULT_HISTORY_PATH } from '../../model';
import type { Rule } from '../rule';
import { firstExisting } from '../helpers';

export const historyCorrupt: Rule = {
  code: 'history-corrupt',
  category: 'file',
  severity: 'warning',
  title: 'Corrupt run history line',
  why: 'The run history is append-only; a line that cannot be read (a crash mid-write, a hand edit) is skipped so that every other run still counts.',
  check(ctx) {
    const bad = ctx.facts.corruptRuns;
    if (bad.length === 0) return [];
    const file = ctx.plan.evaluation?.history ?? DEFAULT_HISTORY_PATH;
    const lines = bad.slice(0, 5).map((b) => b.line).join(', ') + (bad.length > 5 ? ', ...' : '');
    return [{
      at: firstExisting(ctx, ['evaluation', 'history'], ['evaluation'], []),
      message: `${bad.length} line${bad.length === 1 ? '' : 's'} of the run history ${file} could not be read and ${bad.length === 1 ? 'was' : 'were'} skipped (line ${lines}: ${bad[0].error}). Fix or delete ${bad.length === 1 ? 'it' : 'them'}.`,
    }];
  },
};
