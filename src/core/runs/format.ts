// How metric values read everywhere (CLI tables, the Runs view, briefs, decision records): four significant digits,
// never fewer than the integer part has, so 0.82951 reads 0.8295 and 12345.67 reads 12346.

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const integerDigits = v === 0 ? 1 : Math.max(1, Math.floor(Math.log10(Math.abs(v))) + 1);
  return String(Number(v.toPrecision(Math.min(15, Math.max(4, integerDigits)))));
}

/** A signed difference: +0.0123, -0.5, ±0. */
export function formatDelta(d: number): string {
  if (d === 0) return '±0';
  return `${d > 0 ? '+' : '-'}${formatNumber(Math.abs(d))}`;
}
