// File rules: unknown steps, duplicate ids, references, paths, and the run history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FULL_BRIEF, HEALTHY_HEAD, applyFix, assertRange, check, history, none, only, runLine, withCode, yaml } from '../helpers/plans';

const H = HEALTHY_HEAD; // lines 0-9
const WS = { 'brief.md': FULL_BRIEF };

// ---- unknown-step ----

test('unknown-step: a misspelt id, on the key, with did-you-mean and a rename fix that clears it', async () => {
  const text = yaml(...H, 'checklist:', '  define:', '    basline: todo');
  const d = only((await check(text, WS)).diagnostics, 'unknown-step');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /^Unknown step "basline" in define\. Did you mean "baseline"\?/);
  assertRange(d.range, [12, 4, 12, 11]);
  assert.deepEqual(d.fixes?.map((f) => f.action), [{ kind: 'renameKey', path: ['checklist', 'define', 'basline'], newKey: 'baseline' }]);
  const fixed = await applyFix(text, d, WS);
  assert.equal(fixed.text, text.replace('basline', 'baseline'));
  none(fixed.result.diagnostics, 'unknown-step');
});

test('unknown-step: a built-in step in the wrong phase names its phase, with no rename fix', async () => {
  const d = only((await check(yaml(...H, 'checklist:', '  develop: { baseline: todo }'), WS)).diagnostics, 'unknown-step');
  assert.equal(d.message, 'Step "baseline" belongs to phase "define", not "develop". Move it there.');
  assertRange(d.range, [11, 13, 11, 21]);
  assert.equal(d.fixes, undefined);
});

test('unknown-step: a custom step with a title is not unknown; without one it is, with no suggestion when nothing is close', async () => {
  none((await check(yaml(...H, 'checklist:', '  develop: { label-audit: { status: todo, title: Audit labels } }'), WS)).diagnostics, 'unknown-step');
  const d = only((await check(yaml(...H, 'checklist:', '  develop: { label-audit: todo }'), WS)).diagnostics, 'unknown-step');
  assert.equal(d.message, 'Unknown step "label-audit" in develop. A custom step needs a title: `label-audit: { status: todo, title: ... }`.');
  assert.equal(d.fixes, undefined);
});

// ---- duplicate-id ----

test('duplicate-id: two candidates with one id, on the second id, related to the first', async () => {
  const text = yaml(...H, 'candidates:', '  - { id: a, name: A }', '  - { id: a, name: B }');
  const d = only((await check(text, WS)).diagnostics, 'duplicate-id');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /Duplicate candidate id "a"/);
  assertRange(d.range, [12, 10, 12, 11]);
  assert.equal(d.related?.length, 1);
  assert.equal(d.related![0].message, 'first candidate id "a"');
  assert.equal(d.related![0].range.start.line, 11);
  none((await check(text.replace('{ id: a, name: B }', '{ id: b, name: B }'), WS)).diagnostics, 'duplicate-id');
});

test('duplicate-id: literature titles and success-criterion metrics', async () => {
  const lit = only((await check(yaml(...H, 'literature:', '  - { title: P, takeaway: x }', '  - { title: P, takeaway: y }'), WS)).diagnostics, 'duplicate-id');
  assert.match(lit.message, /Duplicate literature title "P"/);
  assertRange(lit.range, [12, 13, 12, 14]);
  const crit = only((await check(yaml(...H, '    - { metric: f1, target: 0.9, direction: maximize, why: again }'), WS)).diagnostics, 'duplicate-id');
  assert.match(crit.message, /Duplicate success-criterion metric "f1"/);
  assertRange(crit.range, [10, 16, 10, 18]);
  assert.equal(crit.related![0].range.start.line, 9);
});

test('duplicate-id: one step id in two phases, related to the first', async () => {
  const text = yaml(...H, 'checklist:', '  define:', '    baseline: done', '  develop:', '    baseline: todo');
  const d = only((await check(text, WS)).diagnostics, 'duplicate-id');
  assert.match(d.message, /Duplicate step id "baseline"/);
  assert.equal(d.range.start.line, 14);
  assert.deepEqual(d.related?.map((r) => [r.message, r.range.start.line, r.range.start.character]), [['first step id "baseline"', 12, 4]]);
});

test('duplicate-id: a duplicate step id is reported on the repeated id (the key), not on its status', async () => {
  const text = yaml(...H, 'checklist:', '  define:', '    baseline: done', '  develop:', '    baseline: todo');
  assertRange(only((await check(text, WS)).diagnostics, 'duplicate-id').range, [14, 4, 14, 12]);
});

// ---- unknown-reference ----

const CANDIDATES = ['candidates:', '  - { id: cnn, name: CNN, expected_gain: high, cost: medium, source: Deep audio }', '  - { id: knn, name: KNN, expected_gain: medium, cost: low }'];
const LIT = ['literature:', '  - { title: Deep audio, takeaway: CNNs win }'];

test('unknown-reference: decision.chosen is not a candidate; did-you-mean fix clears it', async () => {
  const text = yaml(...H, ...CANDIDATES, ...LIT, 'decision: { chosen: cnnn, rationale: r }');
  const d = only((await check(text, WS)).diagnostics, 'unknown-reference');
  assert.equal(d.severity, 'error');
  assert.equal(d.message, 'The decision chooses "cnnn", which is not a candidate id. Did you mean "cnn"?');
  assertRange(d.range, [15, 20, 15, 24]);
  const fixed = await applyFix(text, d, WS);
  assert.equal(fixed.text, text.replace('chosen: cnnn', 'chosen: cnn'));
  none(fixed.result.diagnostics, 'unknown-reference');
});

test('unknown-reference: nothing close lists the candidates, with no fix', async () => {
  const d = only((await check(yaml(...H, ...CANDIDATES, ...LIT, 'decision: { chosen: transformer, rationale: r }'), WS)).diagnostics, 'unknown-reference');
  assert.match(d.message, /Candidates: cnn, knn\.$/);
  assert.equal(d.fixes, undefined);
});

test('unknown-reference: a candidate source that is not a literature title is a warning with a fix', async () => {
  const text = yaml(...H, ...CANDIDATES, 'literature:', '  - { title: Deep audios, takeaway: CNNs win }');
  const d = only((await check(text, WS)).diagnostics, 'unknown-reference');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /Candidate "cnn" cites "Deep audio", which is not a literature title\. Did you mean "Deep audios"\?/);
  assertRange(d.range, [11, 69, 11, 79]);
  const fixed = await applyFix(text, d, WS);
  assert.equal(fixed.text, text.replace('source: Deep audio }', 'source: Deep audios }'));
  none(fixed.result.diagnostics, 'unknown-reference');
  none((await check(yaml(...H, ...CANDIDATES, ...LIT), WS)).diagnostics, 'unknown-reference');
  const far = only((await check(yaml(...H, ...CANDIDATES, 'literature:', '  - { title: Something else, takeaway: x }'), WS)).diagnostics, 'unknown-reference');
  assert.match(far.message, /Add it to `literature`\.$/);
  assert.equal(far.fixes, undefined);
});

test('unknown-reference: a chosen id differing only in case gets a did-you-mean', async () => {
  const d = only((await check(yaml(...H, ...CANDIDATES, ...LIT, 'decision: { chosen: CNN, rationale: r }'), WS)).diagnostics, 'unknown-reference');
  assert.match(d.message, /Did you mean "cnn"\?/);
});

// ---- path-outside-workspace / missing-file ----

test('path-outside-workspace: a dataset that climbs out, and an absolute record path, are errors on the value', async () => {
  const text = yaml(...H, 'evaluation: { dataset: ../shared/data.csv }', 'decision: { record: /etc/passwd }');
  const found = withCode((await check(text, WS)).diagnostics, 'path-outside-workspace');
  assert.deepEqual(found.map((d) => d.severity), ['error', 'error']);
  assert.match(found[0].message, /The dataset path `..\/shared\/data.csv` leaves the workspace/);
  assertRange(found[0].range, [10, 23, 10, 41]);
  assert.match(found[1].message, /The decision record path `\/etc\/passwd` leaves the workspace/);
  assertRange(found[1].range, [11, 20, 11, 31]);
  // the outside dataset is not also reported as missing
  none((await check(text, WS)).diagnostics, 'manual-evaluation');
  none((await check(yaml(...H, 'evaluation: { dataset: data/../data.csv }'), { ...WS, 'data.csv': '' })).diagnostics, 'path-outside-workspace');
});

test('path-outside-workspace: an evaluation command running a script outside the workspace is reported', async () => {
  const d = await check(yaml(...H, 'evaluation:', '  command: python3 ../evil.py --model x'), WS);
  const about = d.diagnostics.filter((x) => x.message.includes('../evil.py'));
  assert.equal(about.length, 1);
  assert.equal(about[0].severity, 'error');
});

test('missing-file: a decision record, data source or evidence that does not exist; present: nothing', async () => {
  const text = yaml(...H, 'decision: { record: docs/decision.md }', 'data:', '  sources:', '    - { name: s, path: data/raw.csv }');
  const found = withCode((await check(text, WS)).diagnostics, 'missing-file');
  assert.deepEqual(found.map((d) => d.severity), ['warning', 'warning']);
  assert.match(found[0].message, /The decision record `docs\/decision.md` does not exist/);
  assertRange(found[0].range, [10, 20, 10, 36]);
  assert.match(found[1].message, /The data source `data\/raw.csv` does not exist/);
  assertRange(found[1].range, [13, 23, 13, 35]);
  none((await check(text, { ...WS, 'docs/decision.md': 'x', 'data/raw.csv': 'x' })).diagnostics, 'missing-file');
});

// ---- history-corrupt ----

test('history-corrupt: corrupt lines are reported once with their numbers; good runs still count', async () => {
  const text = yaml(...H, 'evaluation:', '  command: python3 eval.py');
  const files = { ...WS, 'eval.py': '', '.mlproject/runs.jsonl': history(runLine('a', { n: 1 }), '{"id": "half', runLine('a', { n: 2 }), '[1,2]') };
  const r = await check(text, files);
  const d = only(r.diagnostics, 'history-corrupt');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /^2 lines of the run history .mlproject\/runs.jsonl could not be read and were skipped \(line 2, 4: not valid JSON/);
  assertRange(d.range, [10, 0, 10, 10]);
  assert.equal(r.facts.runs.length, 2);
  none((await check(text, { ...WS, 'eval.py': '', '.mlproject/runs.jsonl': history(runLine('a')) })).diagnostics, 'history-corrupt');
});

test('history-corrupt: a custom history path is read and named', async () => {
  const text = yaml(...H, 'evaluation:', '  command: python3 eval.py', '  history: runs/h.jsonl');
  const d = only((await check(text, { ...WS, 'eval.py': '', 'runs/h.jsonl': 'oops\n' })).diagnostics, 'history-corrupt');
  assert.match(d.message, /^1 line of the run history runs\/h.jsonl could not be read and was skipped \(line 1: /);
  assertRange(d.range, [12, 2, 12, 9]);
});
