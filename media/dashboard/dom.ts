// Small DOM and number-formatting helpers of the runs dashboard. Text goes in through textContent only.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** a metric value: integers as they are, others with 4 significant digits */
export function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/** a time (ms since the epoch) as `YYYY-MM-DD hh:mm`, UTC like the run records' start times */
export function minuteUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}
