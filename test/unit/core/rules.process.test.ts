// Process rules: project set-up, baseline, phase order, tuning, runway, skipped steps and evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FULL_BRIEF, HEALTHY_HEAD, applyFix, assertRange, check, history, none, only, runLine, yaml } from '../helpers/plans';

const H = HEALTHY_HEAD; // lines 0-9
const WS = { 'brief.md': FULL_BRIEF };
const GOAL = H.slice(5); // goal: ... (5 lines)

// ---- no-project-lead ----

test('no-project-lead: the team\'s project-lead is offered as the preferred fix, and applying it clears the warning', async () => {
  const text = yaml('version: 1', 'project:', '  name: Demo', '  brief: brief.md', '  team:',
    '    - { name: Ravi, role: ml-engineer }', '    - { name: Dana, role: project-lead }', ...GOAL);
  const d = only((await check(text, WS)).diagnostics, 'no-project-lead');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /the team lists Dana as project-lead/);
  assertRange(d.range, [1, 0, 1, 7]);
  assert.deepEqual(d.fixes?.map((f) => [f.title, f.preferred, f.action]), [
    ['Set the project lead to Dana', true, { kind: 'setScalar', path: ['project', 'lead'], value: 'Dana' }],
  ]);
  const fixed = await applyFix(text, d, WS);
  assert.equal(fixed.text, text.replace('  name: Demo\n', '  name: Demo\n  lead: Dana\n'));
  none(fixed.result.diagnostics, 'no-project-lead');
});

test('no-project-lead: without a project-lead role every named member is offered, none preferred', async () => {
  const text = yaml('version: 1', 'project:', '  name: Demo', '  brief: brief.md', '  team:',
    '    - { name: Ravi, role: ml-engineer }', '    - { name: Lee, role: business-owner }', '    - { role: data-engineer }', ...GOAL);
  const d = only((await check(text, WS)).diagnostics, 'no-project-lead');
  assert.deepEqual(d.fixes?.map((f) => [f.title, f.preferred]), [['Set the project lead to Ravi', false], ['Set the project lead to Lee', false]]);
  const fixed = await applyFix(text, d, WS, /Lee/);
  none(fixed.result.diagnostics, 'no-project-lead');
  none((await check(yaml(...H), WS)).diagnostics, 'no-project-lead');
});

// ---- no-brief ----

test('no-brief: unset, on the project key', async () => {
  const d = only((await check(yaml(...H.filter((l) => !l.includes('brief:'))), WS)).diagnostics, 'no-brief');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /No project brief/);
  assertRange(d.range, [1, 0, 1, 7]);
});

test('no-brief: set but missing, on the path; present: nothing', async () => {
  const d = only((await check(yaml(...H), {})).diagnostics, 'no-brief');
  assert.match(d.message, /The brief `brief.md` does not exist/);
  assertRange(d.range, [4, 9, 4, 17]);
  none((await check(yaml(...H), WS)).diagnostics, 'no-brief');
});

// ---- no-success-criteria ----

test('no-success-criteria: a goal without criteria, on the goal key; an empty list, on its key', async () => {
  const d = only((await check(yaml(...H.slice(0, 8)), WS)).diagnostics, 'no-success-criteria');
  assert.equal(d.severity, 'warning');
  assertRange(d.range, [5, 0, 5, 4]);
  const e = only((await check(yaml(...H.slice(0, 8), '  success_criteria: []'), WS)).diagnostics, 'no-success-criteria');
  assertRange(e.range, [8, 2, 8, 18]);
});

test('no-success-criteria without any goal block is on one line, not the whole file', async () => {
  const d = only((await check(yaml('version: 1', 'project:', '  name: Demo', '  lead: Dana'), WS)).diagnostics, 'no-success-criteria');
  assert.equal(d.range.end.line, d.range.start.line, `range spans lines ${d.range.start.line}-${d.range.end.line}`);
});

// ---- no-baseline ----

const DEVELOP = ['checklist:', '  develop: { literature-review: in-progress }'];

test('no-baseline: Develop started with no baseline candidate, on `candidates`', async () => {
  const text = yaml(...H, ...DEVELOP, 'candidates:', '  - { id: a, name: A, expected_gain: high, cost: low }', '  - { id: b, name: B, expected_gain: high, cost: low }');
  const d = only((await check(text, WS)).diagnostics, 'no-baseline');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /Develop has started with no baseline/);
  assertRange(d.range, [12, 0, 12, 10]);
});

test('no-baseline: a baseline with no successful run, on the baseline step; a run clears it', async () => {
  const text = yaml(...H, 'checklist:', '  define: { baseline: done }', '  develop: { literature-review: in-progress }',
    'candidates:', '  - { id: base, name: Majority, baseline: true }');
  const d = only((await check(text, WS)).diagnostics, 'no-baseline');
  assert.match(d.message, /the baseline \(base\) has no successful evaluation run/);
  assertRange(d.range, [11, 12, 11, 20]);
  const failed = history(runLine('base', { status: 'failed', exitCode: 2 }));
  only((await check(text, { ...WS, '.mlproject/runs.jsonl': failed })).diagnostics, 'no-baseline');
  none((await check(text, { ...WS, '.mlproject/runs.jsonl': history(runLine('base')) })).diagnostics, 'no-baseline');
  // before Develop: nothing
  none((await check(yaml(...H, 'candidates:', '  - { id: a, name: A }'), WS)).diagnostics, 'no-baseline');
});

// ---- phase-order ----

test('phase-order: a Define step done while Discover has todo steps, with related information', async () => {
  const text = yaml(...H, 'checklist:',
    '  discover: { business-understanding: done, data-understanding: todo }',
    '  define: { data-preparation: done }');
  const d = only((await check(text, WS)).diagnostics, 'phase-order');
  assert.equal(d.severity, 'warning');
  assert.equal(d.message, 'Define step "data-preparation" is done while earlier steps are open: discover/data-understanding, discover/project-brief. Finish them, or mark them skipped with a reason.');
  assertRange(d.range, [12, 30, 12, 34]);
  // only declared steps have a place to point at
  assert.deepEqual(d.related?.map((r) => [r.message, r.range.start.line, r.range.start.character]), [['discover/data-understanding is still todo', 11, 44]]);
});

test('phase-order: earlier steps closed (done or skipped), or the later step still todo: nothing', async () => {
  const closed = yaml(...H, 'checklist:',
    '  discover: { business-understanding: done, data-understanding: done, project-brief: { status: skipped, reason: small team } }',
    '  define: { data-preparation: done }');
  none((await check(closed, WS)).diagnostics, 'phase-order');
  const todoAhead = yaml(...H, 'checklist:', '  define: { data-preparation: todo }');
  none((await check(todoAhead, WS)).diagnostics, 'phase-order');
});

// ---- tuning-before-baseline ----

test('tuning-before-baseline: tuning in progress with no baseline run, on the status; a baseline run clears it', async () => {
  const text = yaml(...H, 'candidates:', '  - { id: base, name: Majority, baseline: true }', 'checklist:', '  deliver:', '    tuning: in-progress');
  const d = only((await check(text, WS)).diagnostics, 'tuning-before-baseline');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /Tuning has started with no recorded baseline run/);
  assertRange(d.range, [14, 12, 14, 23]);
  none((await check(text, { ...WS, '.mlproject/runs.jsonl': history(runLine('base')) })).diagnostics, 'tuning-before-baseline');
  none((await check(text.replace('tuning: in-progress', 'tuning: todo'), WS)).diagnostics, 'tuning-before-baseline');
});

// ---- runway ----

function runwayPlan(date: string): string {
  return yaml('version: 1', 'project:', '  name: Demo', '  lead: Dana', '  brief: brief.md', `  runway: ${date}`, ...GOAL);
}

test('runway: past is an error with the days since; today is injected', async () => {
  const d = only((await check(runwayPlan('2026-11-20'), WS, { today: '2026-11-26' })).diagnostics, 'runway');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /^The runway ended 6 days ago with Discover, Define, Develop, Deliver, Deployment still open/);
  assertRange(d.range, [5, 10, 5, 20]);
  const one = only((await check(runwayPlan('2026-11-25'), WS, { today: '2026-11-26' })).diagnostics, 'runway');
  assert.match(one.message, /ended 1 day ago/);
});

test('runway: within 14 days is a warning, 15 days away is nothing', async () => {
  const d = only((await check(runwayPlan('2026-12-10'), WS, { today: '2026-11-26' })).diagnostics, 'runway');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /^The runway ends in 14 days/);
  const today = only((await check(runwayPlan('2026-11-26'), WS, { today: '2026-11-26' })).diagnostics, 'runway');
  assert.match(today.message, /ends in 0 days/);
  none((await check(runwayPlan('2026-12-11'), WS, { today: '2026-11-26' })).diagnostics, 'runway');
});

test('runway: every phase complete, nothing even when the date passed', async () => {
  const steps = 'checklist:\n  discover: { business-understanding: done, data-understanding: done, project-brief: done }\n' +
    '  define: { data-preparation: skipped, baseline: skipped }\n' +
    '  develop: { literature-review: skipped, brainstorming: skipped, model-decision: skipped }\n' +
    '  deliver: { prototyping: skipped, tuning: skipped, evaluation: skipped, reality-check: skipped }\n' +
    '  deployment: { clean-up: skipped, training-pipeline: skipped, monitoring: skipped, serving: skipped }\n';
  none((await check(runwayPlan('2026-01-01') + steps, WS)).diagnostics, 'runway');
});

// ---- skipped-without-reason ----

test('skipped-without-reason: a bare `skipped`, on its value; a reason clears it', async () => {
  const d = only((await check(yaml(...H, 'checklist:', '  discover: { project-brief: skipped }'), WS)).diagnostics, 'skipped-without-reason');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /Step "project-brief" is skipped without a reason/);
  assertRange(d.range, [11, 29, 11, 36]);
  only((await check(yaml(...H, 'checklist:', '  discover: { project-brief: { status: skipped, reason: "  " } }'), WS)).diagnostics, 'skipped-without-reason');
  none((await check(yaml(...H, 'checklist:', '  discover: { project-brief: { status: skipped, reason: one-page pitch instead } }'), WS)).diagnostics, 'skipped-without-reason');
});

// ---- missing-evidence ----

test('missing-evidence: done without evidence is info with the detail; the fix marks it in progress and clears it', async () => {
  const text = yaml(...H, 'checklist:', '  discover: { project-brief: done }');
  const d = only((await check(text, {})).diagnostics, 'missing-evidence');
  assert.equal(d.severity, 'info');
  assert.equal(d.message, 'Step "project-brief" is marked done, but the evidence is missing: brief.md does not exist.');
  assertRange(d.range, [11, 29, 11, 33]);
  const fixed = await applyFix(text, d, {});
  assert.equal(fixed.text, text.replace('project-brief: done', 'project-brief: in-progress'));
  none(fixed.result.diagnostics, 'missing-evidence');
  none((await check(text, WS)).diagnostics, 'missing-evidence');
});

test('missing-evidence: a custom step whose evidence file is missing; manual steps are never reported', async () => {
  const text = yaml(...H, 'checklist:', '  develop:', '    label-audit: { status: done, title: Audit, evidence: docs/audit.md }',
    '  deployment: { clean-up: done }');
  const d = only((await check(text, WS)).diagnostics, 'missing-evidence');
  assert.match(d.message, /docs\/audit.md not found/);
  none((await check(text, { ...WS, 'docs/audit.md': 'x' })).diagnostics, 'missing-evidence');
});

// ---- step-ready ----

test('step-ready: a todo step whose evidence is seen gets a hint on its status, and "Mark as done" clears it', async () => {
  const text = yaml(...H, 'checklist:', '  develop: { literature-review: todo }', 'literature:', '  - { title: Paper, takeaway: works }');
  const d = only((await check(text, WS)).diagnostics.filter((x) => x.message.includes('"literature-review"')), 'step-ready');
  assert.equal(d.severity, 'hint');
  assert.match(d.message, /1 literature entry with a takeaway/);
  assertRange(d.range, [11, 32, 11, 36]); // the value `todo`
  const fixed = await applyFix(text, d, WS);
  assert.equal(fixed.text, text.replace('literature-review: todo', 'literature-review: done'));
  assert.ok(!fixed.result.diagnostics.some((x) => x.code === 'step-ready' && x.message.includes('"literature-review"')));
});

test('step-ready: nothing when the evidence is not seen, or the step is already done or skipped', async () => {
  const noEvidence = yaml(...H, 'checklist:', '  develop: { literature-review: todo }');
  assert.ok(!(await check(noEvidence, WS)).diagnostics.some((x) => x.code === 'step-ready' && x.message.includes('"literature-review"')));
  for (const status of ['done', 'skipped']) {
    const text = yaml(...H, 'checklist:', `  develop: { literature-review: { status: ${status}, reason: r } }`, 'literature:', '  - { title: Paper, takeaway: works }');
    assert.ok(!(await check(text, WS)).diagnostics.some((x) => x.code === 'step-ready' && x.message.includes('"literature-review"')), status);
  }
});
