// The runs dashboard's index of a run history, built in one pass: the candidates (the plan's, then any other a run
// names), the successful runs in time order, and per candidate its run count and latest run; per metric how many
// successful runs report it.
import type { ProjectPlan } from '../model';
import { isLater } from './compare';
import type { RunRecord } from './runRecord';

export interface CandidateInfo {
  id: string;
  name?: string;
  baseline: boolean;
  chosen: boolean;
  inPlan: boolean;
}

export interface RunIndex {
  candidates: CandidateInfo[];
  /** successful runs with a readable start time, oldest first (ties by id) */
  ok: { run: RunRecord; t: number }[];
  runCount: Map<string, number>;
  latest: Map<string, RunRecord>;
  metricCount: Map<string, number>;
}

export function candidateInfos(runs: readonly RunRecord[], plan: ProjectPlan): CandidateInfo[] {
  const chosen = plan.decision?.chosen;
  const out = new Map<string, CandidateInfo>();
  for (const c of plan.candidates ?? []) {
    if (typeof c?.id !== 'string' || out.has(c.id)) continue;
    out.set(c.id, { id: c.id, ...(c.name ? { name: c.name } : {}), baseline: c.baseline === true, chosen: c.id === chosen, inPlan: true });
  }
  for (const r of runs) {
    if (!out.has(r.candidate)) out.set(r.candidate, { id: r.candidate, baseline: false, chosen: false, inPlan: false });
  }
  return [...out.values()];
}

/** One pass over the history: successful runs per candidate in time order, metric counts, run counts, latest runs. */
export function indexRuns(runs: readonly RunRecord[], plan: ProjectPlan): RunIndex {
  const ok: { run: RunRecord; t: number }[] = [];
  const runCount = new Map<string, number>();
  const latest = new Map<string, RunRecord>();
  const metricCount = new Map<string, number>();
  for (const r of runs) {
    runCount.set(r.candidate, (runCount.get(r.candidate) ?? 0) + 1);
    const prev = latest.get(r.candidate);
    if (!prev || isLater(r, prev)) latest.set(r.candidate, r);
    if (r.status !== 'ok') continue;
    const t = Date.parse(r.start);
    if (!Number.isFinite(t)) continue;
    ok.push({ run: r, t });
    for (const m in r.metrics) metricCount.set(m, (metricCount.get(m) ?? 0) + 1);
  }
  ok.sort((a, b) => a.t - b.t || (a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0));
  return { candidates: candidateInfos(runs, plan), ok, runCount, latest, metricCount };
}
