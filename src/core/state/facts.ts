// What the rules and the evidence need to know about the workspace beyond the plan text: which referenced paths
// exist, the brief's completeness, the run history and stray evaluation scripts. Gathered once (async, through
// WorkspaceFs) and reused across re-checks of the same text, so a keystroke only pays for parsing and rules.
import type { Diagnostic } from '../types';
import type { EntryKind } from '../workspace/workspaceFs';
import type { RunRecord } from '../runs/runRecord';

/** The brief's completeness, as far as rules and evidence need it (see brief/completeness.ts). */
export interface BriefFact {
  path: string;
  exists: boolean;
  filledCount: number;
  requiredCount: number;
  sections: { id: string; heading: string; present: boolean; filled: boolean }[];
  diagnostics: Diagnostic[];
}

export interface WorkspaceFacts {
  /** Kind of each workspace-relative path the plan references; 'outside' when it leaves the workspace. */
  paths: Map<string, EntryKind | 'outside' | undefined>;
  brief?: BriefFact;
  /** The run history, oldest first (readable lines only). */
  runs: RunRecord[];
  /** Lines of the run history that could not be read. */
  corruptRuns: { line: number; error: string }[];
  /** Workspace files that look like evaluation scripts (eval*.py, evaluate.sh, ...). */
  evaluationScripts: string[];
}

export function emptyFacts(): WorkspaceFacts {
  return { paths: new Map(), runs: [], corruptRuns: [], evaluationScripts: [] };
}
