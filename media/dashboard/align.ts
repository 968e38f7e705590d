// The candidates' series of one chart over time laid out on a single x column, as uPlot draws them (pure; no DOM, no
// uPlot, so the unit tests run it in Node).
import type { MetricChart } from '../../src/core/runs/dashboardData';

export type Column = (number | null | undefined)[];

export interface Aligned {
  /** uPlot's columns: x (run order), then one per candidate series, then the target and baseline lines */
  data: Column[];
  /** the run id of each candidate point, by series (0 = the first candidate) and x index */
  ids: (string | undefined)[][];
  /** the start time (ms since the epoch) of the run at each x index; undefined at the padding */
  times: (number | undefined)[];
}

/** room on each side of the first and last run, in runs, so the reference lines span the plot even with one run */
export const X_PAD = 0.5;

/**
 * Aligns the candidates' series on one x column (run order: every run has its own x) as uPlot wants it. A series
 * has `undefined` where another series has a point (uPlot spans those). The target column is empty when the
 * target is off the scale (the chart draws a marker instead).
 */
export function align(c: MetricChart): Aligned {
  const events: { x: number; s: number; v: number; id: string; t: number }[] = [];
  c.series.forEach((series, s) => {
    for (const p of series.points) events.push({ x: p.x, s, v: p.v, id: p.id, t: p.t });
  });
  events.sort((a, b) => a.x - b.x || a.s - b.s);
  const x: number[] = [c.xMin - X_PAD];
  const times: (number | undefined)[] = [undefined];
  const ys: Column[] = c.series.map(() => [undefined]);
  const ids: (string | undefined)[][] = c.series.map(() => [undefined]);
  for (const e of events) {
    if (x[x.length - 1] !== e.x) {
      x.push(e.x);
      times.push(e.t);
      for (const col of ys) col.push(undefined);
      for (const col of ids) col.push(undefined);
    }
    ys[e.s][x.length - 1] = e.v;
    ids[e.s][x.length - 1] = e.id;
  }
  x.push(c.xMax + X_PAD);
  times.push(undefined);
  for (const col of ys) col.push(undefined);
  for (const col of ids) col.push(undefined);
  const line = (v: number | undefined): Column => x.map(() => v);
  const data: Column[] = [x, ...ys];
  if (c.target !== undefined) data.push(line(c.axis.target === 'in' ? c.target : undefined));
  if (c.baselineValue !== undefined) data.push(line(c.baselineValue));
  return { data, ids, times };
}
