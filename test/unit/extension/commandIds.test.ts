// The table of ids in src/extension/commandIds.ts and package.json say the same: every command, view and context key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { COMMANDS, CONTEXT_KEYS, VIEWS } from '../../../src/extension/commandIds';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

test('every command in the table is declared in package.json contributes.commands, and vice versa', () => {
  const declared = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
  assert.deepEqual(Object.values(COMMANDS).sort(), declared);
});

test('every view in the table is declared in package.json contributes.views, and vice versa', () => {
  const declared = Object.values(manifest.contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id).sort();
  assert.deepEqual(Object.values(VIEWS).sort(), declared);
});

test('every context key in the table is read by a when clause of package.json', () => {
  const text = JSON.stringify(manifest.contributes);
  for (const key of Object.values(CONTEXT_KEYS)) assert.ok(text.includes(key), `${key} is not used in package.json`);
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('the extension writes no command or view id outside the table', () => {
  const ids = new Set<string>([...Object.values(COMMANDS), ...Object.values(VIEWS), ...Object.values(CONTEXT_KEYS)]);
  const dir = join(__dirname, '../../../src/extension');
  const stray = sources(dir)
    .filter((f) => !f.endsWith('commandIds.ts'))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/['"`](mlproject\.[A-Za-z.]+)['"`]/g)].filter((m) => ids.has(m[1]) || ids.has(m[1].replace(/\.focus$/, ''))).map((m) => `${relative(dir, f)}: ${m[1]}`));
  assert.deepEqual(stray, []);
});
