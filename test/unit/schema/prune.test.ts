import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prunePlan } from '../../../src/core/schema/prune';
import { validateText } from './helpers';

test('invalid list items become empty items so indices stay aligned with the source', () => {
  const { plan, diagnostics } = validateText([
    'version: 1', 'project: { name: X }', 'candidates:',
    '  - cnn',
    '  - { id: "a b", name: B }',
    '  - { id: ok, name: C, extra: 1 }',
    '  - { id: d, name: D, baseline: yes }', '',
  ].join('\n'));
  assert.equal(diagnostics.length, 4);
  assert.deepEqual(plan.candidates, [{}, { name: 'B' }, { id: 'ok', name: 'C' }, { id: 'd', name: 'D' }]);
});

test('an invalid item of a list of text becomes empty text', () => {
  const { plan } = validateText('version: 1\nproject: { name: X }\ndecision: { attendees: [Dana, [x], Lee] }\n');
  assert.deepEqual(plan.decision, { attendees: ['Dana', '', 'Lee'] });
});

test('unknown keys and wrong values are dropped, valid siblings kept', () => {
  const { plan } = validateText([
    'version: 2', 'projet: x', 'project: { name: X, lead: 3, runway: 2027-03-31 }', 'checklist:',
    '  discover: { business-understanding: donee, data-understanding: done, Foo: done, x: 3 }',
    '  develop:', '    label-audit: { status: bad, title: Audit, titel: x }', '    literature-review: { status: done }',
    'evaluation: { command: run, timeout: abc }', '',
  ].join('\n'));
  assert.deepEqual(plan, {
    project: { name: 'X', runway: '2027-03-31' },
    checklist: {
      discover: { 'data-understanding': 'done' },
      develop: { 'label-audit': { title: 'Audit' }, 'literature-review': { status: 'done' } },
    },
    evaluation: { command: 'run' },
  });
});

test('the input data is not mutated and a valid plan is a copy', () => {
  const { data, plan } = validateText('version: 1\nproject: { name: X, nmae: Y }\ncandidates: [cnn]\n');
  assert.deepEqual(data, { version: 1, project: { name: 'X', nmae: 'Y' }, candidates: ['cnn'] });
  assert.deepEqual(plan, { version: 1, project: { name: 'X' }, candidates: [{}] });
  const valid = validateText('version: 1\nproject: { name: X }\n');
  assert.deepEqual(valid.plan, valid.data);
  assert.notEqual(valid.plan, valid.data);
});

test('prunePlan: a non-mapping root or an invalid root gives an empty plan', () => {
  assert.deepEqual(prunePlan([1, 2], []), {});
  assert.deepEqual(prunePlan('text', []), {});
  assert.deepEqual(prunePlan(null, []), {});
  assert.deepEqual(prunePlan({ version: 1 }, [[]]), {});
  assert.deepEqual(prunePlan({ version: 1, project: { name: 'X' } }, [['project', 'name'], ['missing', 'path']]), { version: 1, project: {} });
});

test('an own __proto__ key is copied as an own property, never as the copy\'s prototype', () => {
  const data = JSON.parse('{"version": 1, "__proto__": {"goal": {"problem": "sneaky"}}}');
  const plan = prunePlan(data, []);
  assert.equal(Object.getPrototypeOf(plan), Object.prototype);
  assert.equal(plan.goal, undefined);
  assert.deepEqual(Object.getOwnPropertyNames(plan), ['version', '__proto__']);
});
