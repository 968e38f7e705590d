// The order of the candidate pickers: until the baseline has a successful run, it comes first, because the process
// fits a baseline before anything else; once it has one, the pickers keep their own order.
import type { Candidate } from '../model';

/** `ordered` with every baseline that has no successful run moved to the front (their order kept). */
export function baselineFirst<T extends Pick<Candidate, 'id' | 'baseline'>>(ordered: readonly T[], hasRun: (id: string) => boolean): T[] {
  const waiting = (c: T) => c.baseline === true && typeof c.id === 'string' && !hasRun(c.id);
  return [...ordered.filter(waiting), ...ordered.filter((c) => !waiting(c))];
}
