// The runs of this window that are not in the history yet: queued or running, local (a sweep's task) or on a
// cluster (a Slurm job whose pending record lives in the workspace). The Runs view shows them as rows above the
// history, the status bar counts them, and Cancel reaches each through its own `cancel`. Whoever starts a run
// registers it here and removes it once its record is in the history; this file knows nothing of how runs execute.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';

export type ActivePhase = 'queued' | 'running';

export interface ActiveRun {
  /** the run id (the history's id once it is recorded) */
  readonly id: string;
  /** the workspace folder's URI, as a string */
  readonly folder: string;
  readonly candidate: string;
  /** how a person names it in a sweep, e.g. `knn#1`; the candidate for a run on its own */
  readonly label: string;
  readonly executor: 'local' | 'slurm';
  phase: ActivePhase;
  /** when it entered its current phase */
  since: Date;
  /** the sweep it belongs to, if any */
  readonly sweepId?: string;
  /** the Slurm job id, for a cluster run */
  readonly jobId?: string;
  /** absolute path of the run's log file, when it has one */
  readonly logFile?: string;
  /** stops the run (kills the task, or scancel's the job); its record then says cancelled */
  cancel(): void | Promise<void>;
}

/** Progress of the sweeps of this window, for a status bar such as `sweep 3/12`. */
export interface SweepProgress {
  sweepId: string;
  finished: number;
  total: number;
}

export class ActiveRuns extends DisposableOwner {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly sweeps = new Map<string, SweepProgress>();
  private readonly changed = this.own(new vscode.EventEmitter<void>());
  /** Fires when a run is added, changes phase or is removed, and when a sweep's progress changes. */
  readonly onDidChange = this.changed.event;

  /** Adds or replaces a run (by id). */
  set(run: ActiveRun): void {
    this.runs.set(run.id, run);
    this.changed.fire();
  }

  /** Moves a run to another phase; a run no longer here is ignored. */
  setPhase(id: string, phase: ActivePhase, since = new Date()): void {
    const run = this.runs.get(id);
    if (!run || run.phase === phase) return;
    run.phase = phase;
    run.since = since;
    this.changed.fire();
  }

  /** Removes a run once its record is in the history (or it will never run). */
  delete(id: string): void {
    if (this.runs.delete(id)) this.changed.fire();
  }

  get(id: string): ActiveRun | undefined {
    return this.runs.get(id);
  }

  /** The active runs, of one folder when given, queued before running and then by label. */
  list(folder?: string): ActiveRun[] {
    return [...this.runs.values()]
      .filter((r) => folder === undefined || r.folder === folder)
      .sort((a, b) => (a.phase === b.phase ? a.label.localeCompare(b.label) : a.phase === 'running' ? -1 : 1));
  }

  /** Sets (or, with `finished === total`, ends) a sweep's progress. */
  setSweep(progress: SweepProgress): void {
    if (progress.finished >= progress.total) this.sweeps.delete(progress.sweepId);
    else this.sweeps.set(progress.sweepId, { ...progress });
    this.changed.fire();
  }

  /** The sweeps still under way. */
  sweepsUnderWay(): SweepProgress[] {
    return [...this.sweeps.values()];
  }

  /** Cancels every active run (of one sweep when given). */
  async cancelAll(sweepId?: string): Promise<void> {
    await Promise.all(this.list().filter((r) => sweepId === undefined || r.sweepId === sweepId).map((r) => r.cancel()));
  }
}
