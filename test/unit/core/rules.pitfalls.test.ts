// The five pitfall rules: for each finding, a minimal plan where it fires (code, severity, message, exact range)
// and a close variant where it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FULL_BRIEF, HEALTHY_HEAD, applyFix, assertRange, check, history, none, only, runLine, withCode, yaml } from '../helpers/plans';

const H = HEALTHY_HEAD; // lines 0-9
const WS = { 'brief.md': FULL_BRIEF };

test('the healthy head alone has no diagnostics at all', async () => {
  const { diagnostics } = await check(yaml(...H), WS);
  assert.deepEqual(diagnostics.map((d) => `${d.code}: ${d.message}`), []);
});

// ---- single-architecture ----

test('single-architecture: Develop started with one candidate besides the baseline', async () => {
  const lines = [...H,
    'checklist:',
    '  develop: { literature-review: in-progress }',
    'candidates:',
    '  - { id: base, name: B, baseline: true }',
    '  - { id: cnn, name: CNN, expected_gain: high, cost: medium }'];
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'single-architecture');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /Develop has started with 1 candidate architecture besides the baseline/);
  assertRange(d.range, [12, 0, 12, 10]);
  assert.ok(d.why && d.why.length > 20);

  const two = [...lines, '  - { id: knn, name: KNN, expected_gain: medium, cost: low }'];
  none((await check(yaml(...two), WS)).diagnostics, 'single-architecture');
});

test('single-architecture: no candidates at all once Develop started, on the develop phase', async () => {
  const d = only((await check(yaml(...H, 'checklist:', '  develop: { literature-review: in-progress }'), WS)).diagnostics, 'single-architecture');
  assert.match(d.message, /with 0 candidate architectures/);
  assertRange(d.range, [11, 2, 11, 9]);
});

test('single-architecture: a decision with no alternative, on the chosen value', async () => {
  const lines = [...H,
    'candidates:',
    '  - { id: base, name: B, baseline: true }',
    '  - { id: cnn, name: CNN, expected_gain: high, cost: medium }',
    'literature:',
    '  - { title: P, takeaway: T }',
    'decision: { chosen: cnn, rationale: r }'];
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'single-architecture');
  assert.match(d.message, /The decision for "cnn" weighed no alternative/);
  assertRange(d.range, [15, 20, 15, 23]);

  const withAlternative = [...lines];
  withAlternative.splice(13, 0, '  - { id: knn, name: KNN, expected_gain: medium, cost: low }');
  none((await check(yaml(...withAlternative), WS)).diagnostics, 'single-architecture');
});

test('single-architecture: before Develop, one candidate is not yet a problem', async () => {
  none((await check(yaml(...H, 'candidates:', '  - { id: cnn, name: CNN, expected_gain: high, cost: medium }'), WS)).diagnostics, 'single-architecture');
});

// ---- no-literature-review ----

const THREE_CANDIDATES = [
  'candidates:',
  '  - { id: base, name: B, baseline: true }',
  '  - { id: cnn, name: CNN, expected_gain: high, cost: medium }',
  '  - { id: knn, name: KNN, expected_gain: medium, cost: low }',
];

test('no-literature-review: a decision without literature, on the `chosen` key', async () => {
  const lines = [...H, ...THREE_CANDIDATES, 'decision: { chosen: cnn, rationale: r }'];
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'no-literature-review');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /A model was chosen without any literature entry/);
  assertRange(d.range, [14, 12, 14, 18]);
  none((await check(yaml(...lines, 'literature:', '  - { title: P, takeaway: T }'), WS)).diagnostics, 'no-literature-review');
});

test('no-literature-review: prototyping started without literature, on the step', async () => {
  const lines = [...H, 'checklist:', '  deliver:', '    prototyping: in-progress'];
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'no-literature-review');
  assert.match(d.message, /Prototyping has started without any literature entry/);
  assertRange(d.range, [12, 4, 12, 15]);
  none((await check(yaml(...lines.slice(0, -1), '    prototyping: todo'), WS)).diagnostics, 'no-literature-review');
});

// ---- too-incremental ----

test('too-incremental: from Develop on, a candidate without expected gain, on its id', async () => {
  const lines = [...H, 'checklist:', '  develop: { brainstorming: in-progress }', 'candidates:', '  - { id: rnn, name: RNN, cost: low }'];
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'too-incremental');
  assert.equal(d.severity, 'warning');
  assert.equal(d.message.startsWith('Candidate "rnn" has no expected_gain.'), true);
  assertRange(d.range, [13, 10, 13, 13]);
  // before Develop it is not reported
  none((await check(yaml(...H, 'candidates:', '  - { id: rnn, name: RNN, cost: low }'), WS)).diagnostics, 'too-incremental');
});

test('too-incremental: chosen against a better-ranked candidate with no rationale; a rationale silences it', async () => {
  const lines = [...H,
    'candidates:',
    '  - { id: knn, name: KNN, expected_gain: medium, cost: low }',
    '  - { id: cnn, name: CNN, expected_gain: high, cost: high }',
    'literature:',
    '  - { title: P, takeaway: T }',
    'decision: { chosen: cnn }'];
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'too-incremental');
  assert.match(d.message, /"cnn" was chosen over better-ranked "knn"/);
  assertRange(d.range, [15, 20, 15, 23]);
  const justified = [...lines.slice(0, -1), 'decision: { chosen: cnn, rationale: knn cannot reach the target }'];
  none((await check(yaml(...justified), WS)).diagnostics, 'too-incremental');
  // choosing the best-ranked one needs no rationale
  none((await check(yaml(...lines.slice(0, -1), 'decision: { chosen: knn }'), WS)).diagnostics, 'too-incremental');
});

test('too-incremental: three candidates run one by one in increasing cost, with no decision', async () => {
  const lines = [...H,
    'candidates:',
    '  - { id: a, name: A, expected_gain: high, cost: low }',
    '  - { id: b, name: B, expected_gain: high, cost: medium }',
    '  - { id: c, name: C, expected_gain: high, cost: high }'];
  const runs = (...ids: string[]) => ({ ...WS, '.mlproject/runs.jsonl': history(...ids.map((id, i) => runLine(id, { n: i + 1 }))) });
  const d = only((await check(yaml(...lines), runs('a', 'b', 'a', 'c'))).diagnostics, 'too-incremental');
  assert.match(d.message, /tried one by one from the cheapest \(a → b → c\)/);
  assertRange(d.range, [10, 0, 10, 10]);
  none((await check(yaml(...lines), runs('c', 'a', 'b'))).diagnostics, 'too-incremental');
  none((await check(yaml(...lines), runs('a', 'b'))).diagnostics, 'too-incremental');
});

// ---- metric-misalignment ----

test('metric-misalignment: success criteria with no business metric, on `success_criteria`', async () => {
  const lines = H.filter((l) => !l.includes('business_metric'));
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'metric-misalignment');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /tied to no business metric.*goal\.business_metric/);
  assertRange(d.range, [7, 2, 7, 18]);
});

test('metric-misalignment: a criterion without why, on its metric, naming the business metric', async () => {
  const lines = [...H.slice(0, 9), '    - { metric: f1, target: 0.8, direction: maximize }'];
  const d = only((await check(yaml(...lines), WS)).diagnostics, 'metric-misalignment');
  assert.equal(d.message, 'Success criterion "f1" does not say why its target matters. Add `why`: how reaching it moves "sessions using genre browsing".');
  assertRange(d.range, [9, 16, 9, 18]);
});

test('metric-misalignment: Deliver started with no reality check; the fix plans a demo and the warning goes', async () => {
  const text = yaml(...H, 'checklist:', '  deliver:', '    prototyping: in-progress', 'literature:', '  - { title: P, takeaway: T }');
  const d = only((await check(text, WS)).diagnostics, 'metric-misalignment');
  assert.match(d.message, /Deliver has started with no reality check planned/);
  assertRange(d.range, [11, 2, 11, 9]);
  assert.equal(d.fixes?.[0].action.kind, 'appendItem');
  const fixed = await applyFix(text, d, WS);
  assert.match(fixed.text, /reality_checks:\n {2}- \{ kind: demo, plan: /);
  none(fixed.result.diagnostics, 'metric-misalignment');
});

test('metric-misalignment: with a reality-check step declared, the warning is on that step', async () => {
  const text = yaml(...H, 'checklist:', '  deliver:', '    prototyping: in-progress', '    reality-check: todo', 'literature:', '  - { title: P, takeaway: T }');
  assertRange(only((await check(text, WS)).diagnostics, 'metric-misalignment').range, [13, 4, 13, 17]);
  none((await check(text + 'reality_checks:\n  - { kind: pilot, plan: ten shops }\n', WS)).diagnostics, 'metric-misalignment');
});

// ---- manual-evaluation ----

const DEFINE = [...H, 'checklist:', '  define: { data-preparation: in-progress }'];

test('manual-evaluation: no command once Define is reached; the fix uses the stray script and the warning goes', async () => {
  const files = { ...WS, 'eval.py': 'print()' };
  const d = only((await check(yaml(...DEFINE), files)).diagnostics, 'manual-evaluation');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /There is no `evaluation.command`/);
  assertRange(d.range, [11, 2, 11, 8]);
  assert.deepEqual(d.fixes?.map((f) => f.action), [{ kind: 'setScalar', path: ['evaluation', 'command'], value: 'python3 eval.py --model ${candidate} --out ${metricsFile}' }]);
  const fixed = await applyFix(yaml(...DEFINE), d, files);
  none(fixed.result.diagnostics, 'manual-evaluation');
  // before Define nothing is said
  none((await check(yaml(...H), files)).diagnostics, 'manual-evaluation');
});

test('manual-evaluation: no stray script, no fix', async () => {
  const d = only((await check(yaml(...DEFINE), WS)).diagnostics, 'manual-evaluation');
  assert.equal(d.fixes, undefined);
});

test('manual-evaluation: a command naming a missing script is an error on the command', async () => {
  const text = yaml(...H, 'evaluation:', '  command: python3 missing.py');
  const d = only((await check(text, WS)).diagnostics, 'manual-evaluation');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /runs `missing.py`, which does not exist/);
  assertRange(d.range, [11, 11, 11, 29]);
  none((await check(text, { ...WS, 'missing.py': '' })).diagnostics, 'manual-evaluation');
});

test('manual-evaluation: evaluation scripts the command does not use are listed (info)', async () => {
  const text = yaml(...H, 'evaluation:', '  command: python3 eval.py');
  const d = only((await check(text, { ...WS, 'eval.py': '', 'scripts/score.py': '', 'notebooks/evaluate.ipynb': '', 'train.py': '' })).diagnostics, 'manual-evaluation');
  assert.equal(d.severity, 'info');
  assert.match(d.message, /does not use: notebooks\/evaluate.ipynb, scripts\/score.py\./);
  assertRange(d.range, [11, 11, 11, 26]);
});

test('manual-evaluation: a missing dataset, on the dataset value', async () => {
  const text = yaml(...H, 'evaluation:', '  command: python3 eval.py', '  dataset: data/test.csv');
  const d = only((await check(text, { ...WS, 'eval.py': '' })).diagnostics, 'manual-evaluation');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /dataset `data\/test.csv` does not exist/);
  assertRange(d.range, [12, 11, 12, 24]);
  none((await check(text, { ...WS, 'eval.py': '', 'data/test.csv': 'x' })).diagnostics, 'manual-evaluation');
});

test('manual-evaluation: every finding at once is reported separately', async () => {
  const text = yaml(...H, 'evaluation:', '  command: python3 gone.py', '  dataset: gone.csv');
  const found = withCode((await check(text, { ...WS, 'score.py': '' })).diagnostics, 'manual-evaluation');
  assert.deepEqual(found.map((d) => d.severity).sort(), ['error', 'info', 'warning']);
});
