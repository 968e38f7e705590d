// The words the editor shows for runs, sweeps and statistics (runText.ts, statsText.ts, sweepText.ts): readable
// statuses, the three outcomes (ok and met, ok but missed, not ok), the cancel message, `sweep k/N`, prefixed lines,
// n, mean ± half-width and the verdict, honest with one run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectPlan } from '../../../src/core/model';
import { summarizeCandidates } from '../../../src/core/runs/candidateStats';
import { compareWithBaseline } from '../../../src/core/runs/compare';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { outcomeKind, outcomeText, STATUS_TEXT, verdictMessage } from '../../../src/extension/runs/runText';
import { referenceOf } from '../../../src/core/runs/statsWords';
import { candidateDescription, candidateDetails, latestVerdictWords, meanText } from '../../../src/extension/runs/statsText';
import { LinePrefixer, sweepMessage, sweepOutcomeText, sweepProgressText } from '../../../src/extension/runs/sweepText';
import { sampleRun } from '../runs/fixtures/sampleRun';

const plan: ProjectPlan = {
  goal: { success_criteria: [{ metric: 'macro_f1', target: 0.8, direction: 'maximize' }, { metric: 'latency_ms', target: 50, direction: 'minimize' }] },
  candidates: [{ id: 'logreg', baseline: true }, { id: 'knn' }, { id: 'cnn' }],
};
let seq = 0;
function run(candidate: string, f1: number, over: Partial<RunRecord> = {}): RunRecord {
  seq++;
  return sampleRun({ id: `20261126-1200${String(seq).padStart(2, '0')}-${seq.toString(16).padStart(4, '0')}`, candidate, start: `2026-11-26T12:00:${String(seq).padStart(2, '0')}.000Z`, metrics: { macro_f1: f1, latency_ms: 1 }, ...over });
}

test('statuses read as words: "metrics missing", never metrics-error', () => {
  assert.equal(STATUS_TEXT['metrics-error'], 'metrics missing');
  assert.ok(Object.values(STATUS_TEXT).every((t) => !/-/.test(t)));
});

test('three outcomes: ok and every target met, ok but a target missed, not ok', () => {
  const met = compareWithBaseline(run('knn', 0.85), undefined, plan);
  const missed = compareWithBaseline(run('knn', 0.7), undefined, plan);
  const broken = compareWithBaseline(run('knn', 0, { status: 'metrics-error', metrics: {}, error: 'no metrics file' }), undefined, plan);
  assert.deepEqual([outcomeKind(met), outcomeKind(missed), outcomeKind(broken)], ['met', 'missed', 'not-ok']);
  assert.equal(outcomeText(met), 'succeeded, every target met');
  assert.equal(outcomeText(missed), 'succeeded, 1 of 2 targets missed');
  assert.equal(outcomeText(broken), 'metrics missing');
  assert.equal(outcomeText(compareWithBaseline(run('knn', 0.7), undefined, {})), 'succeeded (no success criteria)');
});

test('the cancel message reads cleanly', () => {
  const cancelled = compareWithBaseline(run('knn', 0, { status: 'cancelled', metrics: {}, error: 'interrupted with Ctrl+C in the terminal' }), undefined, plan);
  assert.equal(verdictMessage(cancelled), 'Evaluation of knn was cancelled (interrupted with Ctrl+C in the terminal).');
  const failed = compareWithBaseline(run('knn', 0, { status: 'failed', metrics: {}, error: 'the command exited with code 2.' }), undefined, plan);
  assert.equal(verdictMessage(failed), 'Evaluation of knn failed (the command exited with code 2).');
  const none = compareWithBaseline(run('knn', 0, { status: 'metrics-error', metrics: {} }), undefined, plan);
  assert.equal(verdictMessage(none), 'Evaluation of knn finished, but its metrics are missing.');
});

const SWEEP = (seed: number) => ({ sweepId: 'sweep-20261126-120000-ab12', seed });
const history = [
  run('logreg', 0.60, SWEEP(0)), run('logreg', 0.61, SWEEP(1)), run('logreg', 0.62, SWEEP(2)),
  run('knn', 0.84, SWEEP(0)), run('knn', 0.85, SWEEP(1)), run('knn', 0.86, SWEEP(2)),
  run('cnn', 0.58, SWEEP(0)), run('cnn', 0.66, SWEEP(1)), run('cnn', 0.62, SWEEP(2)),
];

test('grouped rows: n, mean ± half-width of the 95% CI of the primary metric, and the verdict in words', () => {
  const all = summarizeCandidates(history, plan);
  const ref = referenceOf(all);
  assert.equal(ref, 'logreg');
  const by = new Map(all.map((s) => [s.candidate, s]));
  assert.equal(candidateDescription(by.get('logreg')!, plan, ref), 'n=3 · macro_f1 0.61 ± 0.02484 · baseline');
  assert.equal(candidateDescription(by.get('knn')!, plan, ref), 'n=3 · macro_f1 0.85 ± 0.02484 · better');
  assert.match(candidateDescription(by.get('cnn')!, plan, ref), /^n=3 · macro_f1 0\.62 ± [\d.]+ · within noise$/);
  const details = candidateDetails(by.get('knn')!, plan, ref);
  assert.ok(details.includes('Verdict: better than logreg on macro_f1: Δ +0.24 [+0.2173, +0.2627] (n=3 vs 3).'), details.join('\n'));
  assert.ok(details.includes('Target macro_f1 ≥ 0.8: met with confidence.'));
});

test('one run: "n=1, no interval" and within noise, saying why', () => {
  const single = [...history, run('knn', 0.9)];
  const all = summarizeCandidates(single, plan);
  const knn = all.find((s) => s.candidate === 'knn')!;
  assert.equal(candidateDescription(knn, plan, 'logreg'), 'n=1, no interval · macro_f1 0.9 · within noise');
  assert.equal(meanText(knn.metrics[0]), '0.9 (n=1, no interval)');
  assert.deepEqual(latestVerdictWords(single, plan, 'knn'), {
    verdict: 'within noise',
    sentence: 'within noise of logreg on macro_f1: Δ +0.29 (n=1 vs 3; one run cannot show how large the noise is)',
  });
  assert.equal(latestVerdictWords(single, plan, 'logreg'), undefined, 'the baseline has no verdict against itself');
});

test('sweeps: `sweep k/N`, [label] prefixed whole lines, the outcome and the message at the end', () => {
  assert.equal(sweepProgressText(3, 12), 'sweep 3/12');
  const out: string[] = [];
  const p = new LinePrefixer('[knn#1] ', (t) => out.push(t));
  p.push('epoch 1\nepo');
  p.push('ch 2\r\n');
  p.push('done');
  p.flush();
  assert.equal(out.join(''), '[knn#1] epoch 1\n[knn#1] epoch 2\n[knn#1] done\n');
  const cancelled = run('cnn', 0, { status: 'cancelled', metrics: {} });
  assert.equal(sweepOutcomeText({ records: [history[0], cancelled, cancelled], cancelled: true, unrecorded: [] }, 3), '1 of 3 runs succeeded, 2 cancelled (the sweep was cancelled)');
  assert.equal(
    sweepMessage({ sweepId: 'sweep-1', records: history, cancelled: false, unrecorded: [] }, 9, history, plan),
    'Sweep sweep-1 ended: 9 of 9 runs succeeded. macro_f1, mean ± 95% CI: logreg 0.61 ± 0.02484 baseline; knn 0.85 ± 0.02484 better; cnn 0.62 ± 0.09937 within noise.',
  );
});

test('a baseline whose runs are the only ones is shown as the baseline, not as "no baseline run to compare with yet"', () => {
  const all = summarizeCandidates([run('logreg', 0.7), run('logreg', 0.72)], plan, { scope: 'all' });
  const ref = referenceOf(all);
  assert.equal(ref, 'logreg');
  const base = all.find((s) => s.candidate === 'logreg')!;
  const details = candidateDetails(base, plan, ref);
  assert.ok(details.includes('Verdict: the baseline the others are compared with on macro_f1.'), details.join('\n'));
  assert.ok(!details.some((l) => /no baseline run/.test(l)), details.join('\n'));
  // a candidate without runs yet still says nothing compares
  assert.match(candidateDescription(all.find((s) => s.candidate === 'knn')!, plan, ref), /^no run counts for statistics/);
});
