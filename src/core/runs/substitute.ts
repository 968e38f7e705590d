// Variable substitution in `evaluation.command` and `evaluation.metrics_file`.
// In the command every substituted value is POSIX-shell-quoted (single quotes, `'` written as `'\''`), so a
// candidate named `x; rm -rf ~` or `$(touch pwned)` reaches the program as one literal argument. A variable that
// does not stand in a plain, unquoted word (inside quotes, a here-document, backquotes, arithmetic, ...) is refused:
// there our quotes would be taken literally or would not protect. Unknown variables are an error naming the variable.
import { scanCommandTemplate, ShellScanError } from './shellScan';

export class SubstitutionError extends Error {
  constructor(message: string, readonly variable?: string) {
    super(message);
  }
}

export interface CommandVariables {
  candidate: string;
  runId: string;
  /** absolute path of the run's folder */
  runDir: string;
  /** absolute path of the metrics file the command must write */
  metricsFile: string;
  /** absolute path of the workspace root */
  workspaceFolder: string;
  /** the run's seed, 0…N−1 within a sweep of N repeats (0 for a single run) */
  seed: string;
}

export const COMMAND_VARIABLES: readonly (keyof CommandVariables)[] = [
  'candidate', 'runId', 'runDir', 'metricsFile', 'workspaceFolder', 'seed',
];

/** Variables allowed in `evaluation.metrics_file` (a workspace-relative path). */
export const METRICS_FILE_VARIABLES = ['runDir', 'runId', 'candidate', 'seed'] as const;
export type MetricsFileVariables = Record<(typeof METRICS_FILE_VARIABLES)[number], string>;

export type Env = Record<string, string | undefined>;

/** Quotes a value as one POSIX shell word. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function describeKnown(known: readonly string[], withEnv: boolean): string {
  const list = known.map((k) => '${' + k + '}');
  if (withEnv) list.push('${env:NAME}');
  return list.join(', ');
}

/** Reads `${...}` starting at `i` (which points at `$`); returns the inner text and the index after `}`. */
function readVariable(template: string, i: number, field: string): { inner: string; next: number } {
  const close = template.indexOf('}', i + 2);
  if (close < 0) throw new SubstitutionError(`${field}: "\${" at position ${i} is never closed with "}"`);
  return { inner: template.slice(i + 2, close), next: close + 1 };
}

function lookup(inner: string, values: Record<string, string>, env: Env | undefined, field: string): string {
  if (env && inner.startsWith('env:')) {
    const name = inner.slice(4);
    if (!NAME.test(name)) throw new SubstitutionError(`${field}: "\${${inner}}" is not a valid environment variable name`, inner);
    return env[name] ?? '';
  }
  if (Object.prototype.hasOwnProperty.call(values, inner)) return values[inner];
  const shellHint = NAME.test(inner) && env ? ` (for a shell variable write $${inner} or \${env:${inner}})` : '';
  throw new SubstitutionError(
    `${field}: unknown variable \${${inner}}${shellHint}; known variables: ${describeKnown(Object.keys(values), env !== undefined)}`,
    inner,
  );
}

/**
 * Substitutes the variables of `evaluation.command`, shell-quoting each value. `${env:NAME}` reads `env`
 * (an unset variable becomes the empty string, as in VS Code). Where a variable may stand is decided by
 * shellScan.ts: only in a plain, unquoted word; a variable in a comment is left as written.
 */
export function substituteCommand(template: string, vars: CommandVariables, env: Env, field = 'evaluation.command'): string {
  const values: Record<string, string> = { ...vars };
  let pieces;
  try {
    pieces = scanCommandTemplate(template, (name) => void lookup(name, values, env, field));
  } catch (e) {
    if (e instanceof ShellScanError) throw new SubstitutionError(`${field}: ${e.message}`, e.variable);
    throw e;
  }
  return pieces.map((p) => (p.kind === 'text' ? p.text : shellQuote(lookup(p.name, values, env, field)))).join('');
}

/** Substitutes `${runDir}`, `${runId}`, `${candidate}` and `${seed}` in `evaluation.metrics_file` (no quoting: it is a path). */
export function substitutePath(template: string, vars: MetricsFileVariables, field = 'evaluation.metrics_file'): string {
  const values: Record<string, string> = { ...vars };
  let out = '';
  let i = 0;
  while (i < template.length) {
    if (template[i] === '$' && template[i + 1] === '{') {
      const { inner, next } = readVariable(template, i, field);
      out += lookup(inner, values, undefined, field);
      i = next;
    } else {
      out += template[i++];
    }
  }
  return out;
}
