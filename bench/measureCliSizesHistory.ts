// Measures what is not an engine on a plan: the CLI's wall time (`node dist/cli.js check examples/genre-tagger`
// against a bare `node -e 0` and against loading the bundle alone), the size of built files and of the newest .vsix,
// and `summariseHistory` over a large generated run history. Also their result interfaces, CliResult and
// HistoryResult.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadSummarise, REPO_ROOT } from './engines';
import { generateHistory } from './generateHistory';
import { generatePlan } from './generatePlan';
import type { MemoryResult } from './measureEngines';
import { QUICK, SEED } from './settings';
import { summarise } from './stats';

export interface CliResult {
  available: boolean;
  note?: string;
  cliMs?: number;
  nodeMs?: number;
  /** start-up plus loading the dispatcher and the check command's bundle (as a plain require, no code cache), no command */
  loadMs?: number;
  exitCode?: number | null;
  n?: number;
}

export function benchCli(): CliResult {
  const cli = path.join(REPO_ROOT, 'dist/cli.js');
  const example = 'examples/genre-tagger';
  if (!existsSync(cli)) return { available: false, note: 'dist/cli.js is not built' };
  if (!existsSync(path.join(REPO_ROOT, example))) return { available: false, note: `${example} does not exist` };
  const n = QUICK ? 3 : 12;
  const cliT: number[] = [];
  const nodeT: number[] = [];
  const loadT: number[] = [];
  let exitCode: number | null = null;
  for (let i = 0; i < n + 2; i++) {
    let t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'check', example], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    const a = performance.now() - t0;
    exitCode = r.status;
    // Only a run that really checked counts: exit 0 or 1 with the summary line, and nothing that looks like a crash.
    const crashed = /^\s+at .+:\d+:\d+\)?$|SyntaxError|Error:/m.test(r.stderr ?? '');
    if ((r.status !== 0 && r.status !== 1) || crashed || !/\d+ errors?, \d+ warnings?/.test(r.stdout ?? '')) {
      const why = (r.stderr || r.stdout || r.error?.message || '').trim().split('\n').filter(Boolean).slice(0, 4).join(' / ');
      return { available: false, note: `dist/cli.js did not complete a check (exit ${r.status}): ${why.slice(0, 300)}` };
    }
    t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { timeout: 30_000 });
    const b = performance.now() - t0;
    // Loading the dispatcher and the check command's bundle without running a command (the dispatcher's main only
    // runs when it is the entry point).
    t0 = performance.now();
    spawnSync(process.execPath, ['-e', `require(${JSON.stringify(cli)}); require(${JSON.stringify(path.join(REPO_ROOT, 'dist/cli/check.js'))})`], { timeout: 30_000 });
    const c = performance.now() - t0;
    if (i >= 2) {
      cliT.push(a);
      nodeT.push(b);
      loadT.push(c);
    }
  }
  return { available: true, cliMs: summarise(cliT).median, nodeMs: summarise(nodeT).median, loadMs: summarise(loadT).median, exitCode, n };
}

export function fileSize(rel: string): number | undefined {
  try {
    return statSync(path.join(REPO_ROOT, rel)).size;
  } catch {
    return undefined;
  }
}

export function newestVsix(): { file: string; size: number } | undefined {
  const found: Array<{ file: string; size: number; mtime: number }> = [];
  for (const dir of ['.', 'dist']) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(REPO_ROOT, dir));
    } catch {
      continue;
    }
    for (const n of names) {
      if (!n.endsWith('.vsix')) continue;
      const st = statSync(path.join(REPO_ROOT, dir, n));
      found.push({ file: path.join(dir, n), size: st.size, mtime: st.mtimeMs });
    }
  }
  found.sort((a, b) => b.mtime - a.mtime);
  return found[0];
}

export interface HistoryResult {
  available: boolean;
  note?: string;
  runs: number;
  ms?: number;
  memory?: MemoryResult;
}

export async function benchHistory(count: number): Promise<HistoryResult> {
  const summariseHistory = loadSummarise();
  if (!summariseHistory.ok) return { available: false, runs: count, note: `history summary not available (${summariseHistory.reason})` };
  const small = generatePlan({ seed: SEED, lines: 200, problems: false });
  const planData = parse(small.text);
  const candidates = (planData.candidates as Array<{ id: string }>).map((c) => c.id);
  const metrics = (planData.goal.success_criteria as Array<{ metric: string }>).map((c) => c.metric);
  const runs = generateHistory(SEED, count, candidates, metrics);
  const samples: number[] = [];
  const n = QUICK ? 3 : 10;
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    summariseHistory.value(runs, planData);
    const ms = performance.now() - t0;
    if (i >= 2) samples.push(ms);
  }
  return { available: true, runs: count, ms: summarise(samples).median };
}
