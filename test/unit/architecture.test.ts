// The architecture's rules, enforced: the core never imports vscode, src/ has no import cycles, the folders of
// src/core have no loops between them, only the core's I/O modules touch fs, child_process and os, media/ never
// imports the extension's side of src/, and no source file grows past 400 lines.
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

/** A module's unit in src/core: its first-level folder (`rules`), or the file itself for top-level files. */
function coreUnit(file: string): string {
  const rel = relative(join(src, 'core'), file).split(/[\\/]/);
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.ts$/, '.ts');
}

test('the folders of src/core have no loops between them', () => {
  const core = join(src, 'core');
  const edges = new Map<string, Map<string, string>>(); // unit -> (imported unit -> one importing file, for the message)
  for (const f of files(core)) {
    for (const target of importsOf(f).map((s) => resolveLocal(f, s)).filter((x): x is string => !!x && x.startsWith(core))) {
      const a = coreUnit(f);
      const b = coreUnit(target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, `${relative(core, f)} -> ${relative(core, target)}`);
    }
  }
  const loops: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (u: string, stack: string[]): void => {
    if (state.get(u) === 'done') return;
    if (state.get(u) === 'visiting') {
      const loop = [...stack.slice(stack.indexOf(u)), u];
      loops.push(loop.slice(1).map((b, i) => edges.get(loop[i])!.get(b)!).join(', '));
      return;
    }
    state.set(u, 'visiting');
    for (const v of edges.get(u)?.keys() ?? []) visit(v, [...stack, u]);
    state.set(u, 'done');
  };
  for (const u of edges.keys()) visit(u, []);
  assert.deepEqual(loops, []);
});

/** The core's I/O layer: the only modules of src/core that may import fs, child_process or os. */
const CORE_IO_MODULES = [
  'brief/briefFact.ts', // reads the built-in brief template shipped next to the bundles
  'runs/execute.ts', // spawns the evaluation command
  'runs/executor.ts', // keeps each run's output in its log file
  'runs/git.ts', // asks git for the commit
  'runs/history.ts', // reads and appends the run history
  'runs/lock.ts', // the history's lock folder
  'runs/metrics.ts', // reads the metrics file a run wrote
  'runs/recovery.ts', // saves a run the history lock kept out, and merges it back
  'runs/prepare.ts', // creates the run's folder
  'runs/slurm/slurmProcess.ts', // runs sbatch, squeue, scontrol and scancel
  'workspace/nodeFs.ts', // WorkspaceFs over the real file system
  'workspace/realPaths.ts', // resolves real paths, one component at a time
  'workspace/safeRead.ts', // the one bounded reader of regular files
  'workspace/safeWrite.ts', // folders, new files, atomic replace, append, delete, by real path
];

test('only the I/O modules of src/core import fs, child_process or os', () => {
  const core = join(src, 'core');
  const io = /^(node:)?(fs|fs\/promises|child_process|os)$/;
  const offenders = files(core)
    .map((f) => relative(core, f).split(/[\\/]/).join('/'))
    .filter((f) => !CORE_IO_MODULES.includes(f) && importsOf(join(core, f)).some((s) => io.test(s)));
  assert.deepEqual(offenders, []);
  for (const m of CORE_IO_MODULES) assert.ok(existsSync(join(core, m)), `${m} is listed as an I/O module but does not exist`);
});

test('media/ imports from src/ only the contract and the core, and src/ never imports media/', () => {
  const media = join(root, 'media');
  const bad = files(media).flatMap((f) => importsOf(f)
    .map((s) => resolveLocal(f, s))
    .filter((t): t is string => !!t && t.startsWith(src) && /[\\/]extension[\\/]/.test(relative(src, t)) && !/dashboardProtocol\.ts$/.test(t))
    .map((t) => `${relative(root, f)} -> ${relative(root, t)}`));
  const reverse = files(src).flatMap((f) => importsOf(f).map((s) => resolveLocal(f, s)).filter((t): t is string => !!t && t.startsWith(media + '/')).map((t) => `${relative(root, f)} -> ${relative(root, t)}`));
  assert.deepEqual([...bad, ...reverse], []);
});
