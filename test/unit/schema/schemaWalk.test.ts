// deref follows a `$ref` of the plan schema once and hands every caller the same result: it must be the
// definition with the keywords beside the `$ref` winning, whoever asked first, and the schema itself untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deref, PLAN_SCHEMA, schemaAt, type JsonSchema } from '../../../src/core/schema/schemaWalk';

const stepStatus = (): JsonSchema => schemaAt(['checklist', 'develop', 'label-audit'], undefined, false)!.oneOf![1].properties!.status;

test('a $ref with a description beside it: the definition, with the description beside the $ref', () => {
  const ref = stepStatus();
  assert.equal(ref.$ref, '#/definitions/status');
  const first = deref(ref);
  assert.deepEqual(first, { ...PLAN_SCHEMA.definitions!.status, description: 'Status of the step. Default: todo.' });
  assert.equal(deref(ref), first, 'the same object on every call');
  assert.equal(ref.$ref, '#/definitions/status', 'the schema itself is not changed');
  assert.match(PLAN_SCHEMA.definitions!.status.description!, /^Status of a step/);
});

test('a $ref into another root is followed against that root, not the plan schema', () => {
  const root: JsonSchema = { definitions: { x: { type: 'string', description: 'other' } } };
  assert.deepEqual(deref({ $ref: '#/definitions/x' }, root), { type: 'string', description: 'other' });
  assert.deepEqual(deref({ $ref: '#/definitions/missing', title: 't' }, root), { title: 't' });
});
