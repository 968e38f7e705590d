// Schema diagnostics offer the obvious fix for a likely typo: rename an unknown key, change a value to the allowed one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { fixEdits } from '../../../src/core/edit/fixEdits';
import { applyEdits } from '../../../src/core/edit/applyEdits';

function fixAll(text: string): string {
  let out = text;
  for (const d of parsePlan(text).diagnostics) for (const f of d.fixes ?? []) out = applyEdits(out, fixEdits(out, f.action));
  return out;
}

test('a misspelt key gets "Rename to" and a misspelt enum value gets "Change to"; applying them leaves no diagnostic', () => {
  const text = 'version: 1\nprojet:\n  name: x\ncandidates:\n  - { id: a, name: A, cost: hihg }\nchecklist:\n  discover: { business-understanding: in-progres }\n';
  const titles = parsePlan(text).diagnostics.flatMap((d) => (d.fixes ?? []).map((f) => f.title));
  assert.deepEqual(titles, ['Rename to "project"', 'Change to "high"', 'Change to "in-progress"']);
  const fixed = fixAll(text);
  assert.equal(fixed, 'version: 1\nproject:\n  name: x\ncandidates:\n  - { id: a, name: A, cost: high }\nchecklist:\n  discover: { business-understanding: in-progress }\n');
  assert.deepEqual(parsePlan(fixed).diagnostics, []);
});

test('no rename is offered towards a key that already exists (it would create a duplicate)', () => {
  const text = 'version: 1\nproject:\n  name: x\n  nme: y\n';
  const d = parsePlan(text).diagnostics.find((x) => x.message.includes('"nme"'));
  assert.ok(d, 'the unknown key is reported');
  assert.equal(d.fixes, undefined);
});

test('a value with no close allowed value gets no fix', () => {
  const d = parsePlan('version: 1\nproject: { name: x }\ncandidates:\n  - { id: a, name: A, cost: enormous }\n').diagnostics[0];
  assert.match(d.message, /Allowed values: low, medium, high/);
  assert.equal(d.fixes, undefined);
});
