// The brief's results (in the candidates block): per candidate n, mean [95% CI], Δ vs the baseline [CI], the verdict
// and the target, over each candidate's latest sweep; one run says it has no interval; absolute dates only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBrief } from '../../../src/core/brief/generate';
import { findMarkers } from '../../../src/core/brief/markers';
import { resultsBlock } from '../../../src/core/brief/results';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { sampleRun } from '../runs/fixtures/sampleRun';
import { FULL_YAML, TEMPLATE, planFrom } from './fixtures';

// FULL_YAML has no evaluation.command: runs are not filtered by command.
const plan = planFrom(FULL_YAML);
let seq = 0;
function run(candidate: string, f1: number, over: Partial<RunRecord> = {}): RunRecord {
  seq++;
  const id = `20261126-1200${String(seq).padStart(2, '0')}-${seq.toString(16).padStart(4, '0')}`;
  return sampleRun({ id, candidate, start: `2026-11-26T12:00:${String(seq).padStart(2, '0')}.000Z`, metrics: { macro_f1: f1 }, ...over });
}

const SWEEP = { sweepId: 'sweep-20261126-120000-ab12' };
const HISTORY: RunRecord[] = [
  run('logreg', 0.60, { ...SWEEP, seed: 0 }), run('logreg', 0.61, { ...SWEEP, seed: 1 }), run('logreg', 0.62, { ...SWEEP, seed: 2 }),
  run('cnn', 0.84, { ...SWEEP, seed: 0 }), run('cnn', 0.85, { ...SWEEP, seed: 1 }), run('cnn', 0.86, { ...SWEEP, seed: 2 }),
  run('cnn', 0.1, { status: 'failed' }), // not counted: failed
  run('ast', 0.7), // one run on its own
];

test('per candidate: n, mean [95% CI], Δ vs the baseline [CI], the verdict, the target and the day of the latest run', () => {
  const lines = resultsBlock(plan, HISTORY)!;
  assert.ok(lines[0].startsWith('**Results:**'));
  assert.deepEqual(lines.slice(2), [
    '| Candidate | n | Metric | Mean [95% CI] | Δ vs `logreg` [95% CI] | Verdict | Target | Latest run |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| `logreg` | 3 | macro_f1 | 0.61 [0.5852, 0.6348] | baseline | — | ≥ 0.8: missed | 2026-11-26 |',
    '| `cnn` | 3 | macro_f1 | 0.85 [0.8252, 0.8748] | +0.24 [+0.2173, +0.2627] | better | ≥ 0.8: met with confidence | 2026-11-26 |',
    '| `ast` | 1 | macro_f1 | 0.7 (n=1, no interval) | +0.09 (no interval) | within noise | ≥ 0.8: missed | 2026-11-26 |',
  ]);
});

test('no counted run, or runs that are not whole history records: no results', () => {
  assert.equal(resultsBlock(plan, []), undefined);
  assert.equal(resultsBlock(plan, undefined), undefined);
  assert.equal(resultsBlock(plan, [run('cnn', 0.5, { status: 'failed' })]), undefined);
  assert.equal(resultsBlock(plan, [{ candidate: 'cnn', status: 'ok', metrics: { macro_f1: 0.8 }, end: '2026-11-26T00:00:00Z' }]), undefined);
});

test('the candidates block ends with the results, and renders the same on another day', () => {
  const block = (text: string): string => {
    const b = findMarkers(text).blocks.find((x) => x.id === 'candidates')!;
    return text.slice(b.contentStart, b.contentEnd);
  };
  const a = block(renderBrief(plan, TEMPLATE, { today: '2026-12-01', runs: HISTORY }));
  assert.match(a, /\n\n\*\*Results:\*\*[^\n]*\n\n\| Candidate \| n \|/);
  assert.match(a, /\| `cnn` \| 3 \| macro_f1 \| 0\.85 \[0\.8252, 0\.8748\] \| \+0\.24 \[\+0\.2173, \+0\.2627\] \| better \|/);
  assert.equal(block(renderBrief(plan, TEMPLATE, { today: '2027-02-01', runs: HISTORY })), a);
});
