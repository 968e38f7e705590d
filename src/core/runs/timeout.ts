// `evaluation.timeout`: `90s`, `30m`, `2h`, or a number of seconds. The default is 30 minutes.

export const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;
/** setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class TimeoutFormatError extends Error {}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** The timeout in milliseconds; throws TimeoutFormatError with a message saying what is accepted. */
export function parseTimeout(value: string | number | undefined | null): number {
  if (value === undefined || value === null) return DEFAULT_TIMEOUT_MS;
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TimeoutFormatError(`evaluation.timeout: ${value} is not a finite number of seconds`);
    ms = value * 1000;
  } else {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$/i.exec(value);
    if (!m) {
      throw new TimeoutFormatError(
        `evaluation.timeout: "${value}" is not a duration; write a number of seconds or a number followed by s, m or h (e.g. 90s, 30m, 2h)`,
      );
    }
    ms = Number(m[1]) * UNIT_MS[(m[2] || 's').toLowerCase()];
  }
  if (ms <= 0) throw new TimeoutFormatError(`evaluation.timeout: ${JSON.stringify(value)} must be greater than zero`);
  if (ms > MAX_TIMEOUT_MS) throw new TimeoutFormatError(`evaluation.timeout: ${JSON.stringify(value)} is longer than the maximum of 24 days`);
  return Math.round(ms);
}

/** A short human form of a duration in milliseconds: `850ms`, `12.3s`, `4m 05s`, `2h 03m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const totalS = Math.round(ms / 1000);
  if (totalS < 3600) return `${Math.floor(totalS / 60)}m ${String(totalS % 60).padStart(2, '0')}s`;
  const totalM = Math.round(totalS / 60);
  return `${Math.floor(totalM / 60)}h ${String(totalM % 60).padStart(2, '0')}m`;
}
