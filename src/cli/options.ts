// Option values several commands share, validated the same way everywhere.
import { isIsoDate } from '../core/text/dates';
import { UsageError } from './io';

/** `--today YYYY-MM-DD`: a real calendar date, or undefined for "today". */
export function todayOption(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--today takes a date as YYYY-MM-DD, not "${value}"`);
  return value;
}

/** A whole number of at least 0, for options such as --max-warnings and --limit. */
export function countOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} takes a whole number, not "${value}"`);
  return Number(value);
}
