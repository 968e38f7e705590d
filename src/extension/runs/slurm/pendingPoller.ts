// When to ask the cluster about pending runs: one tick (a sync of every project's pending runs), then the next after
// a delay that starts at `minMs`, grows by `factor` up to `maxMs` while nothing changes, and goes back to `minMs`
// when a run changed state, appeared or finished. `kick()` polls at once (activation, a submission, Refresh, a
// pending file appearing). A tick that finds no pending run schedules nothing: no timer runs while nothing is
// pending. Ticks never overlap; a kick during a tick polls again as soon as it ends. No vscode: the timers can be
// replaced, so the schedule is unit-tested.

export interface TickResult {
  /** runs still pending after this tick */
  pending: number;
  /** a run changed state, appeared or finished */
  changed: boolean;
}

export interface PollerOptions {
  minMs?: number;
  maxMs?: number;
  factor?: number;
  /** a tick threw: polling goes on (backing off), the error is reported here */
  onError?: (error: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class PendingPoller {
  private readonly min: number;
  private readonly max: number;
  private readonly factor: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private delay: number;
  private timer: unknown;
  private scheduledMs: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(private readonly tick: () => Promise<TickResult>, private readonly options: PollerOptions = {}) {
    this.min = options.minMs ?? 1000;
    this.max = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
    this.delay = this.min;
  }

  /** Polls now (or right after the tick in progress), and backs off from the minimum delay again. */
  kick(): void {
    if (this.disposed) return;
    this.delay = this.min;
    if (this.running) {
      this.again = true;
      return;
    }
    this.unschedule();
    this.running = this.runTick();
  }

  /** The delay of the scheduled tick; undefined when none is scheduled (nothing pending, or a tick in progress). */
  get scheduled(): number | undefined {
    return this.scheduledMs;
  }

  /** Resolves once no tick is in progress (including the extra ticks kicks asked for meanwhile). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.unschedule();
  }

  private unschedule(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.scheduledMs = undefined;
  }

  private async runTick(): Promise<void> {
    let result: TickResult | undefined;
    try {
      result = await this.tick();
    } catch (e) {
      this.options.onError?.(e);
    }
    this.running = undefined;
    if (this.disposed) return;
    if (this.again) {
      this.again = false;
      this.running = this.runTick();
      return;
    }
    if (result && result.pending === 0) return; // nothing to wait for: no timer
    // an error says nothing about the pending runs: keep polling, backing off
    const wait = result?.changed ? this.min : this.delay;
    this.delay = Math.min(this.max, wait * this.factor);
    this.scheduledMs = wait;
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.scheduledMs = undefined;
      if (!this.disposed && !this.running) this.running = this.runTick();
    }, wait);
  }
}
