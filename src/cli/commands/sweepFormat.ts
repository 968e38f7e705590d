// Text of a sweep on the CLI: output lines prefixed with the run's label while several runs share the terminal,
// and the summary printed at the end.
import type { SweepSummary } from '../../core/runs/sweepSummary';
import { formatNumber } from '../../core/runs/format';

/** Buffers one stream of one run and writes it a whole line at a time, each line prefixed (`[knn#1] ...`). */
export class PrefixedLines {
  private partial = '';

  constructor(private readonly prefix: string, private readonly write: (text: string) => void) {}

  push(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    if (lines.length > 0) this.write(lines.map((l) => `${this.prefix}${l}\n`).join(''));
  }

  /** Writes what is left of an unterminated last line. */
  flush(): void {
    if (this.partial.length > 0) this.write(`${this.prefix}${this.partial}\n`);
    this.partial = '';
  }
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

/** The summary of a sweep: a head line, then per candidate `n ok / n total` and the mean of the primary metric. */
export function sweepSummaryText(summary: SweepSummary, sweepId: string | undefined, cancelled: boolean): string {
  const head = `sweep${sweepId ? ` ${sweepId}` : ''}: ${summary.ok}/${summary.total} runs ok${cancelled ? ' (cancelled)' : ''}`;
  const width = Math.max(0, ...summary.candidates.map((c) => [...c.candidate].length));
  const rows = summary.candidates.map((c) => {
    const mean = summary.metric === undefined
      ? ''
      : c.mean === undefined ? `  ${summary.metric} mean –` : `  ${summary.metric} mean ${formatNumber(c.mean)} (n=${c.n})`;
    return `  ${pad(c.candidate, width)}  ${c.ok}/${c.total} ok${mean}`;
  });
  return [head, ...rows].join('\n');
}
