// Configure Evaluation's edits: the `evaluation:` block added or updated key by key, keeping every other byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { setEvaluation, timeoutValue } from '../../../src/core/edit/evaluationEdits';
import { decodePlan, editPlanBytes } from '../../../src/core/edit/planText';
import { validateText } from '../schema/helpers';

const COMMAND = 'python3 eval.py --candidate ${candidate} --data data/test.csv --out ${metricsFile}';
const VALUES = { command: COMMAND, dataset: 'data/test.csv', timeout: '30m' };

test('no evaluation block: one new block in the schema key order, before the keys that follow it', () => {
  const text = 'version: 1\nproject: { name: X }   # the project\ndecision: { chosen: a }\nrules:\n  runway: off\n';
  const out = applyEdits(text, setEvaluation(text, { ...VALUES, repeats: 3 }));
  assert.equal(out, 'version: 1\nproject: { name: X }   # the project\ndecision: { chosen: a }\n'
    + `evaluation:\n  command: ${COMMAND}\n  dataset: data/test.csv\n  timeout: 30m\n  repeats: 3\nrules:\n  runway: off\n`);
  assert.deepEqual(parse(out).evaluation, { ...VALUES, repeats: 3 });
  assert.deepEqual(validateText(out).diagnostics, []);
});

test('an existing block: only the keys asked about change; other keys, comments and order stay', () => {
  const text = [
    'version: 1',
    'project: { name: X }',
    'evaluation:',
    '  # the pipeline',
    '  command: "python3 old.py ${candidate}"   # quoted by hand',
    '  metrics_file: ${runDir}/m.json',
    '  history: runs/h.jsonl',
    'reality_checks: []',
    '',
  ].join('\n');
  const out = applyEdits(text, setEvaluation(text, VALUES));
  assert.equal(out, [
    'version: 1',
    'project: { name: X }',
    'evaluation:',
    '  # the pipeline',
    `  command: "${COMMAND}"   # quoted by hand`,
    '  metrics_file: ${runDir}/m.json',
    '  dataset: data/test.csv',
    '  timeout: 30m',
    '  history: runs/h.jsonl',
    'reality_checks: []',
    '',
  ].join('\n'));
});

test('values already in the plan are not touched: no edit at all', () => {
  const text = `evaluation:\n  command: ${COMMAND}\n  dataset: data/test.csv\n  timeout: 30m\n  repeats: 2\n`;
  assert.deepEqual(setEvaluation(text, { ...VALUES, repeats: 2 }), []);
  const seconds = 'evaluation: { command: x, timeout: 300 }\n';
  assert.deepEqual(setEvaluation(seconds, { command: 'x', timeout: 300 }), []);
});

test('a flow block gets its new keys inside the braces; an empty `evaluation:` becomes a block', () => {
  const text = 'evaluation: { command: x, history: h.jsonl }\n';
  assert.equal(applyEdits(text, setEvaluation(text, { command: 'y ${candidate}', dataset: 'd.csv' })),
    'evaluation: { command: "y ${candidate}", dataset: d.csv, history: h.jsonl }\n');
  const empty = 'version: 1\nevaluation:   # later\nx: 1\n';
  assert.equal(applyEdits(empty, setEvaluation(empty, { command: 'c', timeout: '5m' })), 'version: 1\nevaluation:   # later\n  command: c\n  timeout: 5m\nx: 1\n');
});

test('CRLF and a byte-order mark are kept', () => {
  const text = '\uFEFFversion: 1\r\nproject: { name: X }\r\nevaluation:\r\n  command: old\r\n';
  const plan = decodePlan(new TextEncoder().encode(text));
  assert.equal(plan.bom, true);
  const bytes = editPlanBytes(plan, setEvaluation(plan.text, { command: 'new ${candidate}', dataset: 'd.csv' }));
  assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), '\uFEFFversion: 1\r\nproject: { name: X }\r\nevaluation:\r\n  command: new ${candidate}\r\n  dataset: d.csv\r\n');
});

test('an evaluation that is not a mapping is refused, never overwritten', () => {
  assert.throws(() => setEvaluation('evaluation: python3 eval.py\n', { command: 'x' }), /not a mapping/);
});

test('timeouts: seconds as numbers, suffixed text as text, anything else refused', () => {
  assert.equal(timeoutValue('300'), 300);
  assert.equal(timeoutValue(' 30m '), '30m');
  assert.equal(timeoutValue('1.5h'), '1.5h');
  assert.equal(timeoutValue('soon'), undefined);
  assert.equal(timeoutValue(''), undefined);
});
