// The value axis of a dashboard chart: scaled to the data, with the success criterion's target drawn on the axis
// when it is near the data and as an off-scale marker when it is far away (a latency target of 50 ms beside runs
// of 0.1–8 ms would otherwise flatten every run onto 0).

export type TargetPlacement = 'in' | 'above' | 'below';

export interface ValueAxis {
  /** the axis range, padded */
  min: number;
  max: number;
  /** where the target is: on the axis, or off the scale above or below it (absent without a target) */
  target?: TargetPlacement;
}

/** A target more than this many data spans beyond the data is off scale (the data keep at least a third of the height). */
export const OFF_SCALE_SPANS = 2;
/** the room left above and below the data (and an on-scale target), as a share of their span */
const PAD = 0.08;

/**
 * The axis for data in [lo, hi] (lo > hi: no data) and an optional target. With a single value the span is taken
 * as the value's magnitude (1 for 0), so a target within about twice the value stays on the axis.
 */
export function valueAxis(lo: number, hi: number, target?: number): ValueAxis {
  const hasTarget = typeof target === 'number' && Number.isFinite(target);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    const c = hasTarget ? target : 0;
    const half = Math.abs(c) * 0.1 || 1;
    return { min: c - half, max: c + half, ...(hasTarget ? { target: 'in' as const } : {}) };
  }
  const span = hi - lo > 0 ? hi - lo : Math.abs(hi) || 1;
  let a = lo;
  let b = hi;
  let placement: TargetPlacement | undefined;
  if (hasTarget) {
    if (target < lo - OFF_SCALE_SPANS * span) placement = 'below';
    else if (target > hi + OFF_SCALE_SPANS * span) placement = 'above';
    else {
      placement = 'in';
      a = Math.min(a, target);
      b = Math.max(b, target);
    }
  }
  const pad = (b - a > 0 ? b - a : span) * PAD;
  return { min: a - pad, max: b + pad, ...(placement ? { target: placement } : {}) };
}
