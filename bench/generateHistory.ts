// A deterministic run history for the "summarise 100,000 runs" benchmark: run records in the format of
// src/core/runs/runRecord.ts, for the candidates and success-criteria metrics of a plan.
import type { RunRecord } from '../src/core/runs/runRecord';
import { createRng } from './prng';

export function generateHistory(seed: number, count: number, candidates: string[], metrics: string[]): RunRecord[] {
  const rng = createRng(seed);
  const runs: RunRecord[] = [];
  let t = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    t += rng.int(30, 3600) * 1000;
    const start = new Date(t);
    const durationMs = rng.int(5_000, 1_800_000);
    const end = new Date(t + durationMs);
    const candidate = candidates[i % 7 === 0 ? 0 : rng.int(0, candidates.length - 1)];
    const failed = rng.chance(0.05);
    const m: Record<string, number> = {};
    if (!failed) for (const name of metrics) m[name] = Math.round(rng.next() * 1e4) / 1e4;
    const iso = start.toISOString();
    runs.push({
      id: `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${(i & 0xffffff).toString(16).padStart(6, '0')}`,
      candidate,
      note: rng.chance(0.3) ? `try ${rng.pick(['lower lr', 'more layers', 'augment', 'bigger batch', 'dropout 0.3'])}` : undefined,
      start: iso,
      end: end.toISOString(),
      durationMs,
      exitCode: failed ? 1 : 0,
      status: failed ? 'failed' : 'ok',
      command: `python3 eval.py --model ${candidate} --out .mlproject/runs/${i}/metrics.json`,
      git: { commit: (0x1000000 + i).toString(16).padStart(40, 'a'), dirty: rng.chance(0.2) },
      metrics: m,
      params: { learning_rate: rng.int(1, 50) / 10000, layers: rng.int(1, 24) },
      source: rng.chance(0.5) ? 'editor' : 'cli',
    });
  }
  return runs;
}
