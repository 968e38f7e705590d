// The fuzz properties, shared by fuzz.test.ts (10,000 runs from fixed seeds) and regressions.test.ts (replays of
// seeds and paths). Each property checks, for every generated input, that checkPlanText does not throw, finishes
// within a bound, and returns diagnostics whose ranges, related locations and fix edits lie inside their document
// with positions consistent with their offsets (invariants.ts).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { applyMutation, basePlans, heavyMutationArb, lightMutationArb, type Mutation } from './mutations';
import { verify, type CheckPlanText } from './invariants';

export interface Stats {
  n: number;
  maxMs: number;
  maxChars: number;
}

export const newStats = (): Stats => ({ n: 0, maxMs: 0, maxChars: 0 });

/** Seeds and run counts of the properties; the counts add up to 10,000. */
export const PROPERTY_SEEDS = {
  mutatedPlans: 20260601,
  randomText: 20260602,
  schemaShaped: 20260603,
  hostileContent: 20260604,
  corruptBytes: 20260605,
} as const;
export type PropertyName = keyof typeof PROPERTY_SEEDS;
export const RUNS: Record<PropertyName, number> = {
  mutatedPlans: 5_000,
  randomText: 1_500,
  schemaShaped: 1_500,
  hostileContent: 1_000,
  corruptBytes: 1_000,
};

export const TITLES: Record<PropertyName, string> = {
  mutatedPlans: 'mutated example and generated plans',
  randomText: 'random YAML-ish, binary and grapheme text',
  schemaShaped: 'schema-shaped plans with values of any type',
  hostileContent: 'hostile content: huge scalars, deep nesting, alias bombs',
  corruptBytes: 'corrupt bytes decoded as the CLI decodes them (UTF-8, bad bytes to U+FFFD) and as Latin-1',
};

const bases = basePlans();

/** Runs the check and throws with every problem found, so fast-check shrinks and reports the input. */
async function mustHold(check: CheckPlanText, text: string, files: Record<string, string>, stats: Stats): Promise<void> {
  const v = await verify(check, text, files);
  stats.n++;
  if (v.ms > stats.maxMs) {
    stats.maxMs = v.ms;
    stats.maxChars = text.length;
  }
  if (!v.ok) throw new Error(v.problems.slice(0, 10).join('\n'));
}

const YAMLISH = [...'abcdefghijklmnopqrstuvwxyz_-0123456789 :\n\n\n  -?[]{},&*!|>#"\'%@`\t\\.\r'];

// Documents that look like plans (the schema's keys) with values of any type in any place, so that the rules see
// every wrong type where they expect a string, a list or an object.
const KEYS = [
  'version', 'project', 'name', 'lead', 'brief', 'team', 'role', 'runway', 'description', 'goal', 'problem',
  'business_metric', 'success_criteria', 'metric', 'target', 'direction', 'why', 'data', 'sources', 'path',
  'known_issues', 'checklist', 'discover', 'define', 'develop', 'deliver', 'deployment', 'business-understanding',
  'baseline', 'literature-review', 'brainstorming', 'model-decision', 'prototyping', 'tuning', 'evaluation',
  'reality-check', 'status', 'title', 'reason', 'evidence', 'literature', 'url', 'takeaway', 'candidates', 'id',
  'expected_gain', 'cost', 'risk', 'source', 'params', 'notes', 'decision', 'chosen', 'date', 'rationale',
  'attendees', 'record', 'command', 'metrics_file', 'dataset', 'timeout', 'history', 'reality_checks', 'kind',
  'plan', 'outcome', 'rules', 'single-architecture', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];
const SCALARS = fc.oneof(
  fc.constantFrom<unknown>('done', 'todo', 'in-progress', 'skipped', 'low', 'medium', 'high', 'maximize', 'minimize', 'demo',
    'logreg', 'cnn', '2026-12-01', '2027-13-45', '../outside.md', '/etc/passwd', 'docs/brief.md', 'data/test.csv',
    '30m', '-5s', 'off', 'error', '', ' ', 'NaN', '${candidate}', 1, 0, -1, 1.5, 1e308, -0, true, false, null),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer(),
);
const { value: planLike } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, SCALARS, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 5 }),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 8 }),
}));
const rootPlan = fc.record({
  version: fc.oneof(fc.constant(1), SCALARS),
  project: planLike, goal: planLike, data: planLike, checklist: planLike, literature: planLike, candidates: planLike,
  decision: planLike, evaluation: planLike, reality_checks: planLike, rules: planLike,
}, { requiredKeys: ['version'] });
const SHAPED_FILES = { 'docs/brief.md': '# Brief\n', 'data/test.csv': 'a\n1\n', 'eval.py': 'print(1)\n' };

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const utf8 = new TextDecoder('utf-8', { fatal: false });
const latin1 = new TextDecoder('latin1');

/** The text a property's generated value stands for (also used to print and replay counterexamples). */
export const INPUTS: { [K in PropertyName]: { arb: fc.Arbitrary<any>; toText(v: any): { text: string; files: Record<string, string> } | undefined } } = {
  mutatedPlans: {
    arb: fc.tuple(fc.nat(bases.length - 1), fc.array(lightMutationArb, { minLength: 1, maxLength: 6 })),
    toText: ([b, ms]: [number, Mutation[]]) => ({ text: ms.reduce(applyMutation, bases[b].text), files: bases[b].files }),
  },
  randomText: {
    arb: fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...YAMLISH), maxLength: 600 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    ),
    toText: (text: string) => ({ text, files: {} }),
  },
  schemaShaped: {
    arb: fc.tuple(fc.oneof(rootPlan, planLike), fc.boolean()),
    toText: ([value, flow]: [unknown, boolean]) => {
      try {
        return { text: stringify(value, flow ? { collectionStyle: 'flow', aliasDuplicateObjects: false } : { aliasDuplicateObjects: false }), files: SHAPED_FILES };
      } catch {
        return undefined; // not every random value is serialisable; nothing to check
      }
    },
  },
  hostileContent: {
    arb: fc.tuple(fc.nat(bases.length - 1), heavyMutationArb, fc.array(lightMutationArb, { maxLength: 3 })),
    toText: ([b, heavy, light]: [number, Mutation, Mutation[]]) => ({ text: [heavy, ...light].reduce(applyMutation, bases[b].text), files: bases[b].files }),
  },
  corruptBytes: {
    arb: fc.tuple(
      fc.nat(bases.length - 1),
      fc.array(fc.record({ at: frac, byte: fc.integer({ min: 0, max: 255 }), insert: fc.boolean() }), { minLength: 1, maxLength: 20 }),
      fc.boolean(),
    ),
    toText: ([b, edits, asLatin1]: [number, Array<{ at: number; byte: number; insert: boolean }>, boolean]) => {
      let bytes = Buffer.from(bases[b].text, 'utf8');
      for (const e of edits) {
        const at = Math.floor(e.at * bytes.length);
        if (e.insert) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([e.byte]), bytes.subarray(at)]);
        else if (bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = e.byte;
      }
      return { text: (asLatin1 ? latin1 : utf8).decode(bytes), files: bases[b].files };
    },
  },
};

export function property(name: PropertyName, check: CheckPlanText, stats: Stats): fc.IAsyncProperty<[any]> {
  return fc.asyncProperty(INPUTS[name].arb, async (value) => {
    const input = INPUTS[name].toText(value);
    if (input) await mustHold(check, input.text, input.files, stats);
  });
}

/** The names of the base plans, in the order `fc.nat` indexes them (examples first, then generated). */
export const BASE_NAMES = bases.map((b) => b.name);
