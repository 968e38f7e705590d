// The running samples of a candidate's metrics, one Welford accumulator per metric name, fed one run's metrics at a
// time. Kept apart from the statistics' shape (candidateStats.ts) so the one pass over the history (runScope.ts) can
// feed it while each record is at hand.
import { accumulate, newAccumulator, type SampleAccumulator } from '../stats/sample';

export class MetricSamples {
  /** metric name → accumulator, in the order the metrics first appeared */
  private readonly byMetric = new Map<string, SampleAccumulator>();
  // The previous run's metric names and their accumulators, by position. Records of one history mostly report the
  // same metrics in the same order, so the same name at the same position (property names are internalised strings:
  // === is a pointer test) finds its accumulator without a map look-up.
  private readonly shapeKeys: string[] = [];
  private readonly shapeAccs: SampleAccumulator[] = [];

  add(values: Record<string, number>): void {
    let i = 0;
    // `values[metric]` on the very object the loop enumerates is V8's fast for-in load; `run.metrics[metric]` was a
    // megamorphic keyed load.
    for (const metric in values) {
      const acc = this.shapeKeys[i] === metric ? this.shapeAccs[i] : this.remember(i, metric);
      accumulate(acc, values[metric]);
      i++;
    }
  }

  get(metric: string): SampleAccumulator | undefined {
    return this.byMetric.get(metric);
  }

  /** Every metric seen, in the order first seen. */
  entries(): IterableIterator<[string, SampleAccumulator]> {
    return this.byMetric.entries();
  }

  /** The accumulator of `metric` (a new one goes to the end), remembered at position `i` for the next run. */
  private remember(i: number, metric: string): SampleAccumulator {
    let acc = this.byMetric.get(metric);
    if (!acc) this.byMetric.set(metric, (acc = newAccumulator()));
    this.shapeKeys[i] = metric;
    this.shapeAccs[i] = acc;
    return acc;
  }
}

/** The samples of `runs`' metrics, in the runs' order. */
export function samplesOf(runs: ReadonlyArray<{ metrics: Record<string, number> }>): MetricSamples {
  const samples = new MetricSamples();
  for (const r of runs) samples.add(r.metrics);
  return samples;
}
