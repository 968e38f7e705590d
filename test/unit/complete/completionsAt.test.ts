// Completion at realistic cursor positions, `|` marking the cursor, incomplete lines included: a key being typed,
// a line of indentation, `status: ` with nothing after, a lone `- `, an unclosed flow mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, withoutSchemaItems, type PlanCompletion } from '../../../src/core/complete/completionsAt';
import { parsePlan } from '../../../src/core/parse/parsePlan';

function at(marked: string, options?: { schemaItems?: boolean }): PlanCompletion[] {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return completionsAt(text, offset, () => parsePlan(text).plan, options);
}
const labels = (items: PlanCompletion[]) => items.map((i) => i.label);
const item = (items: PlanCompletion[], label: string): PlanCompletion => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} among ${labels(items).join(', ')}`);
  return found;
};

const PLAN = [
  'version: 1',
  'project:',
  '  name: Genre tagger',
  'literature:',
  '  - title: "Musical genre classification: audio"',
  '    takeaway: MFCC features are a cheap baseline',
  '  - { title: Convolutional recurrent networks, url: https://arxiv.org/abs/1609.04243 }',
  'candidates:',
  '  - { id: logreg, name: Logistic regression, baseline: true, expected_gain: low, cost: low }',
  '  - id: cnn',
  '    name: Small CNN',
  '    expected_gain: high',
  '',
].join('\n');

test('keys of a mapping on a line of indentation, with descriptions, without those already there (before and after)', () => {
  const items = at('version: 1\nproject:\n  name: x\n  |\n  lead: Dana\n');
  assert.deepEqual(labels(items).sort(), ['brief', 'description', 'runway', 'team']);
  assert.match(item(items, 'runway').documentation ?? '', /milestone date/);
  assert.equal(item(items, 'runway').origin, 'schema');
});

test('a key being typed replaces the word; object and list keys open a nested block at the next indentation', () => {
  const items = at('version: 1\nproj|\n');
  const project = item(items, 'project');
  assert.equal(project.insertText, 'project:\n  $0');
  assert.equal(project.snippet, true);
  assert.deepEqual(project.range, { start: 11, end: 15 });
  assert.match(project.detail ?? '', /required/);
  assert.equal(item(items, 'candidates').insertText, 'candidates:\n  - $0');
  assert.ok(!labels(items).includes('version'));

  const nested = at('version: 1\nproject:\n    name: x\n    |\n');
  assert.equal(item(nested, 'team').insertText, 'team:\n        - $0', 'the file indents by 4');
  assert.equal(item(nested, 'lead').insertText, 'lead: ');
});

test('an enumeration key offers its values as a choice; a key that already has its colon inserts only the name', () => {
  const items = at('goal:\n  success_criteria:\n    - metric: f1\n      dir|\n');
  assert.equal(item(items, 'direction').insertText, 'direction: ${1|maximize,minimize|}');
  assert.ok(!labels(items).includes('metric'));
  const renamed = at('decision:\n  cho|sen: cnn\n');
  assert.equal(item(renamed, 'chosen').insertText, 'chosen');
  assert.deepEqual(item(renamed, 'chosen').range, { start: 12, end: 18 });
});

test('a lone `- ` in a list of mappings offers the item keys; right after `-` they start with a space', () => {
  assert.deepEqual(labels(at('goal:\n  success_criteria:\n    - |\n')), ['metric', 'target', 'direction', 'why']);
  const bare = at('reality_checks:\n  -|\n');
  assert.equal(item(bare, 'kind').insertText, ' kind: ${1|ab-test,demo,focus-group,pilot,user-study|}');
  const second = at('candidates:\n  - id: a\n    name: A\n  - |\n');
  assert.ok(labels(second).includes('id') && labels(second).includes('name'), 'a new item has none of the previous item\'s keys');
});

test('status values after `status: ` with nothing after, in a step mapping, and while typing', () => {
  assert.deepEqual(labels(at('checklist:\n  deliver:\n    tuning: |\n')), ['todo', 'in-progress', 'done', 'skipped']);
  const typing = at('checklist:\n  deliver:\n    tuning: in-|  # soon\n');
  assert.deepEqual(item(typing, 'in-progress').range, { start: 34, end: 37 });
  assert.deepEqual(labels(at('checklist:\n  develop:\n    label-audit:\n      title: Audit labels\n      status: |\n')), ['todo', 'in-progress', 'done', 'skipped']);
  const noSpace = at('checklist:\n  deliver:\n    tuning:|\n');
  assert.equal(item(noSpace, 'done').insertText, ' done');
});

test('directions, gain, cost and risk levels, kinds and rule levels, in block and flow style', () => {
  assert.deepEqual(labels(at('goal:\n  success_criteria:\n    - { metric: f1, target: 0.8, direction: | }\n')), ['maximize', 'minimize']);
  assert.deepEqual(labels(at('candidates:\n  - id: a\n    cost: |\n')), ['low', 'medium', 'high']);
  const risk = at('candidates:\n  - { id: a, risk: m| }\n');
  assert.deepEqual(labels(risk), ['low', 'medium', 'high']);
  assert.deepEqual(item(risk, 'medium').range, { start: 31, end: 32 });
  assert.deepEqual(labels(at('candidates:\n  - id: a\n    expected_gain: |\n')), ['low', 'medium', 'high']);
  assert.ok(labels(at('reality_checks:\n  - kind: |\n')).includes('focus-group'));
  assert.deepEqual(labels(at('rules:\n  no-brief: |\n')), ['off', 'error', 'warning', 'info', 'hint']);
  assert.deepEqual(labels(at('version: |\n')), ['1']);
});

test('the step ids of a phase, block and flow, without the steps already listed', () => {
  const items = at('checklist:\n  develop:\n    literature-review: done\n    |\n    model-decision: todo\n');
  assert.deepEqual(labels(items), ['brainstorming']);
  assert.equal(items[0].origin, 'catalog');
  assert.equal(items[0].insertText, 'brainstorming: ${1|todo,in-progress,done,skipped|}');
  assert.match(items[0].documentation ?? '', /Committing early/);
  assert.deepEqual(labels(at('checklist:\n  discover: { business-understanding: done, | }\n')), ['data-understanding', 'project-brief']);
  assert.deepEqual(labels(at('checklist:\n  discover: { |, project-brief: done }\n')), ['business-understanding', 'data-understanding']);
  assert.deepEqual(labels(at('checklist:\n  deployment:\n    se|\n')), ['clean-up', 'training-pipeline', 'monitoring', 'serving']);
  assert.deepEqual(labels(at('checklist:\n  |\n')), ['discover', 'define', 'develop', 'deliver', 'deployment']);
});

test('a custom step mapping takes the step keys', () => {
  assert.deepEqual(labels(at('checklist:\n  develop:\n    label-audit: { status: done, | }\n')), ['title', 'reason', 'why', 'evidence']);
});

test('candidate ids for decision.chosen, from block and flow candidates', () => {
  const items = at(`decision:\n  chosen: |\n${PLAN}`);
  assert.deepEqual(labels(items), ['logreg', 'cnn']);
  assert.equal(item(items, 'cnn').detail, 'Small CNN');
  assert.equal(item(items, 'logreg').origin, 'plan');
  assert.match(item(items, 'logreg').documentation ?? '', /baseline/);
  assert.deepEqual(labels(at(`${PLAN}decision: { chosen: c| }\n`)), ['logreg', 'cnn']);
});

test('literature titles for a candidate\'s source, quoted when YAML needs it', () => {
  const items = at(`${PLAN}    source: |\n`);
  assert.deepEqual(labels(items), ['Musical genre classification: audio', 'Convolutional recurrent networks']);
  assert.equal(item(items, 'Musical genre classification: audio').insertText, '"Musical genre classification: audio"');
  assert.equal(item(items, 'Convolutional recurrent networks').insertText, 'Convolutional recurrent networks');
  assert.equal(item(items, 'Musical genre classification: audio').documentation, 'MFCC features are a cheap baseline');
  const quoted = at(`${PLAN}    source: "Mus|\n`);
  assert.equal(item(quoted, 'Musical genre classification: audio').insertText, '"Musical genre classification: audio"');
  const flow = at(`${PLAN}  - { id: knn, name: kNN, source: Con| }\n`);
  assert.equal(item(flow, 'Convolutional recurrent networks').range.end - item(flow, 'Convolutional recurrent networks').range.start, 3);
});

test('unindented lists, CRLF line ends and a sequence of items give the right paths', () => {
  assert.deepEqual(labels(at('candidates:\n- id: a\n  cost: |\n')), ['low', 'medium', 'high']);
  assert.ok(labels(at('candidates:\n- id: a\n|\n')).includes('decision'), 'a key at column 0 ends the unindented list');
  assert.deepEqual(labels(at('checklist:\r\n  deliver:\r\n    tuning: |\r\n')), ['todo', 'in-progress', 'done', 'skipped']);
  const third = at(`${PLAN}  - id: knn\n    |\n`);
  assert.ok(!labels(third).includes('id') && labels(third).includes('source'));
});

test('rule codes under rules:, without those configured', () => {
  const items = at('rules:\n  missing-evidence: info\n  |\n');
  assert.ok(labels(items).includes('no-baseline'));
  assert.ok(!labels(items).includes('missing-evidence'));
  assert.equal(item(items, 'no-baseline').origin, 'catalog');
});

test('nothing in comments, block scalars, free text, or under a key that already has a value', () => {
  assert.deepEqual(at('goal:\n  problem: tag songs  # |\n'), []);
  assert.deepEqual(at('decision:\n  rationale: |\n    best expected gain\n    |\n'), []);
  assert.deepEqual(at('decision:\n  rationale: best |\n'), []);
  assert.deepEqual(at('version: 1\n  |\n'), []);
  assert.deepEqual(at('candidates:\n  - { id: a } |\n'), []);
});

test('with Red Hat YAML present, the schema keys and values are left out; steps, rules, ids and titles stay', () => {
  const off = { schemaItems: false };
  assert.deepEqual(at('version: 1\nproject:\n  name: x\n  |\n', off), []);
  assert.deepEqual(at('checklist:\n  deliver:\n    tuning: |\n', off), []);
  assert.deepEqual(at('candidates:\n  - id: a\n    cost: |\n', off), []);
  assert.deepEqual(labels(at('checklist:\n  develop:\n    |\n', off)), ['literature-review', 'brainstorming', 'model-decision']);
  assert.ok(at('rules:\n  |\n', off).length > 10);
  assert.deepEqual(labels(at(`decision:\n  chosen: |\n${PLAN}`, off)), ['logreg', 'cnn']);
  assert.equal(at(`${PLAN}    source: |\n`, off).length, 2);
  const mixed = [...at('version: 1\nproject:\n  name: x\n  |\n'), ...at('checklist:\n  develop:\n    |\n')];
  assert.deepEqual(withoutSchemaItems(mixed).map((i) => i.origin), ['catalog', 'catalog', 'catalog']);
});
