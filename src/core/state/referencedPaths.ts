// Every workspace path the plan names: the facts stat them, the file rules judge them.
import type { ProjectPlan } from '../model';
import { PHASES } from '../model';
import type { YamlPath } from '../yamlPath';
import { indexed } from './indexed';

export interface ReferencedPath {
  path: string;
  at: YamlPath;
  what: string;
}

/** Every workspace path the plan names, with where it is written. */
export function referencedPaths(plan: ProjectPlan): ReferencedPath[] {
  const out: ReferencedPath[] = [];
  const add = (p: string | undefined, at: YamlPath, what: string): void => {
    if (typeof p === 'string' && p.length > 0) out.push({ path: p, at, what });
  };
  add(plan.project?.brief, ['project', 'brief'], 'brief');
  add(plan.evaluation?.dataset, ['evaluation', 'dataset'], 'dataset');
  add(plan.evaluation?.history, ['evaluation', 'history'], 'run history');
  add(plan.decision?.record, ['decision', 'record'], 'decision record');
  for (const [s, i] of indexed(plan.data?.sources)) add(s.path, ['data', 'sources', i, 'path'], 'data source');
  for (const phase of PHASES) {
    for (const [id, v] of Object.entries(plan.checklist?.[phase] ?? {})) {
      if (v && typeof v === 'object') add(v.evidence, ['checklist', phase, id, 'evidence'], 'evidence');
    }
  }
  return out;
}
