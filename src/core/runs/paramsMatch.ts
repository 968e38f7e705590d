// Whether a run was made with a candidate's current `params`: the same keys and values, in any order.
import type { ParamValue } from './runRecord';

/** True when two params objects hold the same keys and values (no params and `{}` are the same). */
export function sameParams(a: Record<string, ParamValue> | undefined, b: Record<string, ParamValue> | undefined): boolean {
  let na = 0;
  for (const k in a) {
    na++;
    if (!b || !Object.prototype.hasOwnProperty.call(b, k) || b[k] !== a[k]) return false;
  }
  let nb = 0;
  for (const _k in b) nb++;
  return na === nb;
}

/**
 * sameParams(params, plan) for many runs against one candidate's plan params, with the plan's keys and values taken
 * out once. A run recorded from the plan lists its params in the plan's order, so the run's keys are walked against
 * the plan's by position (no look-up in the plan, no second walk to count its keys); keys in any other order, or a
 * plan whose keys are not all its own, go to sameParams. A class rather than a closure per candidate, so that the
 * call in the pass over the history has one target and is inlined.
 */
export class ParamsTest {
  private readonly keys: string[] = [];
  private readonly values: ParamValue[] = [];
  private readonly simple: boolean = true;

  constructor(private readonly plan: Record<string, ParamValue> | undefined) {
    for (const k in plan) {
      if (!Object.prototype.hasOwnProperty.call(plan, k)) this.simple = false;
      this.keys.push(k);
      this.values.push(plan[k]);
    }
  }

  matches(params: Record<string, ParamValue> | undefined): boolean {
    if (!this.simple) return sameParams(params, this.plan);
    let i = 0;
    for (const k in params) {
      if (k !== this.keys[i]) return sameParams(params, this.plan);
      // Every key before this one matched, so sameParams would fail on this very key too.
      if (params[k] !== this.values[i]) return false;
      i++;
    }
    return i === this.keys.length;
  }
}
