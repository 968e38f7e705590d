import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { shellQuote, substituteCommand, substitutePath, SubstitutionError, type CommandVariables } from '../../../src/core/runs/substitute';

const HOSTILE = [
  'x; rm -rf ~',
  '$(touch pwned)',
  '`touch pwned`',
  "it's",
  "'; touch pwned; '",
  '"$(touch pwned)"',
  'a\nb',
  '  spaced  ',
  '*',
  '-rf',
  '',
  '\\',
  '$HOME',
  'ünïcödé ✓',
];

function vars(candidate: string, dir = '/ws'): CommandVariables {
  return { candidate, runId: '20261126-235959-ab12cd', runDir: `${dir}/.mlproject/runs/x`, metricsFile: `${dir}/m.json`, workspaceFolder: dir, seed: '0' };
}

/** Runs `sh -c` in `cwd` and returns what the printf'd arguments were, one per element. */
function shArgs(command: string, cwd: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', command], { cwd, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

test('shellQuote wraps in single quotes and escapes embedded quotes', () => {
  assert.equal(shellQuote('abc'), "'abc'");
  assert.equal(shellQuote("it's"), "'it'\\''s'");
  assert.equal(shellQuote(''), "''");
});

test('hostile candidate names reach the program as one intact argument and run nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlp-sub-'));
  try {
    for (const name of HOSTILE) {
      const cmd = substituteCommand("printf '%s\\0' ${candidate} ${candidate}", vars(name, dir), {});
      assert.deepEqual(shArgs(cmd, dir), [name, name], `candidate ${JSON.stringify(name)}`);
      assert.deepEqual(readdirSync(dir), [], `nothing created for ${JSON.stringify(name)}`);
    }
    assert.equal(existsSync(path.join(dir, 'pwned')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every variable is substituted and quoted, including inside a word and ${env:NAME}', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlp sub $(x) '));
  try {
    const cmd = substituteCommand(
      "printf '%s\\0' ${candidate} ${runId} ${runDir} ${metricsFile} ${workspaceFolder} --out=${metricsFile} ${env:GREETING} ${env:UNSET_VAR_X}",
      vars('knn', dir), { GREETING: 'hi; touch pwned' });
    assert.deepEqual(shArgs(cmd, dir), [
      'knn', '20261126-235959-ab12cd', `${dir}/.mlproject/runs/x`, `${dir}/m.json`, dir, `--out=${dir}/m.json`, 'hi; touch pwned', '',
    ]);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('shell syntax of the template itself is kept: pipes, $VAR, escaped \\${', () => {
  const cmd = substituteCommand('echo ${candidate} | tr a-z A-Z && echo "$HOME" \\${candidate}', vars('knn'), {});
  assert.equal(cmd, `echo 'knn' | tr a-z A-Z && echo "$HOME" \\\${candidate}`);
  assert.equal(execFileSync('/bin/sh', ['-c', substituteCommand('echo \\${candidate}', vars('knn'), {})], { encoding: 'utf8' }), '${candidate}\n');
});

test('an unknown variable is an error naming it', () => {
  assert.throws(() => substituteCommand('run ${candidat}', vars('knn'), {}), (e: unknown) => {
    assert.ok(e instanceof SubstitutionError);
    assert.equal(e.variable, 'candidat');
    assert.match(e.message, /unknown variable \$\{candidat\}/);
    assert.match(e.message, /\$\{candidate\}/); // lists the known ones
    return true;
  });
  assert.throws(() => substituteCommand('echo ${HOME}', vars('knn'), {}), /write \$HOME or \$\{env:HOME\}/);
  assert.throws(() => substituteCommand('echo ${env:1BAD}', vars('knn'), {}), /not a valid environment variable name/);
  assert.throws(() => substituteCommand('echo ${candidate', vars('knn'), {}), /never closed/);
});

test('a variable inside quotes is refused, since quoting there would not protect', () => {
  assert.throws(() => substituteCommand('echo "${candidate}"', vars('knn'), {}), /inside double quotes/);
  assert.throws(() => substituteCommand("echo '--model=${candidate}'", vars('knn'), {}), /inside single quotes/);
  // quotes that close before the variable are fine
  assert.equal(substituteCommand(`echo "a" 'b' \${candidate}`, vars('c'), {}), `echo "a" 'b' 'c'`);
  assert.equal(substituteCommand(`echo "it\\"s" \${candidate}`, vars('c'), {}), `echo "it\\"s" 'c'`);
});

test('metrics_file substitution: ${runDir}, ${runId}, ${candidate}, ${seed}; nothing else', () => {
  const v = { runDir: '.mlproject/runs/r1', runId: 'r1', candidate: 'knn', seed: '2' };
  assert.equal(substitutePath('out/${candidate}-s${seed}.json', v), 'out/knn-s2.json');
  assert.equal(substitutePath('${runDir}/metrics.json', v), '.mlproject/runs/r1/metrics.json');
  assert.equal(substitutePath('out/${candidate}-${runId}.json', v), 'out/knn-r1.json');
  assert.throws(() => substitutePath('${metricsFile}', v), /unknown variable \$\{metricsFile\}.*\$\{runDir\}/);
  assert.throws(() => substitutePath('${env:HOME}/m.json', v), /unknown variable \$\{env:HOME\}/);
});
