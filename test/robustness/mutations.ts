// Mutations of plan texts for the fuzz tests: fast-check arbitraries that describe an edit, and `applyMutation`
// that performs it. Describing edits as data (rather than generating whole texts) keeps counterexamples small and
// readable when fast-check shrinks them, and lets regressions.test.ts replay them.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generatePlan } from '../../bench/generatePlan';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export type Mutation =
  | { op: 'deleteLines'; at: number; count: number }
  | { op: 'duplicateLines'; at: number; count: number; to: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'indent'; at: number; delta: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replaceChar'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'hugeScalar'; at: number; size: number; quoted: boolean }
  | { op: 'deepNesting'; at: number; depth: number; style: 'flow-seq' | 'flow-map' | 'block-seq' | 'block-map' }
  | { op: 'aliasBomb'; levels: number; width: number }
  | { op: 'alias'; at: number; name: string; anchor: boolean }
  | { op: 'crlf' }
  | { op: 'bom' };

/** Positions are fractions in [0, 1) so that one mutation applies to any text. */
const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const toIndex = (f: number, n: number): number => Math.min(n - 1, Math.max(0, Math.floor(f * n)));

const HOSTILE_CHARS = [
  '\t', '\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd',
  '\ud800', '\udfff', '\ud83d\ude00', '\u200b', '\u202e', '\r', '\r\n', '\n', ':', ': ', '- ', '? ', '#', '&a ', '*a',
  '!!binary ', '!custom ', '<<: *a', '{', '}', '[', ']', '"', "'", '|', '>', '%YAML 1.1\n', '---\n', '...\n', '@', '`',
  '\\', '~', 'null', 'é', 'ß', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '中文', '\u0301', '\uDB40\uDC01',
];

const insertText = fc.oneof(
  fc.constantFrom(...HOSTILE_CHARS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), maxLength: 6 }),
);

/** Edits of the kind a person makes while typing, or a bad merge or a truncated save leaves behind. */
export const lightMutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deleteLines' as const), at: frac, count: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicateLines' as const), at: frac, count: fc.integer({ min: 1, max: 8 }), to: frac }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: frac, b: frac }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('indent' as const), at: frac, delta: fc.integer({ min: -6, max: 6 }) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at: frac, text: insertText }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replaceChar' as const), at: frac, text: insertText }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: frac }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('alias' as const), at: frac, name: fc.constantFrom('a', 'b', 'x1', 'ä', 'very-long-anchor-name'), anchor: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('crlf' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bom' as const) }) },
);

/** Hostile content: huge scalars, deep nesting, alias bombs. */
export const heavyMutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('hugeScalar' as const), at: frac, size: fc.integer({ min: 1_000, max: 300_000 }), quoted: fc.boolean() }),
  fc.record({
    op: fc.constant('deepNesting' as const), at: frac, depth: fc.integer({ min: 10, max: 3_000 }),
    style: fc.constantFrom('flow-seq' as const, 'flow-map' as const, 'block-seq' as const, 'block-map' as const),
  }),
  fc.record({ op: fc.constant('aliasBomb' as const), levels: fc.integer({ min: 2, max: 12 }), width: fc.integer({ min: 2, max: 12 }) }),
);

/** Any mutation. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: lightMutationArb },
  { weight: 1, arbitrary: heavyMutationArb },
);

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.op) {
    case 'deleteLines': {
      const at = toIndex(m.at, n);
      lines.splice(at, m.count);
      return lines.join('\n');
    }
    case 'duplicateLines': {
      const at = toIndex(m.at, n);
      const chunk = lines.slice(at, at + m.count);
      lines.splice(toIndex(m.to, n + 1), 0, ...chunk);
      return lines.join('\n');
    }
    case 'swapLines': {
      const a = toIndex(m.a, n);
      const b = toIndex(m.b, n);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'indent': {
      const at = toIndex(m.at, n);
      lines[at] = m.delta >= 0 ? ' '.repeat(m.delta) + lines[at] : lines[at].replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const at = Math.floor(m.at * (text.length + 1));
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replaceChar': {
      if (text.length === 0) return m.text;
      const at = toIndex(m.at, text.length);
      return text.slice(0, at) + m.text + text.slice(at + 1);
    }
    case 'truncate':
      // may cut a surrogate pair or a CRLF in half: both are realistic for a file cut off mid-write
      return text.slice(0, Math.floor(m.at * text.length));
    case 'hugeScalar': {
      const at = toIndex(m.at, n);
      const indent = /^ */.exec(lines[at])![0];
      const body = 'x'.repeat(m.size);
      lines.splice(at + 1, 0, `${indent}huge_${at}: ${m.quoted ? `"${body}"` : body}`);
      return lines.join('\n');
    }
    case 'deepNesting': {
      const at = toIndex(m.at, n);
      const d = m.depth;
      let nest: string;
      if (m.style === 'flow-seq') nest = `deep: ${'['.repeat(d)}1${']'.repeat(d)}`;
      else if (m.style === 'flow-map') nest = `deep: ${'{a: '.repeat(d)}1${'}'.repeat(d)}`;
      else if (m.style === 'block-seq') nest = 'deep:\n' + Array.from({ length: Math.min(d, 400) }, (_, i) => `${' '.repeat(2 + i * 2)}-`).join('\n') + ' 1';
      else nest = 'deep:\n' + Array.from({ length: Math.min(d, 400) }, (_, i) => `${' '.repeat(2 + i)}k${i}:`).join('\n') + ' 1';
      lines.splice(at, 0, nest);
      return lines.join('\n');
    }
    case 'aliasBomb':
      return aliasBomb(m.levels, m.width) + text;
    case 'alias': {
      const at = toIndex(m.at, n);
      lines[at] = lines[at].replace(/: (.*)$/, m.anchor ? `: &${m.name} $1` : `: *${m.name}`);
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return '\ufeff' + text;
  }
}

/** A "billion laughs" document: `levels` levels, each an array of `width` aliases of the level below. */
export function aliasBomb(levels: number, width: number): string {
  const out = ['bomb:', '  l0: &l0 "lol"'];
  for (let i = 1; i <= levels; i++) out.push(`  l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  return out.join('\n') + '\n';
}

/** The plans the fuzz tests start from: every example plan, plus generated ones of a few sizes. */
export function basePlans(): Array<{ name: string; text: string; files: Record<string, string> }> {
  const out: Array<{ name: string; text: string; files: Record<string, string> }> = [];
  const examples = path.join(REPO_ROOT, 'examples');
  if (existsSync(examples)) {
    for (const dir of readdirSync(examples).sort()) {
      const file = path.join(examples, dir, '.mlproject.yaml');
      if (existsSync(file)) out.push({ name: `examples/${dir}`, text: readFileSync(file, 'utf8'), files: exampleFiles(path.join(examples, dir)) });
    }
  }
  for (const [seed, lines] of [[1, 60], [2, 120], [3, 200]] as const) {
    const p = generatePlan({ seed, lines });
    out.push({ name: `generated seed ${seed}, ${lines} lines`, text: p.text, files: p.files });
  }
  return out;
}

/** Small text files of an example folder (so the check sees its brief, dataset and scripts), by relative path. */
function exampleFiles(dir: string, rel = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(files, exampleFiles(dir, r));
    else if (e.isFile() && e.name !== '.mlproject.yaml') files[r] = readFileSync(path.join(dir, r), 'utf8').slice(0, 100_000);
  }
  return files;
}
