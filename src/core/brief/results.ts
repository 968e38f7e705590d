// The brief's results (after the candidates table, in the candidates block): per candidate and success criterion,
// the statistics of the runs that count (summarizeCandidates, over each candidate's latest sweep): n, the mean with its 95% interval, the difference from
// the baseline with its interval, the verdict (better / worse / within noise) and the target. One run has no
// interval and says so. Dates are absolute (the day of each candidate's latest counted run), so the block changes
// only when the runs do.
import type { ProjectPlan } from '../model';
import { summarizeCandidates, type CandidateStats } from '../runs/candidateStats';
import { criteriaOf } from '../runs/compare';
import { formatDelta, formatNumber } from '../runs/format';
import { checkRunRecord, type RunRecord } from '../runs/runRecord';
import { intervalText, referenceOf, TARGET_WORDS, targetBound } from '../runs/statsWords';
import { cell, code, table } from './markdownText';
import type { RunSummary } from './runs';

/** Only whole history records count (the statistics need the command, params and sweep of each run). */
function records(runs: readonly RunSummary[]): RunRecord[] {
  return runs.filter((r): r is RunRecord => checkRunRecord(r) === undefined);
}

/** The metrics a candidate's rows show: the criteria's, else the first metric its runs report. */
function shownMetrics(plan: ProjectPlan, stats: readonly CandidateStats[]): string[] {
  const criteria = [...new Set(criteriaOf(plan).map((c) => c.metric))];
  if (criteria.length > 0) return criteria;
  const first = stats.find((s) => s.metrics.length > 0)?.metrics[0]?.metric;
  return first ? [first] : [];
}

/** The block's lines, or undefined when no run of the history counts. */
export function resultsBlock(plan: ProjectPlan, runs: readonly RunSummary[] | undefined): string[] | undefined {
  const all = summarizeCandidates(records(runs ?? []), plan, { scope: 'latest' });
  const shown = all.filter((s) => s.n > 0);
  if (shown.length === 0) return undefined;
  // The baseline the differences are taken from, and also the lone baseline when no other candidate has a run yet.
  const reference = referenceOf(all);
  const metrics = shownMetrics(plan, shown);
  const rows: string[][] = [];
  for (const s of shown) {
    const day = s.latest?.start.slice(0, 10) ?? '—';
    for (const metric of metrics) {
      const m = s.metrics.find((x) => x.metric === metric);
      const d = s.vsBaseline?.metrics.find((x) => x.metric === metric);
      const t = s.targets.find((x) => x.metric === metric);
      const mean = !m ? '—' : m.ci ? `${formatNumber(m.mean)} ${intervalText(m.ci)}` : `${formatNumber(m.mean)} (n=${m.n}, no interval)`;
      const diff = s.candidate === reference ? 'baseline' : !d ? '—' : `${formatDelta(d.diff)} ${d.ci ? intervalText(d.ci, true) : '(no interval)'}`;
      const verdict = s.candidate === reference ? '—' : d?.verdict ?? '—';
      const target = t ? `${targetBound(t)}: ${TARGET_WORDS[t.status]}` : '—';
      rows.push([code(s.candidate), String(s.n), cell(metric), mean, diff, verdict, target, day]);
    }
  }
  const vs = reference ? `Δ vs ${code(reference)} [95% CI]` : 'Δ vs baseline [95% CI]';
  return [
    `**Results:** the runs that count (successful, current \`evaluation.command\` and params), over each candidate's latest sweep. ` +
      '"within noise" means the interval of the difference contains 0, or one side has a single run.',
    '',
    ...table(['Candidate', 'n', 'Metric', 'Mean [95% CI]', vs, 'Verdict', 'Target', 'Latest run'], rows),
  ];
}
