// The end of every run, from the CLI or the editor: read the git state and the metrics file, append the record to
// the run history, return it. A failed run is recorded too; a run whose command succeeded but whose metrics file is
// missing or malformed is recorded with status `metrics-error` and the error text.
import * as path from 'path';
import { appendRun } from './history';
import { readGitState } from './git';
import { MetricsError, readMetrics } from './metrics';
import type { PreparedRun } from './prepare';
import type { RunRecord, RunStatus } from './runRecord';

/** How the command ended, from executeRun or from the editor's task. */
export interface FinishedCommand {
  start: Date;
  end: Date;
  exitCode: number | null;
  status: 'ok' | 'failed' | 'cancelled' | 'timeout';
  error?: string;
}

export interface FinishOptions {
  /** read git state (default true) */
  git?: boolean;
}

function relativeIfInside(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

/** Builds the run record of a finished command and appends it to the history. */
export async function finishRun(prepared: PreparedRun, outcome: FinishedCommand, options: FinishOptions = {}): Promise<RunRecord> {
  const record = await buildRunRecord(prepared, outcome, options);
  await appendRun(prepared.historyFile, record);
  return record;
}

/** The run record of a finished command (git state, metrics, status), not yet appended anywhere. */
export async function buildRunRecord(prepared: PreparedRun, outcome: FinishedCommand, options: FinishOptions = {}): Promise<RunRecord> {
  const ignore = [prepared.historyFile, prepared.metricsFile]
    .map((p) => relativeIfInside(prepared.root, p))
    .filter((p): p is string => p !== undefined);
  const git = options.git === false ? undefined : await readGitState(prepared.root, ignore);

  let status: RunStatus = outcome.status;
  let error = outcome.error;
  let metrics: Record<string, number> = {};
  try {
    metrics = await readMetrics(prepared.metricsFile);
  } catch (e) {
    if (!(e instanceof MetricsError)) throw e;
    if (outcome.status === 'ok') {
      status = 'metrics-error';
      error = e.message;
    } // a run that failed, timed out or was cancelled often writes no metrics: its own error says why
  }

  const record: RunRecord = {
    id: prepared.runId,
    candidate: prepared.candidate,
    ...(prepared.note ? { note: prepared.note } : {}),
    start: outcome.start.toISOString(),
    end: outcome.end.toISOString(),
    durationMs: Math.max(0, outcome.end.getTime() - outcome.start.getTime()),
    exitCode: outcome.exitCode,
    status,
    command: prepared.command,
    cwd: prepared.root,
    ...(git ? { git } : {}),
    metrics,
    ...(prepared.params ? { params: prepared.params } : {}),
    ...(error ? { error } : {}),
    source: prepared.source,
  };
  return record;
}
