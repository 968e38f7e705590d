import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { deriveState, findStepState, reached, type ProjectState } from '../../../src/core/state/projectState';
import { emptyFacts } from '../../../src/core/state/facts';
import { gatherFacts } from '../../../src/core/state/gatherFacts';
import { MemoryFs } from '../../../src/core/workspace/memoryFs';
import { STEP_DEFINITIONS } from '../../../src/core/process/catalog';
import { FULL_BRIEF, check, history, runLine, yaml } from '../helpers/plans';

function stateOf(text: string): ProjectState {
  const p = parsePlan(text);
  assert.deepEqual(p.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], 'fixture must be valid');
  return deriveState(p.plan, emptyFacts());
}

const step = (s: ProjectState, id: string) => {
  const found = findStepState(s, id);
  assert.ok(found, `no step ${id}`);
  return found;
};

const HEAD = ['version: 1', 'project: { name: Demo }'];

test('statuses: bare strings, object form, missing = todo; declared tells them apart', () => {
  const s = stateOf(yaml(...HEAD,
    'checklist:',
    '  discover: { business-understanding: done, data-understanding: in-progress }',
    '  define:',
    '    baseline: { status: skipped, reason: a rule-based system is the reference }',
    '    data-preparation: { title: ignored for a built-in step }',
  ));
  assert.equal(step(s, 'business-understanding').status, 'done');
  assert.equal(step(s, 'data-understanding').status, 'in-progress');
  assert.equal(step(s, 'project-brief').status, 'todo');
  assert.equal(step(s, 'project-brief').declared, false);
  assert.equal(step(s, 'business-understanding').declared, true);
  const baseline = step(s, 'baseline');
  assert.equal(baseline.status, 'skipped');
  assert.equal(baseline.reason, 'a rule-based system is the reference');
  assert.deepEqual(baseline.path, ['checklist', 'define', 'baseline']);
  // an object without status is todo, and a built-in step keeps its catalog title
  assert.equal(step(s, 'data-preparation').status, 'todo');
  assert.equal(step(s, 'data-preparation').title, 'Data preparation');
});

test('every built-in step appears once, in catalog order, 16 in all', () => {
  const s = stateOf(yaml(...HEAD));
  assert.deepEqual(s.phases.flatMap((p) => p.steps.map((x) => x.id)), STEP_DEFINITIONS.map((d) => d.id));
  assert.equal(s.total, 16);
  assert.equal(s.closed, 0);
  assert.equal(s.currentPhase, 'discover');
});

test('custom steps need a title; they count in their phase with their own why', () => {
  const s = stateOf(yaml(...HEAD,
    'checklist:',
    '  develop:',
    '    label-audit: { status: done, title: Audit 500 labels, why: labels are noisy }',
    '    no-title: { status: done }',
  ));
  const develop = s.phases.find((p) => p.id === 'develop')!;
  const audit = develop.steps.find((x) => x.id === 'label-audit')!;
  assert.deepEqual([audit.custom, audit.title, audit.why, audit.status, audit.phase], [true, 'Audit 500 labels', 'labels are noisy', 'done', 'develop']);
  assert.equal(develop.steps.some((x) => x.id === 'no-title'), false);
  assert.equal(develop.total, 4);
  assert.equal(develop.closed, 1);
  assert.equal(s.total, 17);
});

test('progress: done and skipped close a step, in-progress does not; currentPhase is the first incomplete phase', () => {
  const s = stateOf(yaml(...HEAD,
    'checklist:',
    '  discover: { business-understanding: done, data-understanding: skipped, project-brief: done }',
    '  define: { data-preparation: done, baseline: in-progress }',
  ));
  const [discover, define, develop] = s.phases;
  assert.deepEqual([discover.closed, discover.total, discover.complete, discover.started], [3, 3, true, true]);
  assert.deepEqual([define.closed, define.total, define.complete, define.started], [1, 2, false, true]);
  assert.deepEqual([develop.closed, develop.started], [0, false]);
  assert.equal(s.closed, 4);
  assert.equal(s.currentPhase, 'define');
});

test('every step closed: no current phase, and every phase is reached', () => {
  const lines = ['checklist:'];
  for (const phase of ['discover', 'define', 'develop', 'deliver', 'deployment']) {
    const ids = STEP_DEFINITIONS.filter((d) => d.phase === phase).map((d) => `${d.id}: done`);
    lines.push(`  ${phase}: { ${ids.join(', ')} }`);
  }
  const s = stateOf(yaml(...HEAD, ...lines));
  assert.equal(s.currentPhase, undefined);
  assert.equal(s.closed, 16);
  assert.equal(reached(s, 'deployment'), true);
});

test('reached: a later phase that started, or every earlier phase closed', () => {
  const fresh = stateOf(yaml(...HEAD));
  assert.equal(reached(fresh, 'discover'), true);
  assert.equal(reached(fresh, 'define'), false);

  const jumped = stateOf(yaml(...HEAD, 'checklist:', '  deliver: { prototyping: in-progress }'));
  assert.equal(jumped.currentPhase, 'discover');
  assert.equal(reached(jumped, 'develop'), true); // deliver started, so develop is behind the team
  assert.equal(reached(jumped, 'deployment'), false);

  const closed = stateOf(yaml(...HEAD, 'checklist:', '  discover: { business-understanding: done, data-understanding: done, project-brief: skipped }'));
  assert.equal(closed.currentPhase, 'define');
  assert.equal(reached(closed, 'define'), true);
  assert.equal(reached(closed, 'develop'), false);
});

// ---- evidence, with the workspace through MemoryFs ----

const EVIDENCE_PLAN = yaml(
  'version: 1',
  'project: { name: Demo, lead: Dana, brief: brief.md }',
  'goal:',
  '  problem: Tag songs',
  '  business_metric: sessions',
  '  success_criteria:',
  '    - { metric: f1, target: 0.8, direction: maximize, why: trust }',
  '    - { metric: latency, target: 50, direction: minimize, why: uploads }',
  'data: { description: 800 songs }',
  'literature:',
  '  - { title: Paper, takeaway: MFCC works }',
  'candidates:',
  '  - { id: base, name: Majority, baseline: true }',
  '  - { id: knn, name: KNN, expected_gain: medium, cost: low }',
  '  - { id: cnn, name: CNN, expected_gain: high, cost: medium }',
  'decision: { chosen: cnn, rationale: best gain per cost }',
  'evaluation: { command: python3 eval.py, dataset: data/test.csv }',
  'reality_checks:',
  '  - { kind: demo, outcome: editors accepted 9 of 10 }',
  'checklist:',
  '  develop:',
  '    label-audit: { status: done, title: Audit labels, evidence: docs/audit.md }',
);

const FULL_WORKSPACE = {
  'brief.md': FULL_BRIEF,
  'eval.py': 'print(1)',
  'data/test.csv': 'a,b\n',
  'docs/audit.md': '# audit',
  '.mlproject/runs.jsonl': history(
    runLine('base', { n: 1 }),
    runLine('cnn', { n: 2, params: { lr: 0.1 } }),
    runLine('cnn', { n: 3, params: { lr: 0.01 }, metrics: { f1: 0.82, latency: 30 } }),
  ),
};

test('evidence seen for every built-in step with evidence, when the workspace shows it', async () => {
  const { state } = await check(EVIDENCE_PLAN, FULL_WORKSPACE);
  const seen = Object.fromEntries(state.phases.flatMap((p) => p.steps).map((s) => [s.id, s.evidence?.seen]));
  assert.deepEqual(seen, {
    'business-understanding': true, 'data-understanding': true, 'project-brief': true,
    'data-preparation': true, baseline: true,
    'literature-review': true, brainstorming: true, 'model-decision': true, 'label-audit': true,
    prototyping: true, tuning: true, evaluation: true, 'reality-check': true,
    // manual steps have no evidence
    'clean-up': undefined, 'training-pipeline': undefined, monitoring: undefined, serving: undefined,
  });
  assert.equal(step(state, 'project-brief').evidence!.detail, 'brief 8/8 sections');
  assert.equal(step(state, 'project-brief').evidence!.file, 'brief.md');
  assert.equal(step(state, 'data-preparation').evidence!.file, 'data/test.csv');
  assert.equal(step(state, 'baseline').evidence!.detail, '1 baseline run(s) recorded');
  assert.equal(step(state, 'brainstorming').evidence!.detail, '2 non-baseline candidate(s) with expected gain and cost');
  assert.equal(step(state, 'model-decision').evidence!.detail, 'chose cnn');
  assert.equal(step(state, 'tuning').evidence!.detail, '2 parameter setting(s) tried for cnn');
  assert.equal(step(state, 'evaluation').evidence!.detail, 'latest run of cnn measures 2/2 success criteria');
  assert.equal(step(state, 'label-audit').evidence!.file, 'docs/audit.md');
});

test('evidence not seen for every built-in step, with what is missing', async () => {
  const bare = yaml(
    'version: 1',
    'project: { name: Demo, brief: brief.md }',
    'goal: { business_metric: sessions }',
    'literature:',
    '  - { title: Paper }',
    'candidates:',
    '  - { id: base, name: Majority, baseline: true, expected_gain: low, cost: low }',
    '  - { id: cnn, name: CNN, expected_gain: high, cost: medium }',
    '  - { id: rnn, name: RNN }',
    'decision: { chosen: cnn }',
    'evaluation: { dataset: data/missing.csv }',
    'reality_checks:',
    '  - { kind: demo, plan: show editors }',
    'checklist:',
    '  develop:',
    '    label-audit: { status: done, title: Audit labels, evidence: docs/audit.md }',
  );
  const { state } = await check(bare, {
    '.mlproject/runs.jsonl': history(
      runLine('base', { n: 1, status: 'failed', exitCode: 1 }),
      runLine('cnn', { n: 2, metrics: { f1: 0.9 } }),
      runLine('cnn', { n: 3, metrics: {} }),
    ),
  });
  const ev = (id: string) => step(state, id).evidence!;
  assert.deepEqual([ev('business-understanding').seen, ev('business-understanding').detail], [false, 'missing `goal.problem`, `goal.success_criteria`']);
  assert.deepEqual([ev('data-understanding').seen, ev('data-understanding').detail], [false, 'no `data` block with a description or sources']);
  assert.deepEqual([ev('project-brief').seen, ev('project-brief').detail], [false, 'brief.md does not exist']);
  assert.deepEqual([ev('data-preparation').seen, ev('data-preparation').detail, ev('data-preparation').file], [false, 'data/missing.csv not found', undefined]);
  assert.deepEqual([ev('baseline').seen, ev('baseline').detail], [false, 'no recorded run of the baseline']); // the only baseline run failed
  assert.deepEqual([ev('literature-review').seen, ev('literature-review').detail], [false, 'no literature entry with a takeaway']);
  assert.deepEqual([ev('brainstorming').seen, ev('brainstorming').detail], [false, '1 non-baseline candidate(s) with expected gain and cost']);
  assert.deepEqual([ev('model-decision').seen, ev('model-decision').detail], [false, 'no rationale']);
  assert.equal(ev('prototyping').seen, true);
  assert.deepEqual([ev('tuning').seen, ev('tuning').detail], [false, '1 parameter setting(s) tried for cnn']);
  // the latest run of cnn measures nothing, even though an earlier one measured f1; with no criteria it cannot be seen
  assert.deepEqual([ev('evaluation').seen, ev('evaluation').detail], [false, 'latest run of cnn measures 0/0 success criteria']);
  assert.deepEqual([ev('reality-check').seen, ev('reality-check').detail], [false, 'no reality check with an outcome']);
  assert.deepEqual([ev('label-audit').seen, ev('label-audit').detail, ev('label-audit').file], [false, 'docs/audit.md not found', undefined]);
});

test('evaluation evidence: the latest run of the chosen candidate must measure every criterion', async () => {
  const plan = EVIDENCE_PLAN;
  const runs = (...lines: string[]) => ({ ...FULL_WORKSPACE, '.mlproject/runs.jsonl': history(...lines) });
  const older = await check(plan, runs(runLine('cnn', { n: 1, metrics: { f1: 0.9, latency: 20 } }), runLine('cnn', { n: 2, metrics: { f1: 0.9 } })));
  assert.deepEqual([step(older.state, 'evaluation').evidence!.seen, step(older.state, 'evaluation').evidence!.detail], [false, 'latest run of cnn measures 1/2 success criteria']);
});

test('decision evidence: a chosen id that is not a candidate', async () => {
  const { state } = await check(yaml(...HEAD, 'candidates:', '  - { id: a, name: A }', 'decision: { chosen: zzz, rationale: because }'));
  assert.equal(step(state, 'model-decision').evidence!.detail, '`zzz` is not a candidate');
  assert.equal(step(state, 'prototyping').evidence!.detail, 'no recorded run of zzz');
});

test('no decision: deliver evidence says so', async () => {
  const { state } = await check(yaml(...HEAD));
  for (const id of ['prototyping', 'tuning', 'evaluation']) assert.equal(step(state, id).evidence!.detail, 'no chosen candidate yet');
  assert.equal(step(state, 'model-decision').evidence!.detail, 'no `decision.chosen`');
  assert.equal(step(state, 'project-brief').evidence!.detail, 'no brief: set `project.brief` and create it');
});

test('a brief whose Problem section is empty: business-understanding is not seen', async () => {
  const brief = FULL_BRIEF.replace('Tag songs.', '_TODO:_ say it');
  const { state } = await check(EVIDENCE_PLAN, { ...FULL_WORKSPACE, 'brief.md': brief });
  const ev = step(state, 'business-understanding').evidence!;
  assert.deepEqual([ev.seen, ev.detail], [false, "missing the brief's Problem section"]);
  assert.equal(step(state, 'project-brief').evidence!.detail, 'brief 7/8 sections');
});

test('a dataset folder counts as prepared data, but is not a file to open', async () => {
  const { state } = await check(EVIDENCE_PLAN.replace('data/test.csv', 'data'), FULL_WORKSPACE);
  const ev = step(state, 'data-preparation').evidence!;
  assert.deepEqual([ev.seen, ev.file], [true, undefined]);
});

test('gatherFacts: referenced paths, command scripts, outside paths, history, stray scripts', async () => {
  const plan = parsePlan(yaml(
    'version: 1',
    'project: { name: Demo, brief: ../brief.md }',
    'evaluation: { command: python3 ./scripts/eval.py --x 1 && bash run.sh, dataset: data, history: runs/h.jsonl }',
    'decision: { record: docs/decision.md }',
  )).plan;
  const fs = new MemoryFs({
    'scripts/eval.py': '', 'data/a.csv': '', 'score.py': '', 'notebooks/evaluate.ipynb': '', '.hidden/eval.py': '',
    'runs/h.jsonl': history(runLine('a', { n: 1 }), '{not json', runLine('b', { n: 2 })),
  });
  const facts = await gatherFacts(plan, fs);
  assert.deepEqual(Object.fromEntries(facts.paths), {
    '../brief.md': 'outside', data: 'directory', 'runs/h.jsonl': 'file', 'docs/decision.md': undefined,
    'scripts/eval.py': 'file', 'run.sh': undefined,
  });
  assert.deepEqual(facts.runs.map((r) => r.candidate), ['a', 'b']);
  assert.deepEqual(facts.corruptRuns.map((c) => c.line), [2]);
  assert.deepEqual(facts.evaluationScripts, ['notebooks/evaluate.ipynb', 'score.py', 'scripts/eval.py']);
  assert.equal(facts.brief, undefined); // no reader given, and the brief is outside anyway
});
