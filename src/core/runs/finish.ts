// The end of every run, from the CLI or the editor: read the git state and the metrics file, append the record to
// the run history, return it. A failed run is recorded too; a run whose command succeeded but whose metrics file is
// missing or malformed is recorded with status `metrics-error` and the error text. A run whose history cannot be
// written is saved to a recovery file instead (saveRun.ts), never lost.
import * as path from 'path';
import { readGitState } from './git';
import type { LockOptions } from './lock';
import { MetricsError, readMetrics } from './metrics';
import type { PreparedRun } from './prepare';
import type { RunRecord, RunStatus } from './runRecord';
import { saveRun, type SaveOutcome } from './saveRun';

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
  /** how long to wait for the history lock, and what to say while waiting */
  lock?: LockOptions;
}

export interface FinishedRun {
  record: RunRecord;
  /** where the record went: the history, or a recovery file when the history could not be written */
  saved: SaveOutcome;
}

function relativeIfInside(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

/** Builds the run record of a finished command and appends it to the history (or saves it for recovery). */
export async function finishRun(prepared: PreparedRun, outcome: FinishedCommand, options: FinishOptions = {}): Promise<RunRecord> {
  return (await finishAndSaveRun(prepared, outcome, options)).record;
}

/** As finishRun, and tells where the record was saved (the history, or a recovery file). */
export async function finishAndSaveRun(prepared: PreparedRun, outcome: FinishedCommand, options: FinishOptions = {}): Promise<FinishedRun> {
  const record = await buildRunRecord(prepared, outcome, options);
  return { record, saved: await saveRun(prepared.historyFile, record, { ...options.lock, root: prepared.root }) };
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
    metrics = await readMetrics(prepared.metricsFile, prepared.root);
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
    ...(prepared.sweepId ? { sweepId: prepared.sweepId } : {}),
    seed: prepared.seed,
  };
  return record;
}
