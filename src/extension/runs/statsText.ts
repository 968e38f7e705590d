// Words for the per-candidate statistics (summarizeCandidates) in the Runs view's grouped rows, their tooltips and the
// status bar: n, the mean of the primary metric (the first success criterion's) ± the half-width of its 95% interval,
// and the verdict against the baseline. Honest: one run has no interval, and its verdict is "within noise". Pure (no
// vscode); the words of targets and intervals are the CLI's and the brief's (core/runs/statsWords.ts).
import { summarizeCandidates, type BaselineDifference, type CandidateStats, type MetricStats, type TargetCheck, type Verdict } from '../../core/runs/candidateStats';
import type { RunRecord } from '../../core/runs/runRecord';
import { criteriaOf } from '../../core/runs/compare';
import { formatDelta, formatNumber } from '../../core/runs/format';
import { intervalText, referenceOf, TARGET_WORDS, targetBound } from '../../core/runs/statsWords';
import type { ProjectPlan } from '../../core/model';

/** What a grouped row's icon shows: the verdict, `baseline` for the reference, `none` when nothing compares. */
export type VerdictKind = Verdict | 'baseline' | 'none';

export interface PrimaryStats {
  metric?: string;
  stats?: MetricStats;
  diff?: BaselineDifference;
  target?: TargetCheck;
}

/** The primary metric (the first success criterion's, else the first the runs report) of a candidate's sample. */
export function primaryStats(s: CandidateStats, plan: ProjectPlan): PrimaryStats {
  const metric = criteriaOf(plan)[0]?.metric ?? s.metrics[0]?.metric;
  if (metric === undefined) return {};
  const stats = s.metrics.find((m) => m.metric === metric);
  const diff = s.vsBaseline?.metrics.find((d) => d.metric === metric);
  const target = s.targets.find((t) => t.metric === metric);
  return { metric, ...(stats ? { stats } : {}), ...(diff ? { diff } : {}), ...(target ? { target } : {}) };
}

/** `0.8561 ± 0.0213`, or `0.8561 (n=1, no interval)`. */
export function meanText(m: MetricStats): string {
  if (!m.ci) return `${formatNumber(m.mean)} (n=${m.n}, no interval)`;
  return `${formatNumber(m.mean)} ± ${formatNumber((m.ci.high - m.ci.low) / 2)}`;
}

export function verdictKind(s: CandidateStats, p: PrimaryStats, reference: string | undefined): VerdictKind {
  if (s.candidate === reference) return 'baseline';
  return p.diff?.verdict ?? 'none';
}

/** A grouped row's description: `n=3 · macro_f1 0.8561 ± 0.0213 · better`. */
export function candidateDescription(s: CandidateStats, plan: ProjectPlan, reference: string | undefined): string {
  if (s.n === 0) return `no run counts for statistics${s.notCounted > 0 ? ` (${s.notCounted} not counted)` : ''}`;
  const p = primaryStats(s, plan);
  const parts = [s.n === 1 ? 'n=1, no interval' : `n=${s.n}`];
  if (p.metric && p.stats) parts.push(`${p.metric} ${s.n === 1 ? formatNumber(p.stats.mean) : meanText(p.stats)}`);
  const kind = verdictKind(s, p, reference);
  if (kind !== 'none') parts.push(kind);
  return parts.join(' · ');
}

/** The verdict in a sentence: `better than logreg on macro_f1: Δ +0.18 [+0.15, +0.21] (n=3 vs 3)`. */
export function verdictSentence(s: CandidateStats, plan: ProjectPlan, reference: string | undefined): string | undefined {
  const p = primaryStats(s, plan);
  if (s.candidate === reference) return `the baseline the others are compared with${p.metric ? ` on ${p.metric}` : ''}`;
  if (!p.diff || !p.metric) return reference ? undefined : 'no baseline run to compare with yet';
  const d = p.diff;
  const interval = d.ci ? ` ${intervalText(d.ci, true)}` : '';
  const counts = `n=${d.n} vs ${d.baselineN}`;
  const what = d.verdict === 'better' ? `better than ${reference}` : d.verdict === 'worse' ? `worse than ${reference}` : `within noise of ${reference}`;
  const why = !d.ci && d.verdict === 'within noise' ? '; one run cannot show how large the noise is' : '';
  return `${what} on ${p.metric}: Δ ${formatDelta(d.diff)}${interval} (${counts}${why})`;
}

/** Tooltip lines of a grouped row: the sample, each metric's mean and interval, the verdict, the targets. */
export function candidateDetails(s: CandidateStats, plan: ProjectPlan, reference: string | undefined): string[] {
  if (s.n === 0) return [`No run of ${s.candidate} counts: statistics use successful runs of the current evaluation.command and params.`];
  const sample = s.sweepId !== undefined ? `the latest sweep, ${s.sweepId}` : 'the latest run';
  const lines = [`${s.n} run${s.n === 1 ? '' : 's'} counted (${sample})${s.notCounted > 0 ? `, ${s.notCounted} not counted` : ''}.`];
  for (const m of s.metrics) {
    lines.push(`${m.metric}: mean ${formatNumber(m.mean)}, ${m.ci ? `95% CI ${intervalText(m.ci)}` : `n=${m.n}, no interval`}`);
  }
  const verdict = verdictSentence(s, plan, reference);
  if (verdict) lines.push(`Verdict: ${verdict}.`);
  for (const t of s.targets) lines.push(`Target ${t.metric} ${targetBound(t)}: ${TARGET_WORDS[t.status]}.`);
  return lines;
}

/** The summaries of a history, computed once per history array and plan (the status bar asks on every keystroke). */
const memo = new WeakMap<readonly RunRecord[], { key: string; stats: CandidateStats[] }>();
export function summariesOf(runs: readonly RunRecord[], plan: ProjectPlan): CandidateStats[] {
  const key = JSON.stringify([plan.candidates, plan.goal?.success_criteria, plan.evaluation?.command]);
  const hit = memo.get(runs);
  if (hit && hit.key === key) return hit.stats;
  const stats = summarizeCandidates(runs, plan, { scope: 'latest' });
  memo.set(runs, { key, stats });
  return stats;
}

/**
 * How a candidate compares with the baseline on the primary metric, in words: `better`, `worse`, `within noise`,
 * and a sentence saying it with the numbers; undefined for the baseline itself or when nothing compares.
 */
export function latestVerdictWords(runs: readonly RunRecord[], plan: ProjectPlan, candidate: string): { verdict: Verdict; sentence: string } | undefined {
  const all = summariesOf(runs, plan);
  const reference = referenceOf(all);
  const s = all.find((x) => x.candidate === candidate);
  if (!s || s.candidate === reference) return undefined;
  const verdict = primaryStats(s, plan).diff?.verdict;
  const sentence = verdictSentence(s, plan, reference);
  return verdict && sentence ? { verdict, sentence } : undefined;
}
