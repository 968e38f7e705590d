// Ranks candidate models by expected gain per cost, the order in which the Develop phase should consider them.
// Levels count high/medium/low as 3/2/1; the score is gain / cost; equal scores are ordered by risk (lower first,
// an unknown risk after a known one), then by their order in the plan. Candidates without both an expected gain
// and a cost are not scored and come last. Equal score and risk share a rank ("1, 1, 3"), so "better ranked"
// always means strictly better.
import type { Candidate, Level } from '../model';

const LEVEL_VALUE: Record<Level, number> = { low: 1, medium: 2, high: 3 };

export interface RankedCandidate {
  candidate: Candidate;
  /** expected gain / cost, undefined when either is missing */
  score?: number;
  /** 1-based rank among the scored candidates, undefined when unscored */
  rank?: number;
}

/** 1, 2 or 3 for low, medium, high; undefined for anything else. */
export function levelValue(level: unknown): number | undefined {
  return typeof level === 'string' && level in LEVEL_VALUE ? LEVEL_VALUE[level as Level] : undefined;
}

/** Negative when `a` ranks before `b`, 0 when they tie. Both must be scored. */
function compareScored(a: Candidate, b: Candidate): number {
  const ga = levelValue(a.expected_gain)!;
  const ca = levelValue(a.cost)!;
  const gb = levelValue(b.expected_gain)!;
  const cb = levelValue(b.cost)!;
  // ga/ca vs gb/cb without floating point: compare ga*cb with gb*ca
  const byScore = gb * ca - ga * cb;
  if (byScore !== 0) return byScore;
  return (levelValue(a.risk) ?? 4) - (levelValue(b.risk) ?? 4);
}

/** The candidates, best first; unscored ones last in plan order. */
export function rankCandidates(candidates: readonly Candidate[]): RankedCandidate[] {
  const scored: Candidate[] = [];
  const unscored: Candidate[] = [];
  for (const c of candidates) {
    if (levelValue(c.expected_gain) !== undefined && levelValue(c.cost) !== undefined) scored.push(c);
    else unscored.push(c);
  }
  const sorted = scored
    .map((c, i) => ({ c, i }))
    .sort((x, y) => compareScored(x.c, y.c) || x.i - y.i)
    .map((x) => x.c);
  const out: RankedCandidate[] = [];
  sorted.forEach((c, i) => {
    const prev = out[i - 1];
    const rank = prev && compareScored(prev.candidate, c) === 0 ? prev.rank : i + 1;
    out.push({ candidate: c, score: levelValue(c.expected_gain)! / levelValue(c.cost)!, rank });
  });
  for (const c of unscored) out.push({ candidate: c });
  return out;
}

/**
 * The scored candidates that rank strictly better than the one with id `chosenId` (best first). Empty when the
 * chosen candidate is the best, is unknown, or is not scored (then nothing can be said against it).
 */
export function betterRankedThan(candidates: readonly Candidate[], chosenId: string): Candidate[] {
  const ranked = rankCandidates(candidates);
  const chosen = ranked.find((r) => r.candidate.id === chosenId);
  if (!chosen || chosen.rank === undefined) return [];
  return ranked.filter((r) => r.rank !== undefined && r.rank < chosen.rank!).map((r) => r.candidate);
}
