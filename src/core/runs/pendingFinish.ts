// Finishing a pending run: the same record as a local run (buildRunRecord), appended to the history only if no
// record with its id is there yet (checked under the history lock), then the pending file is removed. A crash
// between the two steps leaves a pending file whose run is already recorded: the next sync only removes it.
import { buildRunRecord, type FinishedCommand, type FinishOptions } from './finish';
import { appendRunOnce } from './history';
import { removePending, type PendingRun } from './pendingStore';
import type { RunRecord } from './runRecord';

/** Records a pending run as finished; returns its record, or undefined when another process had recorded it. */
export async function finishPendingRun(pending: PendingRun, outcome: FinishedCommand, options: FinishOptions = {}): Promise<RunRecord | undefined> {
  const record = await buildRunRecord(pending.prepared, outcome, options);
  const appended = await appendRunOnce(pending.prepared.historyFile, record, { root: pending.prepared.root });
  await removePending(pending.prepared.root, pending.prepared.runId);
  return appended ? record : undefined;
}
