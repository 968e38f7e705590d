// Evidence counts: with `progress.count_evidence` (or the editor setting / CLI flag) a step whose evidence is seen
// counts as done in the progress, unless the checklist declares its status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { deriveState, findStepState, stepsWithEvidence, type ProjectState } from '../../../src/core/state/projectState';
import { emptyFacts } from '../../../src/core/state/facts';
import { yaml } from '../helpers/plans';

const BODY = [
  'goal:',
  '  problem: tag songs',
  '  success_criteria: [ { metric: f1, target: 0.8 } ]',
  'literature: [ { title: A, takeaway: use MFCCs } ]',
  'candidates:',
  '  - { id: a, name: A, expected_gain: high, cost: low }',
  '  - { id: b, name: B, expected_gain: low, cost: low }',
];

function stateOf(progress: string[], checklist: string[], countEvidence?: boolean): ProjectState {
  const p = parsePlan(yaml('version: 1', 'project: { name: Demo }', ...BODY, ...progress, ...checklist));
  assert.deepEqual(p.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], 'fixture must be valid');
  return deriveState(p.plan, emptyFacts(), { countEvidence });
}

const phase = (s: ProjectState, id: string) => s.phases.find((p) => p.id === id)!;

test('off by default: evidence is shown, progress counts only declared statuses', () => {
  const s = stateOf([], []);
  assert.equal(s.countEvidence, false);
  assert.equal(findStepState(s, 'literature-review')?.evidence?.seen, true);
  assert.equal(findStepState(s, 'literature-review')?.doneByEvidence, undefined);
  assert.equal(phase(s, 'develop').closed, 0);
  assert.equal(s.closed, 0);
  assert.equal(s.currentPhase, 'discover');
});

test('the setting counts seen evidence as done: phase counts, totals and the current phase follow', () => {
  const s = stateOf([], [], true);
  assert.equal(s.countEvidence, true);
  assert.equal(findStepState(s, 'literature-review')?.doneByEvidence, true);
  assert.equal(findStepState(s, 'literature-review')?.status, 'todo', 'the status itself stays what the plan says');
  assert.equal(phase(s, 'develop').closed, 2, 'literature review and brainstorming');
  assert.equal(phase(s, 'discover').closed, 1, 'business understanding');
  assert.equal(phase(s, 'discover').started, true);
  assert.equal(s.closed, 3);
});

test('a declared status wins over the evidence', () => {
  const s = stateOf([], ['checklist:', '  develop: { literature-review: in-progress, brainstorming: todo }'], true);
  assert.equal(findStepState(s, 'literature-review')?.doneByEvidence, undefined);
  assert.equal(findStepState(s, 'brainstorming')?.doneByEvidence, undefined);
  assert.equal(phase(s, 'develop').closed, 0);
  // a step entry without a status (only evidence or a title) declares no status: its evidence counts
  const t = stateOf([], ['checklist:', '  develop: { literature-review: { reason: read three papers } }'], true);
  assert.equal(findStepState(t, 'literature-review')?.doneByEvidence, true);
});

test('the plan key wins over the setting, both ways', () => {
  assert.equal(stateOf(['progress: { count_evidence: true }'], [], false).closed, 3);
  assert.equal(stateOf(['progress: { count_evidence: true }'], []).closed, 3);
  const off = stateOf(['progress:', '  count_evidence: false'], [], true);
  assert.equal(off.countEvidence, false);
  assert.equal(off.closed, 0);
});

test('stepsWithEvidence lists steps with seen evidence not yet done or skipped', () => {
  const s = stateOf([], ['checklist:', '  develop: { literature-review: done, brainstorming: in-progress }']);
  assert.deepEqual(stepsWithEvidence(s).map((x) => x.id), ['business-understanding', 'brainstorming']);
});
