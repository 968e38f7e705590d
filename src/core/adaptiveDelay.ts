// How long to wait after a keystroke before re-checking the plan: a small multiple of what a check has been costing
// (an exponentially weighted moving average of its measured time), never below a floor that lets a burst of typing
// collapse into one check, never above the user's setting (`mlproject.diagnostics.debounceMs`, the ceiling).
// A 2 ms check of a small plan waits the floor; a 200 ms check of a huge plan waits the ceiling. A keystroke after a
// pause at least that long is checked at once (the leading edge): only keys that follow it within the delay wait, so
// an isolated edit gets its squiggle without any wait and a burst still ends in one trailing check. Pure: the caller
// measures and owns the clock.

/** Wait at least this long, so keys typed in one burst still make one check. */
export const DELAY_FLOOR_MS = 30;
/** Wait this many times the typical check: while typing non-stop, checks then use at most ~1/(k+1) of the time. */
export const DELAY_COST_MULTIPLE = 5;
/** Weight of the newest sample in the moving average. */
export const COST_SMOOTHING = 0.3;

/** The moving average after one more sample (the first sample is taken as is); invalid samples are ignored. */
export function nextCostEstimate(previous: number | undefined, sampleMs: number, smoothing = COST_SMOOTHING): number | undefined {
  if (!Number.isFinite(sampleMs) || sampleMs < 0) return previous;
  if (previous === undefined) return sampleMs;
  return previous + smoothing * (sampleMs - previous);
}

/**
 * The delay before a re-check: clamp(multiple × estimate, floor, ceiling). With no estimate yet, the ceiling (the
 * user's setting, as before any measurement). A ceiling below the floor wins: 0 means "check on every keystroke".
 */
export function adaptiveDelay(estimateMs: number | undefined, ceilingMs: number, multiple = DELAY_COST_MULTIPLE, floorMs = DELAY_FLOOR_MS): number {
  const ceiling = Number.isFinite(ceilingMs) ? Math.max(0, ceilingMs) : 0;
  if (estimateMs === undefined || !Number.isFinite(estimateMs)) return ceiling;
  return Math.round(Math.min(ceiling, Math.max(floorMs, multiple * estimateMs)));
}

/** One plan's measured check cost and the delay it implies. */
export class CheckCost {
  private estimate: number | undefined;
  private lastKeystroke: number | undefined;

  /** Records how long one check took, in milliseconds. */
  record(ms: number): void {
    this.estimate = nextCostEstimate(this.estimate, ms);
  }

  /** The moving average of the check time, or undefined before the first check. */
  get estimateMs(): number | undefined {
    return this.estimate;
  }

  /** The delay before the next re-check, with the setting as the ceiling. */
  delay(ceilingMs: number): number {
    return adaptiveDelay(this.estimate, ceilingMs);
  }

  /**
   * The wait before re-checking after a keystroke at `nowMs`: none after a pause of at least the delay (the leading
   * edge), else the delay (a burst of keys waits for its end).
   */
  keystroke(nowMs: number, ceilingMs: number): number {
    const delay = this.delay(ceilingMs);
    const paused = this.lastKeystroke === undefined || nowMs - this.lastKeystroke >= delay;
    this.lastKeystroke = nowMs;
    return paused ? 0 : delay;
  }
}
