// Fuzzing the check: 10,000 generated and mutated plans in all (properties.ts RUNS), from fixed seeds. For each
// input, checkPlanText must not throw, must finish within a bound (invariants.ts timeBoundMs), and every diagnostic,
// related location and fix edit must lie inside its document with line/character consistent with its offsets.
//
// FUZZ_SEED=<n> explores other inputs; FUZZ_SCALE=0.1 runs a tenth of the inputs.
// A failure prints fast-check's seed and path: add them to SEEDED_FAILURES in regressions.test.ts (see there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryFs } from '../../src/core/workspace/memoryFs';
import { applyMutation, basePlans, lightMutationArb } from './mutations';
import { loadCheckPlanText } from './invariants';
import { newStats, property, PROPERTY_SEEDS, RUNS, TITLES, type PropertyName } from './properties';

const check = loadCheckPlanText();
const skip = typeof check === 'string' ? check : false;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED_OVERRIDE = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : undefined;

for (const name of Object.keys(PROPERTY_SEEDS) as PropertyName[]) {
  test(TITLES[name], { skip, timeout: 300_000 }, async (t) => {
    if (typeof check === 'string') return;
    const stats = newStats();
    const started = performance.now();
    const seed = SEED_OVERRIDE ?? PROPERTY_SEEDS[name];
    await fc.assert(property(name, check, stats), { numRuns: Math.max(1, Math.round(RUNS[name] * SCALE)), seed, includeErrorInReport: true });
    t.diagnostic(`${name}: ${stats.n} inputs (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest ${stats.maxMs.toFixed(0)} ms (${stats.maxChars} chars)`);
  });
}

test('the fuzz inputs are not trivially rejected: most mutated plans still reach the rules', { skip }, async () => {
  if (typeof check === 'string') return;
  // If nearly every input were a syntax error, the properties above would only exercise the parser. Count mutated
  // plans whose diagnostics include something other than YAML syntax or schema errors.
  const bases = basePlans();
  const samples = fc.sample(fc.tuple(fc.nat(bases.length - 1), fc.array(lightMutationArb, { minLength: 1, maxLength: 2 })), { numRuns: 200, seed: 42 });
  let reachedRules = 0;
  for (const [b, ms] of samples) {
    const text = ms.reduce(applyMutation, bases[b].text);
    const fs = new MemoryFs({ ...bases[b].files, '.mlproject.yaml': text });
    const r = await check(text, { fs, today: '2026-06-01' });
    if (r.diagnostics.some((d) => !/yaml|syntax|schema|parse/i.test(d.code))) reachedRules++;
  }
  assert.ok(reachedRules > 100, `only ${reachedRules} of 200 mutated plans reached the rules`);
});
