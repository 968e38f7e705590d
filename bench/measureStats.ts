// Measures `summarizeCandidates` (src/core/runs/candidateStats.ts) over a generated 100,000-run history in which
// every run was made by the plan's current command and params, so every ok run is a candidate for the statistics:
// the default scope (each candidate's latest sweep, sweeps of 50 runs) and the worst case, `scope: 'all'`.
// Part of `npm run bench`; runs alone with `node --import tsx bench/measureStats.ts [--quick]`.
import { loadavg } from 'node:os';
import { parse } from 'yaml';
import { summarizeCandidates } from '../src/core/runs/candidateStats';
import { summariseHistory } from '../src/core/runs/compare';
import { parseHistory } from '../src/core/runs/history';
import type { RunRecord } from '../src/core/runs/runRecord';
import { substituteCommand } from '../src/core/runs/substitute';
import { generateHistory } from './generateHistory';
import { generatePlan } from './generatePlan';
import { QUICK, SEED } from './settings';
import { fmtMs, summarise } from './stats';

export interface StatsResult {
  runs: number;
  /** median ms, default scope (latest sweep) */
  latestMs: number;
  /** median ms, every counted run */
  allMs: number;
  samples: number;
}

const COMMAND = 'python3 eval.py --model ${candidate} --out ${metricsFile}';
const ROOT = '/home/dana/project';

/** The generated history, made to match the plan's command and params, in sweeps of 50 runs. */
function matchingHistory(count: number) {
  const planData = parse(generatePlan({ seed: SEED, lines: 200, problems: false }).text);
  planData.evaluation = { ...(planData.evaluation ?? {}), command: COMMAND };
  const candidates = planData.candidates as Array<{ id: string; params?: RunRecord['params'] }>;
  const metrics = (planData.goal.success_criteria as Array<{ metric: string }>).map((c) => c.metric);
  const params = new Map(candidates.map((c) => [c.id, c.params]));
  const runs = generateHistory(SEED, count, candidates.map((c) => c.id), metrics).map((r, i): RunRecord => {
    const runDir = `${ROOT}/.mlproject/runs/${r.id}`;
    const command = substituteCommand(COMMAND, { candidate: r.candidate, runId: r.id, runDir, metricsFile: `${runDir}/metrics.json`, workspaceFolder: ROOT, seed: String(i % 3) }, {});
    const p = params.get(r.candidate);
    const { params: _drop, ...rest } = r;
    return { ...rest, command, ...(p ? { params: p } : {}), sweepId: `sweep-${Math.floor(i / 50)}` };
  });
  // Through the history file's own reader, as the editor and the CLI get them: records made by JSON.parse share a
  // few hidden classes, where the spread copies above are each laid out on their own (three times slower to read).
  const history = parseHistory(runs.map((r) => JSON.stringify(r)).join('\n') + '\n');
  if (history.corrupt.length > 0) throw new Error(`generated history has corrupt lines: ${history.corrupt[0].error}`);
  return { runs: history.runs, plan: planData };
}

export function benchStats(count: number): StatsResult {
  const { runs, plan } = matchingHistory(count);
  const n = QUICK ? 3 : 10;
  const latest: number[] = [];
  const all: number[] = [];
  let counted = 0;
  for (let i = 0; i < n + 2; i++) {
    let t0 = performance.now();
    summarizeCandidates(runs, plan);
    const a = performance.now() - t0;
    t0 = performance.now();
    const s = summarizeCandidates(runs, plan, { scope: 'all' });
    const b = performance.now() - t0;
    counted = s.reduce((sum, c) => sum + c.n, 0);
    if (i >= 2) {
      latest.push(a);
      all.push(b);
    }
  }
  if (counted < count * 0.9) throw new Error(`only ${counted} of ${count} runs counted: the generated history does not match the plan`);
  return { runs: count, latestMs: summarise(latest).median, allMs: summarise(all).median, samples: n };
}

if (require.main === module) {
  // Alone, with summariseHistory on the same history as a yardstick for how loaded the machine is.
  const r = benchStats(100_000);
  const { runs, plan } = matchingHistory(100_000);
  const yard: number[] = [];
  for (let i = 0; i < r.samples + 2; i++) {
    const t0 = performance.now();
    summariseHistory(runs, plan);
    if (i >= 2) yard.push(performance.now() - t0);
  }
  process.stdout.write(`summarizeCandidates(${r.runs.toLocaleString('en')} runs): all runs ${fmtMs(r.allMs)}, latest sweep ${fmtMs(r.latestMs)}; summariseHistory ${fmtMs(summarise(yard).median)} (medians of ${r.samples}; load average ${loadavg()[0].toFixed(1)})\n`);
}
