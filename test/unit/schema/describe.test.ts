import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePath } from '../../../src/core/schema/describe';

test('describes keys from the schema, through $ref and list items', () => {
  assert.equal(describePath(['project'])?.description, 'Who runs the project, and where its brief is.');
  assert.match(describePath(['evaluation', 'timeout'])?.description ?? '', /Longest a run may take/);
  assert.match(describePath(['candidates', 0, 'id'])?.description ?? '', /Stable identifier/);
  assert.deepEqual(describePath(['candidates', 2, 'expected_gain'])?.allowed, ['low', 'medium', 'high']);
  assert.deepEqual(describePath(['version'])?.allowed, ['1']);
});

test('a checklist step lists the statuses; keys inside a step mapping are described', () => {
  const step = describePath(['checklist', 'develop', 'label-audit']);
  assert.deepEqual(step?.allowed, ['todo', 'in-progress', 'done', 'skipped']);
  assert.ok(step?.description);
  assert.match(describePath(['checklist', 'develop', 'label-audit', 'reason'])?.description ?? '', /skipped/);
  assert.deepEqual(describePath(['checklist', 'develop', 'x', 'status'])?.allowed, ['todo', 'in-progress', 'done', 'skipped']);
});

test('paths outside the schema are undefined', () => {
  assert.equal(describePath(['nope']), undefined);
  assert.equal(describePath(['project', 'name', 'deeper']), undefined);
  assert.equal(describePath(['checklist', 'unknown-phase']), undefined);
});
