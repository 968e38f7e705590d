// The look-up mergeYamlErrors needs to stay fast on a file with thousands of parser errors: remembered intervals of
// offsets, each with a group number, and the smallest group number among those that overlap a given interval. A
// scan of every earlier error for every error was quadratic (tens of thousands of errors took seconds).
//
// Intervals are inclusive at both ends ([start, end] with start <= end), as the merge's overlap test is. All the
// offsets that will ever be asked about are given up front, so the tree is built once over them: two inclusive
// intervals overlap exactly when one of them contains the other's start, and every start is one of those offsets.

const NONE = Number.POSITIVE_INFINITY;

export class OverlapIndex {
  private readonly coords: number[];
  private readonly size: number;
  /** the smallest group added over the whole span of a tree node */
  private readonly whole: number[];
  /** the smallest group added anywhere inside a tree node */
  private readonly inside: number[];

  /** `offsets`: every start and end that `add` and `earliest` will be called with. */
  constructor(offsets: Iterable<number>) {
    this.coords = [...new Set(offsets)].sort((a, b) => a - b);
    let size = 1;
    while (size < this.coords.length) size *= 2;
    this.size = size;
    this.whole = new Array<number>(2 * size).fill(NONE);
    this.inside = new Array<number>(2 * size).fill(NONE);
  }

  /** Remembers the interval [start, end] as belonging to `group`. */
  add(start: number, end: number, group: number): void {
    this.update(1, 0, this.size - 1, this.indexOf(start), this.indexOf(end), group);
  }

  /** The smallest group among remembered intervals overlapping [start, end]; undefined when none does. */
  earliest(start: number, end: number): number | undefined {
    const found = this.query(1, 0, this.size - 1, this.indexOf(start), this.indexOf(end));
    return found === NONE ? undefined : found;
  }

  private indexOf(offset: number): number {
    let lo = 0;
    let hi = this.coords.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.coords[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    if (this.coords[lo] !== offset) throw new Error(`OverlapIndex: offset ${offset} was not given to the constructor`);
    return lo;
  }

  private update(node: number, lo: number, hi: number, l: number, r: number, group: number): void {
    // Nothing to do outside the interval, or where the whole span already holds an earlier group.
    if (r < lo || hi < l || this.whole[node] <= group) return;
    this.inside[node] = Math.min(this.inside[node], group);
    if (l <= lo && hi <= r) {
      this.whole[node] = group;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.update(2 * node, lo, mid, l, r, group);
    this.update(2 * node + 1, mid + 1, hi, l, r, group);
  }

  private query(node: number, lo: number, hi: number, l: number, r: number): number {
    if (r < lo || hi < l) return NONE;
    if (l <= lo && hi <= r) return this.inside[node];
    const mid = (lo + hi) >> 1;
    return Math.min(this.whole[node], this.query(2 * node, lo, mid, l, r), this.query(2 * node + 1, mid + 1, hi, l, r));
  }
}
