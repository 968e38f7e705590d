// The runs dashboard's table: the best run per candidate, by the first success criterion's metric (direction-aware,
// ties: the later run); a candidate whose successful runs never report that metric (or a plan without criteria):
// its latest successful run.
import type { Direction, ProjectPlan } from '../model';
import { checkCriteria, criteriaOf, type CriterionCheck } from './compare';
import type { RunIndex } from './dashboardIndex';
import type { RunRecord, RunStatus } from './runRecord';

export interface BestRow {
  candidate: string;
  name?: string;
  baseline: boolean;
  chosen: boolean;
  runCount: number;
  /** the metric the best run was picked by */
  by?: string;
  /** the best successful run: by the first success criterion (direction-aware), else the latest successful run */
  best?: { id: string; start: string; note?: string; metrics: Record<string, number> };
  criteria: CriterionCheck[];
  targetsMet: boolean;
  latestStatus?: RunStatus;
}

function better(value: number, than: number, direction: Direction): boolean {
  return direction === 'minimize' ? value < than : value > than;
}

export function bestRows(index: RunIndex, plan: ProjectPlan): BestRow[] {
  const { candidates, ok, runCount, latest } = index;
  const criteria = criteriaOf(plan);
  const by = criteria[0]?.metric;
  const dir = criteria[0]?.direction ?? 'maximize';
  const bestRun = new Map<string, RunRecord>();
  const latestOk = new Map<string, RunRecord>();
  for (const { run } of ok) {
    latestOk.set(run.candidate, run); // `ok` is in time order
    if (!by) continue;
    const v = run.metrics[by];
    if (typeof v !== 'number') continue;
    const cur = bestRun.get(run.candidate);
    if (!cur || !better(cur.metrics[by], v, dir)) bestRun.set(run.candidate, run);
  }
  for (const [id, run] of latestOk) if (!bestRun.has(id)) bestRun.set(id, run);
  return candidates.map((info): BestRow => {
    const run = bestRun.get(info.id);
    const checks = run ? checkCriteria(run.metrics, plan) : [];
    return {
      candidate: info.id,
      ...(info.name ? { name: info.name } : {}),
      baseline: info.baseline,
      chosen: info.chosen,
      runCount: runCount.get(info.id) ?? 0,
      ...(by ? { by } : {}),
      ...(run ? { best: { id: run.id, start: run.start, ...(run.note ? { note: run.note } : {}), metrics: { ...run.metrics } } } : {}),
      criteria: checks,
      targetsMet: checks.length > 0 && checks.every((x) => x.status === 'pass'),
      ...(latest.get(info.id) ? { latestStatus: latest.get(info.id)!.status } : {}),
    };
  });
}
