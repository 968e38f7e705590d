// The architecture's rules, enforced: the core is pure (never imports vscode), src/ has no import cycles, and no
// source file grows past 400 lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /\bfrom\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

test('src/core never imports vscode', () => {
  const offenders = files(join(src, 'core')).filter((f) => importsOf(f).includes('vscode'));
  assert.deepEqual(offenders.map((f) => relative(root, f)), []);
});

test('src/cli never imports vscode or the extension', () => {
  const offenders = files(join(src, 'cli')).filter((f) => importsOf(f).some((s) => s === 'vscode' || /\/extension\//.test(s)));
  assert.deepEqual(offenders.map((f) => relative(root, f)), []);
});

test('src/ has no import cycles', () => {
  const graph = new Map<string, string[]>();
  for (const f of files(src)) graph.set(f, importsOf(f).map((s) => resolveLocal(f, s)).filter((x): x is string => !!x));
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[] = [];
  const visit = (f: string, stack: string[]): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(f)), f].map((x) => relative(src, x)).join(' -> '));
      return;
    }
    state.set(f, 'visiting');
    for (const g of graph.get(f) ?? []) visit(g, [...stack, f]);
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f, []);
  assert.deepEqual(cycles, []);
});

test('no source file is over 400 lines', () => {
  const long = [...files(src), ...(existsSync(join(root, 'media')) ? files(join(root, 'media')) : [])]
    .map((f) => ({ f: relative(root, f), n: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.n > 400);
  assert.deepEqual(long, []);
});
