// Prepares every run of a sweep before any of them starts: the local scheduler, the CLI on Slurm and the editor on
// Slurm all start here. Either every run is prepared, or none is: when one preparation fails (a RunSetupError
// naming what to fix, or a path problem), the run folders already made are taken back and the error is rethrown,
// so a failed setup leaves nothing under the runs folder.
import type { ProjectPlan } from '../model';
import { discardPreparedRun, prepareRun, type PreparedRun } from './prepare';
import type { RunSource } from './runRecord';
import type { Env } from './substitute';
import type { SweepItem, SweepSpec } from './sweep';

export interface SweepPrepareOptions {
  /** absolute path of the workspace root */
  root: string;
  /** the environment `${env:NAME}` reads */
  env: Env;
  /** recorded on every run of the sweep */
  note?: string;
  source?: RunSource;
  /**
   * Called after each run is prepared, in sweep order (the scheduler's `queued` event). A callback that throws fails
   * the preparation like a run that cannot be prepared: every run prepared so far, this one included, is discarded.
   */
  onPrepared?: (prepared: PreparedRun, item: SweepItem) => void;
}

/** Prepares the runs of `spec`, in its order; on any failure discards the ones prepared and rethrows. */
export async function prepareSweepRuns(plan: ProjectPlan, spec: SweepSpec, options: SweepPrepareOptions): Promise<PreparedRun[]> {
  const prepared: PreparedRun[] = [];
  try {
    for (const item of spec.items) {
      const run = await prepareRun(plan, {
        root: options.root,
        candidateId: item.candidate,
        seed: item.seed,
        ...(spec.sweepId ? { sweepId: spec.sweepId } : {}),
        note: options.note,
        env: options.env,
        source: options.source,
      });
      prepared.push(run);
      options.onPrepared?.(run, item);
    }
  } catch (e) {
    // Nothing has run: take back the (empty) run folders. The setup error is what the caller reports, so a folder
    // that cannot be removed does not replace it.
    await Promise.allSettled(prepared.map(discardPreparedRun));
    throw e;
  }
  return prepared;
}
