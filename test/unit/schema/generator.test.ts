import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const generated = join(root, 'src', 'core', 'schema', 'generated', 'validatePlanSchema.js');

test('the generated validator needs only Ajv runtime helpers, not its compiler', () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'gen-schema-validator.mjs')]);
  const code = readFileSync(generated, 'utf8');
  const requires = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  assert.ok(requires.every((r) => r.startsWith('ajv/dist/runtime/')), requires.join(', '));
  assert.doesNotMatch(code, /\bnew Function\b|\beval\(/);
});

test('the generator skips work when its output is up to date', () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'gen-schema-validator.mjs')]);
  const before = statSync(generated).mtimeMs;
  const out = execFileSync(process.execPath, [join(root, 'scripts', 'gen-schema-validator.mjs')], { encoding: 'utf8' });
  assert.equal(out, '');
  assert.equal(statSync(generated).mtimeMs, before);
});
