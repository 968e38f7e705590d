// The statistics words the CLI, the brief and the Runs view share: targets, intervals and the compared baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectPlan } from '../../../src/core/model';
import { referenceBaseline, summarizeCandidates } from '../../../src/core/runs/candidateStats';
import { intervalText, referenceOf, TARGET_WORDS, targetBound } from '../../../src/core/runs/statsWords';
import { sampleRun } from './fixtures/sampleRun';

test('a target reads with its direction, and each status in words', () => {
  assert.equal(targetBound({ direction: 'maximize', target: 0.8 }), '≥ 0.8');
  assert.equal(targetBound({ direction: 'minimize', target: 0.123456 }), '≤ 0.1235');
  assert.deepEqual(TARGET_WORDS, { 'met-confident': 'met with confidence', 'met-on-mean': 'met on the mean only', missed: 'missed', missing: 'missing' });
});

test('an interval reads [low, high], signed for a difference', () => {
  assert.equal(intervalText({ low: 0.83481, high: 0.87742 }), '[0.8348, 0.8774]');
  assert.equal(intervalText({ low: -0.05, high: 0.21 }, true), '[-0.05, +0.21]');
  assert.equal(intervalText({ low: 0, high: 0.21 }, true), '[±0, +0.21]');
});

test('the compared baseline is the reference baseline, also while it is the only candidate with counted runs', () => {
  const plan: ProjectPlan = { candidates: [{ id: 'base', baseline: true }, { id: 'cnn' }] };
  const base = sampleRun({ id: '20261126-120001-0001', candidate: 'base', start: '2026-11-26T12:00:01.000Z' });
  const cnn = sampleRun({ id: '20261126-120002-0002', candidate: 'cnn', start: '2026-11-26T12:00:02.000Z' });
  const alone = summarizeCandidates([base], plan);
  assert.equal(referenceOf(alone), 'base');
  assert.equal(referenceOf(alone), referenceBaseline(alone)?.candidate);
  assert.equal(referenceOf(summarizeCandidates([base, cnn], plan)), 'base');
  assert.equal(referenceOf(summarizeCandidates([cnn], plan)), undefined, 'no baseline run: nothing to compare with');
});
