// Gathers the workspace facts a plan's rules and evidence need, through WorkspaceFs (async, once per change of the
// workspace, not per keystroke): referenced paths, the brief's completeness, the run history, stray eval scripts.
import type { ProjectPlan } from '../model';
import { EVALUATION_SCRIPT_PATTERN, scriptsInCommand } from './evaluationScripts';
import { referencedPaths } from './referencedPaths';
import { historyPath, parseHistory } from '../runs/history';
import { isInsideWorkspace, normaliseRelative } from '../workspace/paths';
import type { WorkspaceFs } from '../workspace/workspaceFs';
import type { BriefFact, WorkspaceFacts } from './facts';

export interface GatherOptions {
  /** reads the brief's completeness; injected so the state module does not depend on the brief module */
  readBrief?: (fs: WorkspaceFs, briefPath: string) => Promise<BriefFact>;
  /** how many evaluation-looking scripts to list at most */
  scriptLimit?: number;
}

/** The workspace paths whose kind the facts record: every referenced path and the scripts the command runs. */
function statedPaths(plan: ProjectPlan): string[] {
  const wanted = new Set<string>(referencedPaths(plan).map((r) => r.path));
  if (plan.evaluation?.command) for (const s of scriptsInCommand(plan.evaluation.command)) wanted.add(s);
  return [...wanted];
}

/**
 * What the facts of a plan depend on, as a string: two plans with the same key have the same facts. Derived from
 * the same look-ups `gatherFacts` makes, so a new path field cannot be forgotten in one of the two places.
 */
export function factsKey(plan: ProjectPlan): string {
  return JSON.stringify([statedPaths(plan), historyPath(plan), plan.project?.brief]);
}

export async function gatherFacts(plan: ProjectPlan, fs: WorkspaceFs, options: GatherOptions = {}): Promise<WorkspaceFacts> {
  const paths = new Map<string, 'file' | 'directory' | 'outside' | undefined>();
  await Promise.all(statedPaths(plan).map(async (p) => {
    paths.set(p, isInsideWorkspace(p) ? await fs.stat(normaliseRelative(p)) : 'outside');
  }));

  const history = historyPath(plan);
  const historyText = isInsideWorkspace(history) ? await fs.readText(history) : undefined;
  const { runs, corrupt } = historyText ? parseHistory(historyText) : { runs: [], corrupt: [] };

  const briefPath = plan.project?.brief;
  const brief = briefPath && options.readBrief && isInsideWorkspace(briefPath)
    ? await options.readBrief(fs, normaliseRelative(briefPath))
    : undefined;

  const evaluationScripts = await fs.findFiles(EVALUATION_SCRIPT_PATTERN, options.scriptLimit ?? 50);
  return { paths, brief, runs, corruptRuns: corrupt, evaluationScripts };
}
