// What a sweep runs: which candidates (all of them with the baseline first, a list, or the default one), how many
// times each (`evaluation.repeats` or --repeat, seeds 0…N−1) and how many at once (`evaluation.parallel` or
// --parallel). A sweep of more than one run gets a sweep id, recorded on each of its runs as `sweepId`.
import { randomBytes } from 'crypto';
import type { ProjectPlan } from '../model';
import { chooseCandidate, RunSetupError } from './prepare';
import { newRunId } from './runRecord';

/** One run of a sweep, before it is prepared. */
export interface SweepItem {
  /** position in the sweep, 0-based; runs start in this order */
  index: number;
  candidate: string;
  seed: number;
  /** how the run is named in output and progress: `knn#1` (candidate#seed), or `knn` when each candidate runs once */
  label: string;
}

export interface SweepSpec {
  /** set when the sweep has more than one run */
  sweepId?: string;
  items: SweepItem[];
  /** runs per candidate */
  repeats: number;
  /** most runs at the same time */
  parallel: number;
}

export interface SweepRequest {
  /** every candidate of the plan, baselines first (then plan order) */
  all?: boolean;
  /** these candidates, in this order; default (and without `all`): decision.chosen */
  candidates?: string[];
  /** overrides `evaluation.repeats` */
  repeats?: number;
  /** overrides `evaluation.parallel` */
  parallel?: number;
  now?: Date;
}

function positiveSetting(value: unknown, field: string): number {
  if (value === undefined || value === null) return 1;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RunSetupError(`${field}: ${JSON.stringify(value)} is not a whole number of at least 1`);
  }
  return value;
}

/** The plan's candidates, baselines first, then the others, each group in plan order. */
export function allCandidates(plan: ProjectPlan): string[] {
  const list = (plan.candidates ?? []).filter((c) => typeof c?.id === 'string' && c.id.length > 0);
  const ids = [...list.filter((c) => c.baseline === true), ...list.filter((c) => c.baseline !== true)].map((c) => c.id as string);
  return [...new Set(ids)];
}

/** A new sweep id, `sweep-YYYYMMDD-HHMMSS-xxxx`: sorts by start time like run ids. */
export function newSweepId(now: Date = new Date()): string {
  return `sweep-${newRunId(now, () => randomBytes(2).toString('hex'))}`;
}

/** Works out the runs of a sweep. Throws RunSetupError (naming the choices) for an unknown candidate or a bad setting. */
export function planSweep(plan: ProjectPlan, request: SweepRequest = {}): SweepSpec {
  const repeats = positiveSetting(request.repeats ?? plan.evaluation?.repeats, request.repeats !== undefined ? 'repeats' : 'evaluation.repeats');
  const parallel = positiveSetting(request.parallel ?? plan.evaluation?.parallel, request.parallel !== undefined ? 'parallel' : 'evaluation.parallel');
  let candidates: string[];
  if (request.all) {
    if (request.candidates && request.candidates.length > 0) throw new RunSetupError('choose either all candidates or a list of candidates, not both');
    candidates = allCandidates(plan);
    if (candidates.length === 0) chooseCandidate(plan, undefined); // throws the "no candidates" message
  } else if (request.candidates && request.candidates.length > 0) {
    candidates = [...new Set(request.candidates.map((c) => chooseCandidate(plan, c)))];
  } else {
    candidates = [chooseCandidate(plan, undefined)];
  }
  const items: SweepItem[] = [];
  for (const candidate of candidates) {
    for (let seed = 0; seed < repeats; seed++) {
      items.push({ index: items.length, candidate, seed, label: repeats > 1 ? `${candidate}#${seed}` : candidate });
    }
  }
  return { ...(items.length > 1 ? { sweepId: newSweepId(request.now) } : {}), items, repeats, parallel };
}
