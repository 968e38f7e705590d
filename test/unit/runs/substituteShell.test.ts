// End to end with real shells: hostile values substituted into tricky templates reach the program as exactly one
// argument each, and nothing they hold is ever run. /bin/sh (dash on Debian) and bash, when installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { substituteCommand, type CommandVariables } from '../../../src/core/runs/substitute';

/** /bin/sh, and bash and dash where installed and not /bin/sh itself. */
const SHELLS = ['/bin/sh', ...['/bin/bash', '/bin/dash'].filter((s) => spawnSync(s, ['-c', 'true']).status === 0 && realpathSync(s) !== realpathSync('/bin/sh'))];
/** Between templates, so one shell run checks them all: each template is substituted on its own. */
const SEPARATOR = "\nprintf '%s\\0' -----\n";

/** Pieces that have broken shell quoting somewhere, and that a random value is built from. */
const FRAGMENTS = [
  "'", '"', '\\', '`touch pwned`', '$(touch pwned)', '${HOME}', '$HOME', '\n', 'EOF', '\nEOF\n', ';', '&&', '|', '*',
  ' ', '\t', '#', "'\\''", '$(', ')', '<<EOF', '}', '${', 'ünï ✓', '-rf', '~', '!', '\r', "';touch pwned;'",
];

/** Templates around the variables, with what each prints (NUL-separated) for candidate c and env value e. */
const TEMPLATES: { template: string; expect: (c: string, e: string) => string[] }[] = [
  { template: "printf '%s\\0' ${candidate} ${env:V}", expect: (c, e) => [c, e] },
  { template: "# don't quote ${candidate} here\nprintf '%s\\0' --model=${candidate} x${env:V}y # it's \"done\"", expect: (c, e) => [`--model=${c}`, `x${e}y`] },
  { template: "cat <<'EOF' >/dev/null\nit's a \"body\" with $(touch pwned) and ${HOME:-x}\nEOF\nprintf '%s\\0' ${candidate}", expect: (c) => [c] },
  { template: 'cat >/dev/null <<-EOF\n\tunquoted $HOME body\n\tEOF\nprintf \'%s\\0\' ${env:V} ${candidate}', expect: (c, e) => [e, c] },
  { template: "x=$(printf '%s.' ${candidate}); printf '%s\\0' \"${x%.}\" \"$(printf %s ${env:V} \")\")\"", expect: (c, e) => [c, `${e})`] },
  { template: "printf '%s\\0' \"it\\\"s\" \\${candidate} `echo a` ${HOME:+set} \\\n  ${candidate}${env:V}", expect: (c, e) => ['it"s', '${candidate}', 'a', 'set', c + e] },
];

function vars(candidate: string, dir: string): CommandVariables {
  return { candidate, runId: 'r1', runDir: dir, metricsFile: `${dir}/m.json`, workspaceFolder: dir, seed: '0' };
}

function printed(shell: string, command: string, cwd: string): string[] {
  const out = execFileSync(shell, ['-c', command], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/home/x' } });
  return out.split('\0').slice(0, -1);
}

function check(dir: string, candidate: string, envValue: string): void {
  const command = TEMPLATES.map(({ template }) => substituteCommand(template, vars(candidate, dir), { V: envValue })).join(SEPARATOR);
  const expected = TEMPLATES.flatMap(({ expect }, i) => [...(i > 0 ? ['-----'] : []), ...expect(candidate, envValue)]);
  for (const shell of SHELLS) {
    assert.deepEqual(printed(shell, command, dir), expected, `${shell}: ${JSON.stringify(command)}`);
    assert.deepEqual(readdirSync(dir), [], `${shell} created a file for ${JSON.stringify(command)}`);
  }
}

test('fixed hostile values reach the program intact under every shell, and run nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlp-shell-'));
  try {
    for (const value of [...FRAGMENTS, '', 'a b  c', 'x\nEOF\n$(touch pwned)\nEOF', "a'b\"c`d$e\\f"]) check(dir, value, value);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('random values built from hostile pieces and arbitrary text reach the program intact, and run nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlp-shell-'));
  const piece = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 }));
  const value = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('').replace(/\0/g, ''));
  try {
    fc.assert(fc.property(value, value, (c, e) => check(dir, c, e)), { numRuns: 60 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
