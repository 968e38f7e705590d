// Saving a finished run: appended to the history or, when that cannot be done (the lock stays taken past the
// timeout, the file cannot be written), saved to a recovery file that the next writer merges in. Never dropped.
import { appendRun, type HistoryOptions } from './history';
import { writeRecovery } from './recovery';
import type { RunRecord } from './runRecord';

export type SaveOutcome =
  | { where: 'history'; file: string }
  /** `reason` says why the history could not be written */
  | { where: 'recovery'; file: string; reason: string };

export class RunNotSavedError extends Error {}

/** Appends the run to the history, or else saves it for recovery; throws only when neither can be written. */
export async function saveRun(historyFile: string, record: RunRecord, options: HistoryOptions & { root: string }): Promise<SaveOutcome> {
  try {
    await appendRun(historyFile, record, options);
    return { where: 'history', file: historyFile };
  } catch (e) {
    const reason = (e as Error).message;
    try {
      return { where: 'recovery', file: await writeRecovery(historyFile, record, options.root), reason };
    } catch (e2) {
      throw new RunNotSavedError(`run ${record.id} could not be recorded in ${historyFile} (${reason}) nor saved for recovery (${(e2 as Error).message})`);
    }
  }
}
