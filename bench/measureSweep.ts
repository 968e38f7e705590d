// A local sweep through the bundled CLI: 12 runs of a 1-second script with `parallel: 2`, in a temporary workspace.
// The ideal wall time is 12 × 1 s ÷ 2 = 6 s; the figure is the CLI's wall time (start to exit) ÷ 6 s, so it includes
// starting node, preparing the runs, the shell of each run and recording each run in the history.
//   node --import tsx bench/measureSweep.ts      (alone; needs dist/cli.js: node scripts/build.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './engines';

export const SWEEP_RUNS = 12;
export const SWEEP_PARALLEL = 2;
export const SWEEP_RUN_SECONDS = 1;

export interface SweepBenchResult {
  available: boolean;
  note?: string;
  wallMs?: number;
  idealMs: number;
  /** from the first run's start to the last run's end, as recorded in the history */
  spanMs?: number;
  exitCode?: number | null;
}

export function benchSweep(): SweepBenchResult {
  const idealMs = (SWEEP_RUNS * SWEEP_RUN_SECONDS * 1000) / SWEEP_PARALLEL;
  const cli = path.join(REPO_ROOT, 'dist/cli.js');
  if (!existsSync(cli)) return { available: false, idealMs, note: 'dist/cli.js is not built' };
  const ws = mkdtempSync(path.join(tmpdir(), 'mlp-bench-sweep-'));
  try {
    writeFileSync(path.join(ws, 'job.sh'), `sleep ${SWEEP_RUN_SECONDS}\necho '{"score": 1}' > "$MLPROJECT_METRICS_FILE"\n`);
    writeFileSync(path.join(ws, '.mlproject.yaml'), `candidates: [{ id: job }]\ndecision: { chosen: job }\nevaluation:\n  command: sh job.sh \${seed}\n  parallel: ${SWEEP_PARALLEL}\n`);
    const started = performance.now();
    const r = spawnSync(process.execPath, [cli, 'eval', '--repeat', String(SWEEP_RUNS)], { cwd: ws, encoding: 'utf8', env: { PATH: process.env.PATH } });
    const wallMs = performance.now() - started;
    const runs = readFileSync(path.join(ws, '.mlproject/runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { start: string; end: string; status: string });
    const ok = runs.filter((x) => x.status === 'ok').length;
    if (r.status !== 0 || ok !== SWEEP_RUNS) return { available: false, idealMs, note: `the sweep did not succeed (exit ${r.status}, ${ok}/${SWEEP_RUNS} ok): ${r.stderr.slice(-200)}` };
    const spanMs = Math.max(...runs.map((x) => Date.parse(x.end))) - Math.min(...runs.map((x) => Date.parse(x.start)));
    return { available: true, wallMs, idealMs, spanMs, exitCode: r.status };
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const r = benchSweep();
  if (!r.available) {
    process.stderr.write(`sweep bench not available: ${r.note}\n`);
    process.exit(1);
  }
  process.stdout.write(`local sweep, ${SWEEP_RUNS} runs of a ${SWEEP_RUN_SECONDS}-second script, parallel ${SWEEP_PARALLEL}: wall ${(r.wallMs! / 1000).toFixed(2)} s ÷ ideal ${(r.idealMs / 1000).toFixed(0)} s = ${(r.wallMs! / r.idealMs).toFixed(3)}× (runs span ${(r.spanMs! / 1000).toFixed(2)} s)\n`);
}
