// Wording of schema diagnostics: where a value is, what was expected, what was found, and a "did you mean".
import { closest } from '../text/suggest';
import type { YamlPath } from '../yamlPath';
import { deref, jsonType, type JsonSchema } from './schemaWalk';

/** `project.name`, `candidates[1].id`, `checklist.develop.label-audit`; the root is "the top level". */
export function formatPath(path: YamlPath): string {
  if (path.length === 0) return 'the top level';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? shortKey(segment) : `.${shortKey(segment)}`;
  }
  return out;
}

/** `in project`, `at the top level` */
export function inPlace(path: YamlPath): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

/** The longest key a message repeats in full; a longer one is cut (a key of 100,000 characters is a mistake). */
const MAX_KEY_CHARS = 60;

/** A key as a message shows it: line breaks escaped, cut to MAX_KEY_CHARS with "...". */
export function shortKey(key: string): string {
  const oneLine = key.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return oneLine.length > MAX_KEY_CHARS ? `${oneLine.slice(0, MAX_KEY_CHARS - 3)}...` : oneLine;
}

/** A short rendering of a found value: `"yes"`, `3`, `a list`, `a mapping`, `nothing`. */
export function describeValue(value: unknown): string {
  switch (jsonType(value)) {
    case 'string': {
      const s = value as string;
      return s === '' ? 'an empty string' : JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    default:
      return 'nothing';
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'a boolean (true or false)',
  object: 'a mapping of keys',
  array: 'a list',
  null: 'nothing',
};

export function describeTypes(types: string | string[]): string {
  const list = (Array.isArray(types) ? types : [types]).map((t) => TYPE_WORDS[t] ?? t);
  return list.length <= 1 ? (list[0] ?? 'a value') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** What a pattern means, for the patterns of the plan schema; a generic phrase otherwise. */
const PATTERN_WORDS: Record<string, string> = {
  '^[A-Za-z0-9][A-Za-z0-9_.-]*$': 'an id of letters, digits, "_", "." and "-" that starts with a letter or digit (e.g. cnn-v2)',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'a date written YYYY-MM-DD (e.g. 2027-03-31)',
  '^[a-z][a-z0-9-]*$': 'lowercase letters, digits and "-", starting with a letter (e.g. label-audit)',
  '^[0-9]+(\\.[0-9]+)?\\s*(s|m|h)?$': 'a duration such as 90s, 30m or 2h, or a number of seconds',
};

export function describePattern(pattern: string): string {
  return PATTERN_WORDS[pattern] ?? `text matching the pattern ${pattern}`;
}

/** The option a typo most likely meant (also a different case, or a unique prefix), if any. */
export function likelyMeant(word: string, options: readonly string[]): string | undefined {
  const sameCase = options.find((o) => o !== word && o.toLowerCase() === word.toLowerCase());
  const prefixed = options.filter((o) => word.length >= 3 && o.toLowerCase().startsWith(word.toLowerCase()));
  return sameCase ?? closest(word, options) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
}

/** " Did you mean "x"?" for the option a typo likely meant, or the empty string when there is none. */
export function meantHint(meant: string | undefined): string {
  return meant !== undefined ? ` Did you mean "${meant}"?` : '';
}

/** " Did you mean "x"?" for a typo (also for a different case), or the empty string. */
export function suggestion(word: string, options: readonly string[]): string {
  return meantHint(likelyMeant(word, options));
}

/** "one of a, b, c" / "a mapping with keys x, y" for each alternative of a oneOf, joined with "or". */
export function describeAlternatives(branches: readonly JsonSchema[]): string {
  const parts = branches.map((b) => {
    const s = deref(b);
    if (s.enum) return `one of ${s.enum.map(String).join(', ')}`;
    if ('const' in s) return String(s.const);
    if (s.properties) return `a mapping with keys ${Object.keys(s.properties).join(', ')}`;
    return s.type ? describeTypes(s.type) : 'a value';
  });
  return parts.join(', or ');
}

export const messages = {
  unknownKey: (key: string, where: YamlPath, allowed: readonly string[]): string => {
    const hint = suggestion(key, allowed);
    const list = allowed.length > 0 ? ` Allowed keys: ${allowed.join(', ')}.` : '';
    return `Unknown key "${shortKey(key)}" ${inPlace(where)}.${hint || list}`;
  },
  badKey: (key: string, where: YamlPath, pattern: string): string =>
    `Invalid key "${shortKey(key)}" ${inPlace(where)}: use ${describePattern(pattern)}.`,
  missing: (keys: readonly string[], where: YamlPath): string =>
    keys.length === 1
      ? `Missing required key "${keys[0]}" ${inPlace(where)}.`
      : `Missing required keys ${keys.map((k) => `"${k}"`).join(', ')} ${inPlace(where)}.`,
  wrongType: (where: YamlPath, expected: string, value: unknown): string =>
    `Wrong type for ${formatPath(where)}: expected ${expected}; found ${describeValue(value)}.`,
  /** `hint`: the "did you mean" for the value among the allowed values, when the caller has worked it out already. */
  notAllowed: (where: YamlPath, value: unknown, allowed: readonly unknown[], hint?: string): string => {
    const strings = allowed.map(String);
    hint ??= typeof value === 'string' ? suggestion(value, strings) : '';
    return `Invalid value ${describeValue(value)} for ${formatPath(where)}.${hint} Allowed values: ${strings.join(', ')}.`;
  },
  notConst: (where: YamlPath, value: unknown, expected: unknown): string =>
    `Invalid value ${describeValue(value)} for ${formatPath(where)}: it must be ${JSON.stringify(expected)}.`,
  pattern: (where: YamlPath, value: unknown, pattern: string): string =>
    `Invalid value ${describeValue(value)} for ${formatPath(where)}: expected ${describePattern(pattern)}.`,
  tooShort: (where: YamlPath, limit: number): string =>
    limit <= 1 ? `${formatPath(where)} must not be empty: write a value or remove the key.` : `${formatPath(where)} must have at least ${limit} characters.`,
  tooSmall: (where: YamlPath, value: unknown, limit: number): string =>
    `Invalid value ${describeValue(value)} for ${formatPath(where)}: it must be at least ${limit}.`,
  other: (where: YamlPath, keyword: string): string =>
    `Invalid value for ${formatPath(where)} (it breaks the schema's "${keyword}" rule); see the schema's hover for what is expected.`,
  emptyPlan: (): string =>
    'The plan is empty: start with `version: 1` and a `project:` mapping with a `name`.',
  rootNotMapping: (value: unknown): string =>
    `The plan must be a mapping of keys (version, project, goal, ...), found ${describeValue(value)}.`,
};
