// The data behind the quick fixes that need a choice: the ranking keys a candidate lacks and the values the schema
// allows for them ("Candidate X has no expected_gain and cost"), and the literature titles closest to a citation
// that names none ("cites … which is not a literature title"). The editor asks; the edits are the core's.
import type { Candidate } from '../model';
import { deref, schemaAt } from '../schema/schemaWalk';
import { editDistance } from '../text/suggest';
import type { FixAction } from '../types';

export const RANKING_KEYS = ['expected_gain', 'cost'] as const;
export type RankingKey = (typeof RANKING_KEYS)[number];

/** The ranking keys a candidate has no value for, in the schema's order. */
export function missingRanking(candidate: Candidate | undefined): RankingKey[] {
  return RANKING_KEYS.filter((k) => !candidate?.[k]);
}

/** The values the schema allows for a ranking key (its enum: low, medium, high). */
export function rankingValues(key: RankingKey): string[] {
  const schema = schemaAt(['candidates', 0, key]);
  return (schema ? deref(schema).enum ?? [] : []).filter((v): v is string => typeof v === 'string');
}

/** Fills in the chosen ranking values on candidate `index`, as one minimal edit of its mapping. */
export function rankCandidateAction(index: number, values: Partial<Record<RankingKey, string>>): FixAction {
  const entries: Record<string, string> = {};
  for (const key of RANKING_KEYS) if (values[key]) entries[key] = values[key]!;
  return { kind: 'setEntries', path: ['candidates', index], entries };
}

/** Every title, the closest to `cited` first (case-insensitive edit distance; ties keep the plan's order). */
export function titlesByCloseness(cited: string, titles: readonly string[]): string[] {
  const c = cited.toLowerCase();
  return [...new Set(titles)]
    .map((title, i) => ({ title, i, d: editDistance(c, title.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((t) => t.title);
}

/** Replaces only the cited value of candidate `index`'s `source` with an existing title. */
export function citeAction(index: number, title: string): FixAction {
  return { kind: 'setScalar', path: ['candidates', index, 'source'], value: title };
}
