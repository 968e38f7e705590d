// Waiting for pending Slurm runs to end (`mlproject eval --wait`, the benchmark): sync all pending runs, stream the
// new lines of each waited-for run's log, and poll again with backoff (from 200 ms up to 2 s, back to the minimum
// whenever a run changes state). An abort cancels the jobs with scancel; the wait goes on until Slurm reports them
// ended, so that they are recorded as cancelled.
import * as path from 'path';
import { readHistory } from '../history';
import { LogFollower } from '../logFollow';
import type { PendingRun } from '../pendingStore';
import type { RunRecord } from '../runRecord';
import { LOG_FILE_NAME } from './batchScript';
import { cancelPendingRuns } from './cancel';
import { SlurmCommandError, type SlurmClient } from './slurmProcess';
import { syncPendingRuns, type SyncOptions } from './sync';

export interface WaitOptions extends SyncOptions {
  signal?: AbortSignal;
  /** new log lines of a waited-for run */
  onLog?: (runId: string, text: string) => void;
  /** a waited-for run changed state (queued, running) */
  onState?: (pending: PendingRun) => void;
  onFinished?: (record: RunRecord) => void;
  /** a sync failed (e.g. the controller did not answer); the wait goes on */
  onProblem?: (message: string) => void;
  minPollMs?: number;
  maxPollMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Waits until every one of `runs` is recorded in its history; returns their records in the order given. */
export async function waitForRuns(root: string, runs: readonly PendingRun[], slurm: SlurmClient, options: WaitOptions = {}): Promise<RunRecord[]> {
  const min = options.minPollMs ?? 200;
  const max = options.maxPollMs ?? 2000;
  const byId = new Map(runs.map((p) => [p.prepared.runId, p]));
  const states = new Map(runs.map((p) => [p.prepared.runId, p.state]));
  const done = new Map<string, RunRecord>();
  const logs = new LogFollower(root);
  let cancelled = false;
  let missing = 0;
  let delay = min;
  const streamLogs = async (flush: boolean): Promise<void> => {
    if (!options.onLog) return;
    for (const [id, p] of byId) {
      if (done.has(id) && !flush) continue;
      const text = await logs.read(path.join(p.prepared.runDir, LOG_FILE_NAME), flush);
      if (text) options.onLog(id, text);
    }
  };
  const finish = async (record: RunRecord): Promise<void> => {
    if (done.has(record.id) || !byId.has(record.id)) return;
    done.set(record.id, record);
    const text = options.onLog ? await logs.read(path.join(byId.get(record.id)!.prepared.runDir, LOG_FILE_NAME), true) : '';
    if (text) options.onLog?.(record.id, text);
    options.onFinished?.(record);
  };
  while (done.size < byId.size) {
    if (options.signal?.aborted && !cancelled) {
      cancelled = true;
      try {
        await cancelPendingRuns(root, [...byId.keys()].filter((id) => !done.has(id)), slurm);
      } catch (e) {
        if (!(e instanceof SlurmCommandError)) throw e;
        options.onProblem?.(e.message);
      }
    }
    let changed = false;
    try {
      const sync = await syncPendingRuns(root, slurm, options);
      for (const r of sync.finished) if (byId.has(r.id)) { await finish(r); changed = true; }
      const still = new Set(sync.pending.map((p) => p.prepared.runId));
      for (const p of sync.pending) {
        const id = p.prepared.runId;
        if (byId.has(id) && states.get(id) !== p.state) {
          states.set(id, p.state);
          options.onState?.(p);
          changed = true;
        }
      }
      // recorded by another process (another sync, the editor): read it from the history
      const elsewhere = [...byId.values()].filter((p) => !done.has(p.prepared.runId) && !still.has(p.prepared.runId));
      for (const historyFile of new Set(elsewhere.map((p) => p.prepared.historyFile))) {
        const history = await readHistory(historyFile, root);
        for (const r of history.runs) await finish(r);
      }
      const lost = elsewhere.filter((p) => !done.has(p.prepared.runId));
      if (lost.length > 0 && ++missing >= 3) {
        throw new Error(`run ${lost[0].prepared.runId} is neither pending (${lost[0].prepared.runId}.json was removed) nor in ${lost[0].prepared.historyFile}`);
      }
      if (lost.length === 0) missing = 0;
      if (elsewhere.length > lost.length) changed = true;
    } catch (e) {
      if (!(e instanceof SlurmCommandError)) throw e;
      options.onProblem?.(e.message);
    }
    await streamLogs(false);
    if (done.size >= byId.size) break;
    delay = changed ? min : Math.min(max, Math.round(delay * 1.5));
    await sleep(delay, cancelled ? undefined : options.signal);
  }
  return runs.map((p) => done.get(p.prepared.runId) as RunRecord);
}
