// The benchmark's plan generator is deterministic and valid against the JSON Schema except for the problems it
// plants on purpose, so that every engine in the benchmark has exactly those to report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { generatePlan, oneCharEdit } from '../../bench/generatePlan';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../../schemas/mlproject.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

test('generatePlan is deterministic and close to the requested size', () => {
  for (const lines of [200, 20000]) {
    const a = generatePlan({ seed: 7, lines });
    const b = generatePlan({ seed: 7, lines });
    assert.equal(a.text, b.text);
    assert.ok(Math.abs(a.lineCount - lines) <= lines * 0.03, `${a.lineCount} lines for ${lines}`);
    assert.notEqual(generatePlan({ seed: 8, lines }).text, a.text);
  }
});

test('without planted problems the plan is schema-valid', () => {
  for (const seed of [1, 2, 3]) {
    for (const lines of [200, 20000]) {
      const plan = generatePlan({ seed, lines, problems: false });
      const ok = validate(parse(plan.text));
      assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5)));
      assert.equal(plan.problems.length, 0);
    }
  }
});

test('every planted problem is a schema error on its line, and there are no others', () => {
  for (const seed of [1, 2, 3]) {
    for (const lines of [200, 20000]) {
      const plan = generatePlan({ seed, lines, firstLine: '# yaml-language-server: $schema=file:///x.json' });
      assert.equal(validate(parse(plan.text)), false);
      const lineTexts = plan.text.split('\n');
      for (const p of plan.problems) assert.ok(lineTexts[p.line].includes(p.token), `${p.token} on line ${p.line}`);
      const paths = new Set((validate.errors ?? []).map((e) => e.instancePath.split('/').slice(0, 3).join('/')));
      // misspelt goal key, string target, bad step status, misspelt candidate key
      assert.equal(plan.problems.length, 4);
      assert.ok(paths.has('/goal'));
      assert.ok([...paths].some((p) => p.startsWith('/goal/success_criteria')));
      assert.ok([...paths].some((p) => p.startsWith('/checklist/')));
      assert.ok([...paths].some((p) => p.startsWith('/candidates/')));
      for (const e of validate.errors ?? []) {
        assert.match(e.instancePath, /^\/(goal|checklist\/\w+\/[\w-]+|candidates\/\d+)/, `unexpected schema error ${e.instancePath} ${e.message}`);
      }
    }
  }
});

test('oneCharEdit changes exactly one character and keeps the plan valid', () => {
  const plan = generatePlan({ seed: 1, lines: 200, problems: false });
  const a = oneCharEdit(plan.text, 0);
  const b = oneCharEdit(plan.text, 1);
  assert.equal(a.text.length, plan.text.length);
  assert.notEqual(a.text, b.text);
  let diffs = 0;
  for (let i = 0; i < a.text.length; i++) if (a.text[i] !== b.text[i]) diffs++;
  assert.equal(diffs, 1);
  assert.ok(validate(parse(a.text)));
});
