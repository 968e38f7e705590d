// Option values several commands share, validated the same way everywhere.
import { parseArgs } from 'util';
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

type ParseConfig = NonNullable<Parameters<typeof parseArgs>[0]>;

/** `util.parseArgs` in strict mode with positionals, whose errors (an unknown option, a missing value) are usage errors. */
export function parseOptions<T extends ParseConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: options as NonNullable<T> });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}
