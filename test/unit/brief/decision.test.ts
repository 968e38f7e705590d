import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionRecordPath, defaultAttendees, isIsoDate, renderDecisionRecord } from '../../../src/core/decision/record';
import type { RunSummary } from '../../../src/core/brief/runs';
import { FULL_YAML, planFrom } from './fixtures';

const RUNS: RunSummary[] = [
  { candidate: 'cnn', status: 'ok', metrics: { macro_f1: 0.71, latency_ms: 12 }, end: '2026-11-20T10:00:00Z' },
  { candidate: 'cnn', status: 'ok', metrics: { macro_f1: 0.78 }, end: '2026-11-25T10:00:00Z' },
  { candidate: 'logreg', status: 'ok', metrics: { macro_f1: 0.61 }, end: '2026-11-02T10:00:00Z' },
];

test('the decision record: header, candidate table with the latest run\'s metrics only, decision, rationale, plan B', () => {
  const md = renderDecisionRecord(planFrom(FULL_YAML), {
    chosen: 'cnn', rationale: 'Best gain per cost.\n\nAST kept as plan B.', date: '2026-12-01', runs: RUNS,
  });
  assert.equal(md, [
    '# Model decision: CNN on mel-spectrograms (`cnn`)',
    '',
    '- **Date:** 2026-12-01',
    '- **Project:** Genre tagger',
    '- **Led by:** Dana',
    '- **Attendees:** Dana, Lee',
    '',
    '## Candidates',
    '',
    '| Candidate | Expected gain | Cost | Risk | Rank | Source | macro_f1 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    '| baseline: Logistic regression on MFCC means (`logreg`) | — | — | — | baseline | — | 0.61 |',
    '| **chosen:** CNN on mel-spectrograms (`cnn`) | high | medium | low | 1 | — | 0.78 |',
    '| Audio spectrogram transformer (`ast`) | high | high | high | 2 | Musical genre classification of audio signals | — |',
    '',
    'Success criteria: macro_f1 ≥ 0.8.',
    '',
    '## Decision',
    '',
    'Chosen: CNN on mel-spectrograms (`cnn`).',
    '',
    '## Rationale',
    '',
    'Best gain per cost.',
    '',
    'AST kept as plan B.',
    '',
    '## Plan B',
    '',
    '- Audio spectrogram transformer (`ast`): gain high, cost high, risk high, rank 2',
    '',
  ].join('\n'));
});

test('explicit attendees replace the default; no alternative is said so', () => {
  const plan = planFrom('candidates:\n  - { id: only, name: "A | B" }\n');
  const md = renderDecisionRecord(plan, { chosen: 'only', rationale: 'r', date: '2026-12-01', attendees: ['Ann', 'Bo'] });
  assert.match(md, /^- \*\*Attendees:\*\* Ann, Bo$/m);
  assert.match(md, /^- \*\*Led by:\*\* _no project lead named_$/m);
  assert.match(md, /^\| \*\*chosen:\*\* A \\\| B \(`only`\) \|/m);
  assert.match(md, /## Plan B\n\nNo alternative was considered\.\n$/);
});

test('an unknown chosen candidate is an error naming the ids', () => {
  assert.throws(() => renderDecisionRecord(planFrom(FULL_YAML), { chosen: 'rnn', rationale: 'r', date: '2026-12-01' }), /"rnn" is not a candidate id \(candidates: logreg, cnn, ast\)/);
});

test('default attendees: the lead, then the team, without duplicates', () => {
  assert.deepEqual(defaultAttendees(planFrom(FULL_YAML)), ['Dana', 'Lee']);
  assert.deepEqual(defaultAttendees({}), []);
});

test('record paths never overwrite an earlier record', () => {
  assert.equal(decisionRecordPath('2026-12-01', new Set()), 'docs/decisions/2026-12-01-model.md');
  assert.equal(decisionRecordPath('2026-12-01', new Set(['docs/decisions/2026-12-01-model.md'])), 'docs/decisions/2026-12-01-model-2.md');
  assert.equal(
    decisionRecordPath('2026-12-01', new Set(['docs/decisions/2026-12-01-model.md', 'docs/decisions/2026-12-01-model-2.md', 'docs/decisions/2026-11-30-model-3.md'])),
    'docs/decisions/2026-12-01-model-3.md',
  );
  assert.throws(() => decisionRecordPath('2026-13-01', new Set()), /not a YYYY-MM-DD date/);
  assert.throws(() => decisionRecordPath('../../x', new Set()), /not a YYYY-MM-DD date/);
});

test('isIsoDate accepts real dates only', () => {
  assert.deepEqual(['2026-02-28', '2026-02-29', '2028-02-29', '2026-1-01', 'x'].map(isIsoDate), [true, false, true, false, false]);
});
