// Runs the runs of a sweep with at most `parallel` at a time, starting the next one as soon as a slot frees, and
// reports each run's lifecycle as events: queued (prepared: run id and folder made, owned by no process), running
// (its executor has it), finished (its record is in the history). Cancelling (cancel() or the AbortSignal) stops the
// whole sweep: running runs are stopped and recorded as cancelled, queued runs are recorded as cancelled with the
// error "cancelled before it started" and exitCode null. Every run of the sweep is recorded exactly once.
import { EventEmitter } from 'events';
import type { ProjectPlan } from '../model';
import type { Executor, OutputStream } from './executor';
import type { RunOutcome } from './execute';
import type { SaveOutcome } from './saveRun';
import { finishAndSaveRun, type FinishOptions } from './finish';
import type { PreparedRun } from './prepare';
import type { RunRecord, RunSource } from './runRecord';
import type { Env } from './substitute';
import type { SweepItem, SweepSpec } from './sweep';
import { prepareSweepRuns } from './sweepPrepare';

export type RunPhase = 'queued' | 'running' | 'finished';

/** One run of a sweep as it moves through its lifecycle (the views show it as a row with its elapsed time). */
export interface SweepRun {
  readonly item: SweepItem;
  readonly prepared: PreparedRun;
  phase: RunPhase;
  queuedAt: Date;
  startedAt?: Date;
  /** when its command ended (set before the run is recorded; `phase` turns `finished` once it is) */
  finishedAt?: Date;
  /** set once recorded */
  record?: RunRecord;
  /** where the record went: the history, or a recovery file when the history lock could not be had */
  saved?: SaveOutcome;
  /** set when the finished run could not be appended to the history (e.g. the history lock timed out) */
  recordError?: string;
}

export type SweepEvent =
  | { type: 'queued'; run: SweepRun }
  | { type: 'started'; run: SweepRun }
  | { type: 'output'; run: SweepRun; text: string; stream: OutputStream }
  | { type: 'finished'; run: SweepRun; record: RunRecord }
  | { type: 'record-error'; run: SweepRun; error: string };

export interface SweepProgress {
  total: number;
  queued: number;
  running: number;
  finished: number;
}

export interface SweepResult {
  sweepId?: string;
  /** every recorded run, in sweep order */
  records: RunRecord[];
  /** true when the sweep was cancelled */
  cancelled: boolean;
  /** runs that finished but could not be recorded */
  unrecorded: SweepRun[];
}

export interface SweepOptions {
  /** absolute path of the workspace root */
  root: string;
  env: Env;
  executor: Executor;
  signal?: AbortSignal;
  note?: string;
  source?: RunSource;
  finish?: FinishOptions;
}

export const NOT_STARTED_ERROR = 'cancelled before it started';

/** How long a run has been queued (queued), running (running), or took (finished), in milliseconds. */
export function elapsedMs(run: SweepRun, now: Date = new Date()): number {
  if (run.phase === 'queued') return Math.max(0, now.getTime() - run.queuedAt.getTime());
  const end = run.finishedAt ?? now;
  return Math.max(0, end.getTime() - (run.startedAt ?? end).getTime());
}

export class SweepRunner extends EventEmitter {
  private readonly runsList: SweepRun[] = [];
  private readonly stop = new AbortController();
  private started = false;
  /**
   * The records being written, one after the other in the order the commands ended: a slot frees when a command
   * ends, not when its record is written, and the history still lists the runs in the order they finished.
   */
  private recording: Promise<void> = Promise.resolve();

  constructor(private readonly plan: ProjectPlan, readonly spec: SweepSpec, private readonly options: SweepOptions) {
    super();
  }

  /** Listens to every lifecycle event. */
  onEvent(listener: (event: SweepEvent) => void): this {
    return this.on('event', listener);
  }

  /** The runs so far (prepared ones only), in sweep order. */
  get runs(): readonly SweepRun[] {
    return this.runsList;
  }

  get sweepId(): string | undefined {
    return this.spec.sweepId;
  }

  /** For a status bar such as `sweep 3/12`: finished / total. */
  progress(): SweepProgress {
    const count = (phase: RunPhase): number => this.runsList.filter((r) => r.phase === phase).length;
    const total = this.spec.items.length;
    return { total, queued: total - count('running') - count('finished'), running: count('running'), finished: count('finished') };
  }

  /** Stops the whole sweep. */
  cancel(): void {
    this.stop.abort();
  }

  private emitEvent(event: SweepEvent): void {
    try {
      this.emit('event', event);
    } catch {
      // a listener that throws (a view, a printer) must not stop a run or keep it out of the history
    }
  }

  /**
   * Prepares every run (a RunSetupError here means nothing ran and nothing was recorded), then runs them.
   * Resolves when every run is recorded.
   */
  async run(): Promise<SweepResult> {
    if (this.started) throw new Error('a sweep runs once');
    this.started = true;
    const { signal } = this.options;
    const onAbort = (): void => this.cancel();
    if (signal?.aborted) this.cancel();
    else signal?.addEventListener('abort', onAbort);
    try {
      await this.prepareAll();
      const queue = [...this.runsList];
      const recordQueued = (): Promise<void> => this.recordNotStarted(queue.splice(0));
      let notStarted: Promise<void> = Promise.resolve();
      const onStop = (): void => { notStarted = recordQueued(); };
      if (this.stop.signal.aborted) onStop();
      else this.stop.signal.addEventListener('abort', onStop, { once: true });
      const worker = async (): Promise<void> => {
        while (!this.stop.signal.aborted) {
          const next = queue.shift(); // the moment a slot frees, the next queued run starts
          if (!next) return;
          await this.runOne(next);
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.spec.parallel, queue.length) || 0 }, worker));
      this.stop.signal.removeEventListener('abort', onStop);
      await notStarted;
      if (queue.length > 0) await recordQueued(); // not reached unless a worker stopped early
      await this.recording;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return {
      ...(this.spec.sweepId ? { sweepId: this.spec.sweepId } : {}),
      records: this.runsList.map((r) => r.record).filter((r): r is RunRecord => r !== undefined),
      cancelled: this.stop.signal.aborted,
      unrecorded: this.runsList.filter((r) => r.recordError !== undefined),
    };
  }

  private async prepareAll(): Promise<void> {
    const { root, env, note, source } = this.options;
    try {
      await prepareSweepRuns(this.plan, this.spec, {
        root, env, note, source,
        onPrepared: (prepared, item) => {
          const run: SweepRun = { item, prepared, phase: 'queued', queuedAt: new Date() };
          this.runsList.push(run);
          this.emitEvent({ type: 'queued', run });
        },
      });
    } catch (e) {
      this.runsList.splice(0); // prepareSweepRuns took their folders back: nothing was prepared
      throw e;
    }
  }

  private async runOne(run: SweepRun): Promise<void> {
    run.phase = 'running';
    run.startedAt = new Date();
    this.emitEvent({ type: 'started', run });
    let outcome: RunOutcome;
    try {
      outcome = await this.options.executor.start(run.prepared, {
        signal: this.stop.signal,
        onOutput: (text, stream) => this.emitEvent({ type: 'output', run, text, stream }),
      });
    } catch (e) {
      const now = new Date();
      outcome = { start: run.startedAt, end: now, exitCode: null, status: 'failed', error: `the ${this.options.executor.name} executor failed: ${(e as Error).message}` };
    }
    this.recording = this.recording.then(() => this.record(run, outcome)); // awaited before run() resolves
  }

  private async recordNotStarted(runs: SweepRun[]): Promise<void> {
    for (const run of runs) {
      const now = new Date();
      run.startedAt = now;
      await this.record(run, { start: now, end: now, exitCode: null, status: 'cancelled', error: NOT_STARTED_ERROR });
    }
  }

  private async record(run: SweepRun, outcome: RunOutcome): Promise<void> {
    if (run.finishedAt) return; // exactly once
    run.finishedAt = outcome.end;
    try {
      const { record, saved } = await finishAndSaveRun(run.prepared, outcome, this.options.finish);
      run.record = record;
      run.saved = saved;
    } catch (e) {
      run.recordError = (e as Error).message;
    }
    run.phase = 'finished'; // finished = its record is in the history (or could not be written: recordError)
    if (run.record) this.emitEvent({ type: 'finished', run, record: run.record });
    else this.emitEvent({ type: 'record-error', run, error: run.recordError ?? 'not recorded' });
  }
}

/** Runs a sweep to its end; `onEvent` sees every lifecycle event. */
export function runSweep(plan: ProjectPlan, spec: SweepSpec, options: SweepOptions & { onEvent?: (e: SweepEvent) => void }): Promise<SweepResult> {
  const runner = new SweepRunner(plan, spec, options);
  if (options.onEvent) runner.onEvent(options.onEvent);
  return runner.run();
}
