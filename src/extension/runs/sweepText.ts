// Text of a sweep in the editor: its runs' output lines in one terminal, each prefixed with its run (`[knn#1] …`),
// the progress (`sweep 3/12`) and the message at its end. Pure (no vscode).
import type { ProjectPlan } from '../../core/model';
import type { RunRecord } from '../../core/runs/runRecord';
import type { SweepResult } from '../../core/runs/scheduler';
import { STATUS_TEXT } from './runText';
import { referenceOf } from '../../core/runs/statsWords';
import { meanText, primaryStats, summariesOf } from './statsText';

/** Splits one stream of one run into whole lines, each written with the prefix. */
export class LinePrefixer {
  private partial = '';

  constructor(private readonly prefix: string, private readonly write: (text: string) => void) {}

  push(text: string): void {
    const lines = (this.partial + text).split(/\r?\n/);
    this.partial = lines.pop() ?? '';
    if (lines.length > 0) this.write(lines.map((l) => `${this.prefix}${l}\n`).join(''));
  }

  /** Writes what is left of an unterminated last line. */
  flush(): void {
    if (this.partial.length > 0) this.write(`${this.prefix}${this.partial}\n`);
    this.partial = '';
  }
}

/** `sweep 3/12`: finished runs of all. */
export function sweepProgressText(finished: number, total: number): string {
  return `sweep ${finished}/${total}`;
}

/** `9 of 9 runs succeeded`, with the other statuses counted: `7 of 9 runs succeeded, 2 cancelled`. */
export function sweepOutcomeText(result: Pick<SweepResult, 'records' | 'cancelled'> & { unrecorded: readonly unknown[] }, total: number): string {
  const ok = result.records.filter((r) => r.status === 'ok').length;
  const others = new Map<string, number>();
  for (const r of result.records) if (r.status !== 'ok') others.set(STATUS_TEXT[r.status], (others.get(STATUS_TEXT[r.status]) ?? 0) + 1);
  const parts = [...others].map(([status, n]) => `${n} ${status}`);
  if (result.unrecorded.length > 0) parts.push(`${result.unrecorded.length} not recorded`);
  return `${ok} of ${total} run${total === 1 ? '' : 's'} succeeded${parts.length > 0 ? `, ${parts.join(', ')}` : ''}${result.cancelled ? ' (the sweep was cancelled)' : ''}`;
}

/**
 * The message at a sweep's end: how its runs ended, then per candidate of the sweep the mean of the primary metric
 * ± its interval and the verdict against the baseline, over each candidate's latest sweep in `history`.
 */
export function sweepMessage(
  result: Pick<SweepResult, 'records' | 'cancelled'> & { sweepId?: string; unrecorded: readonly unknown[] },
  total: number,
  history: readonly RunRecord[],
  plan: ProjectPlan,
): string {
  const head = `Sweep${result.sweepId ? ` ${result.sweepId}` : ''} ended: ${sweepOutcomeText(result, total)}.`;
  const candidates = new Set(result.records.map((r) => r.candidate));
  const all = summariesOf(history, plan);
  const reference = referenceOf(all);
  const parts: string[] = [];
  let metric: string | undefined;
  for (const s of all) {
    if (!candidates.has(s.candidate) || s.n === 0) continue;
    const p = primaryStats(s, plan);
    if (!p.stats) continue;
    metric ??= p.metric;
    const verdict = s.candidate === reference ? 'baseline' : p.diff?.verdict;
    parts.push(`${s.candidate} ${meanText(p.stats)}${verdict ? ` ${verdict}` : ''}`);
  }
  return parts.length > 0 && metric ? `${head} ${metric}, mean ± 95% CI: ${parts.join('; ')}.` : head;
}
