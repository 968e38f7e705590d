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
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} takes a whole number of 0 or more, not "${value}"`);
  return Number(value);
}

type ParseConfig = NonNullable<Parameters<typeof parseArgs>[0]>;

/**
 * `--limit -1` as `--limit=-1`: a value that starts with a dash would otherwise be an option to parseArgs (and its
 * message about it is Node's). The command then judges the value with its own message.
 */
function joinDashValues(argv: string[], options: ParseConfig['options']): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...out, ...argv.slice(i)];
    const short = /^-([A-Za-z])$/.exec(argv[i])?.[1];
    const name = /^--([^=]+)$/.exec(argv[i])?.[1] ?? Object.keys(options ?? {}).find((k) => short !== undefined && options?.[k]?.short === short);
    const next = argv[i + 1];
    if (name !== undefined && options?.[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

/** `util.parseArgs` in strict mode with positionals, whose errors (an unknown option, a missing value) are usage errors. */
export function parseOptions<T extends ParseConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: joinDashValues(argv, options), allowPositionals: true, strict: true, options: options as NonNullable<T> });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}
