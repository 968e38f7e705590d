// Text and JSON forms of the per-candidate statistics for `mlproject runs` and `mlproject eval`.
import type { BaselineDifference, CandidateStats, RunScope, TargetCheck } from '../../core/runs/candidateStats';
import { formatDelta, formatNumber } from '../../core/runs/format';
import { intervalText, referenceOf, TARGET_WORDS, targetBound } from '../../core/runs/statsWords';
import { UsageError } from '../io';

/** `--sample latest|all` (default latest). */
export function sampleOption(value: string | undefined): RunScope {
  if (value === undefined || value === 'latest') return 'latest';
  if (value === 'all') return 'all';
  throw new UsageError(`--sample must be latest or all, not "${value}"`);
}

function targetText(t: TargetCheck): string {
  const mark = t.status === 'met-confident' || t.status === 'met-on-mean' ? '✓' : '✗';
  return `${mark} ${targetBound(t)} ${TARGET_WORDS[t.status]}`;
}

function sampleText(s: CandidateStats, scope: RunScope): string {
  const what = scope === 'all' ? 'all matching runs' : s.sweepId !== undefined ? `sweep ${s.sweepId}` : 'latest run';
  return s.notCounted > 0 ? `${what}, ${s.notCounted} not counted` : what;
}

function differenceCells(d: BaselineDifference | undefined): [string, string, string] {
  if (!d) return ['', '', ''];
  return [formatDelta(d.diff), d.ci ? intervalText(d.ci, true) : 'no interval', d.verdict ?? ''];
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

/** One row per candidate and metric (candidates without counted runs left out); undefined when there are none. */
export function statsTable(stats: readonly CandidateStats[], scope: RunScope): string | undefined {
  const shown = stats.filter((s) => s.n > 0);
  if (shown.length === 0) return undefined;
  const ref = referenceOf(stats);
  const header = ['candidate', 'n', 'sample', 'metric', 'mean', '95% CI', ref ? `Δ vs ${ref}` : 'Δ vs baseline', '95% CI of Δ', 'verdict', 'target'];
  const rows: string[][] = [];
  for (const s of shown) {
    const diffs = new Map(s.vsBaseline?.metrics.map((d) => [d.metric, d]));
    const targets = new Map(s.targets.map((t) => [t.metric, t]));
    for (const m of s.metrics) {
      const diff = differenceCells(diffs.get(m.metric));
      if (s.candidate === ref) diff[0] = 'baseline';
      const t = targets.get(m.metric);
      rows.push([s.candidate, String(s.n), sampleText(s, scope), m.metric, formatNumber(m.mean), m.ci ? intervalText(m.ci) : `n=${m.n}: no interval`, ...diff, t ? targetText(t) : '']);
    }
    for (const t of s.targets) if (t.status === 'missing') rows.push([s.candidate, String(s.n), sampleText(s, scope), t.metric, '', '', '', '', '', targetText(t)]);
  }
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The statistics of the evaluated candidate in one or two lines, for the `eval` result. */
export function statsLines(s: CandidateStats, scope: RunScope): string {
  if (s.n === 0) return `  ${s.candidate}: no run counts for statistics under the current command and params`;
  const head = `  ${s.candidate}: n=${s.n} (${sampleText(s, scope)})`;
  if (s.n === 1) {
    const hint = scope === 'all' ? '' : '; --sample all counts every matching run';
    return `${head}: no interval from one run${hint}`;
  }
  const diffs = new Map(s.vsBaseline?.metrics.map((d) => [d.metric, d]));
  const targets = new Map(s.targets.map((t) => [t.metric, t]));
  const parts = s.metrics.map((m) => {
    let text = `${m.metric}=${formatNumber(m.mean)}${m.ci ? ` ${intervalText(m.ci)}` : ` (n=${m.n}: no interval)`}`;
    const d = diffs.get(m.metric);
    if (d) text += ` Δ ${formatDelta(d.diff)}${d.ci ? ` ${intervalText(d.ci, true)}` : ' (no interval)'}${d.verdict ? ` ${d.verdict}` : ''}`;
    const t = targets.get(m.metric);
    if (t) text += ` ${targetText(t)}`;
    return text;
  });
  const vs = s.vsBaseline ? ` vs ${s.vsBaseline.baseline} (n=${s.vsBaseline.metrics[0]?.baselineN ?? 0})` : '';
  return `${head}, 95% intervals${vs}:\n    ${parts.join('\n    ')}`;
}

/** The JSON form: the summary with the counted runs' ids in place of the whole records. */
export function statsJson(s: CandidateStats): Record<string, unknown> {
  const { latest, runs, ...rest } = s;
  return { ...rest, runIds: runs.map((r) => r.id), latestRunId: latest?.id ?? null };
}
