// setValues is the one way to set several values of the plan in one minimal edit; the quick fixes (setEntries) and
// the brief's and the decision's plan edits (planEdits.ts) both go through it, each with its own check first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { setEntries, setValues } from '../../../src/core/edit/setEntries';
import { readYaml } from '../../../src/core/edit/yamlText';
import { PlanEditError, setDecision } from '../../../src/core/brief/planEdits';
import { EditError } from '../../../src/core/edit/setValue';

const PLAN = [
  'version: 1   # schema version',
  'project:',
  '  name: Demo   # the name',
  'candidates:',
  '  - { id: cnn, name: CNN }   # favourite',
  '  - id: knn',
  '    name: KNN',
  '# the end',
  '',
].join('\r\n');

test('setValues: several paths in turn, as one insertion of the original text in its own style (CRLF, comments kept)', () => {
  const edits = setValues(readYaml(PLAN), [[['candidates', 1, 'cost'], 'low'], [['candidates', 1, 'expected_gain'], 'high']]);
  assert.equal(edits.length, 1);
  assert.equal(edits[0].end - edits[0].start, 0, 'an insertion: no byte of the original is replaced');
  assert.equal(applyEdits(PLAN, edits), PLAN.replace('    name: KNN\r\n', '    name: KNN\r\n    expected_gain: high\r\n    cost: low\r\n'));
  assert.deepEqual(setValues(readYaml(PLAN), [[['project', 'name'], 'Demo']]), [], 'a value already set: no edit');
  assert.deepEqual(setValues(readYaml(PLAN), []), []);
});

test('a quick fix (setEntries) and the decision (setDecision) give what setValues gives for the same fields', () => {
  const entries = { expected_gain: 'high', cost: 'medium' };
  assert.deepEqual(
    setEntries(PLAN, ['candidates', 0], entries),
    setValues(readYaml(PLAN), [[['candidates', 0, 'expected_gain'], 'high'], [['candidates', 0, 'cost'], 'medium']]),
  );
  assert.equal(applyEdits(PLAN, setEntries(PLAN, ['candidates', 0], entries)), PLAN.replace('name: CNN }', 'name: CNN, expected_gain: high, cost: medium }'));
  const decided = setDecision(PLAN, { chosen: 'cnn', rationale: 'best gain per cost' });
  assert.deepEqual(decided, setValues(readYaml(PLAN), [[['decision', 'chosen'], 'cnn'], [['decision', 'rationale'], 'best gain per cost']]));
  assert.equal(applyEdits(PLAN, decided), PLAN.replace('# the end', 'decision:\r\n  chosen: cnn\r\n  rationale: best gain per cost\r\n# the end'));
});

test('each caller keeps its own check: setEntries needs the mapping, the plan edits need a plan without syntax errors', () => {
  assert.throws(() => setEntries(PLAN, ['candidates', 5], { cost: 'low' }), (e) => e instanceof EditError && /No "candidates.5"/.test((e as Error).message));
  assert.throws(() => setDecision('decision: [\n', { chosen: 'cnn' }), (e) => e instanceof PlanEditError && /syntax errors/.test((e as Error).message));
});
