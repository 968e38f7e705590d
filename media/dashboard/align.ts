// The candidates' series of one chart laid out on a single x column, as uPlot draws them (pure; no DOM, no uPlot,
// so the unit tests run it in Node).
import type { MetricChart } from '../../src/core/runs/dashboardData';

export type Column = (number | null | undefined)[];

export interface Aligned {
  /** uPlot's columns: x (ms since the epoch), then one per candidate series, then the target and baseline lines */
  data: Column[];
  /** the run id of each candidate point, by series (0 = the first candidate) and x index */
  ids: (string | undefined)[][];
}

/**
 * Aligns the candidates' series on one x column as uPlot wants it. A series has `undefined` where another series
 * has a point (uPlot spans those); runs of one candidate at the same instant get separate x slots. The x column is
 * padded on both sides so that the target and baseline lines span the whole plot even with a single run.
 */
export function align(c: MetricChart): Aligned {
  const events: { t: number; s: number; v: number; id: string }[] = [];
  c.series.forEach((series, s) => {
    for (const p of series.points) events.push({ t: p.t, s, v: p.v, id: p.id });
  });
  events.sort((a, b) => a.t - b.t || a.s - b.s);
  const span = c.tMax - c.tMin;
  const pad = span < 60_000 ? 3_600_000 : span * 0.03;
  const x: number[] = [c.tMin - pad];
  const ys: Column[] = c.series.map(() => [undefined]);
  const ids: (string | undefined)[][] = c.series.map(() => [undefined]);
  for (let i = 0; i < events.length; ) {
    let j = i;
    while (j < events.length && events[j].t === events[i].t) j++;
    const used = new Map<number, number>(); // series → slots used at this instant
    const base = x.length;
    for (let k = i; k < j; k++) {
      const e = events[k];
      const slot = used.get(e.s) ?? 0;
      used.set(e.s, slot + 1);
      while (x.length <= base + slot) {
        x.push(e.t);
        for (const col of ys) col.push(undefined);
        for (const col of ids) col.push(undefined);
      }
      ys[e.s][base + slot] = e.v;
      ids[e.s][base + slot] = e.id;
    }
    i = j;
  }
  x.push(c.tMax + pad);
  for (const col of ys) col.push(undefined);
  for (const col of ids) col.push(undefined);
  const line = (v: number | undefined): Column => x.map(() => v);
  const data: Column[] = [x, ...ys];
  if (c.target !== undefined) data.push(line(c.target));
  if (c.baselineValue !== undefined) data.push(line(c.baselineValue));
  return { data, ids };
}
