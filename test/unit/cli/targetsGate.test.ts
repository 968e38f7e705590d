// The gate of `mlproject eval --require-targets[=confident]`, shared by a local sweep and runs waited for on Slurm:
// over each candidate's statistics, on the mean or with the whole interval (never with one run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectPlan } from '../../../src/core/model';
import type { RunRecord } from '../../../src/core/runs/runRecord';
import { EXIT_FAILED, EXIT_OK } from '../../../src/cli/io';
import { requireTargets, statsByCandidate, targetsGateFailure } from '../../../src/cli/commands/targetsGate';
import { fakeIO } from '../helpers/plans';
import { sampleRun } from '../runs/fixtures/sampleRun';

const plan: ProjectPlan = {
  goal: { success_criteria: [{ metric: 'f1', target: 0.75, direction: 'maximize' }] },
  candidates: [{ id: 'base', baseline: true }, { id: 'cnn' }],
};

let seq = 0;
function runs(candidate: string, ...f1: number[]): RunRecord[] {
  return f1.map((v) => {
    seq++;
    return sampleRun({ id: `20261126-1200${String(seq).padStart(2, '0')}-${seq.toString(16).padStart(4, '0')}`, candidate, start: new Date(Date.UTC(2026, 10, 26, 12, 0, seq)).toISOString(), metrics: { f1: v } });
  });
}

const gate = (history: RunRecord[], candidates: string[], g: 'mean' | 'confident', p: ProjectPlan = plan): string | undefined =>
  targetsGateFailure(p, candidates, statsByCandidate(history, p, 'all'), g);

test('one run meets a target on the mean, never with confidence: one run has no interval', () => {
  const history = runs('cnn', 0.8);
  assert.equal(gate(history, ['cnn'], 'mean'), undefined);
  assert.equal(gate(history, ['cnn'], 'confident'), 'success criteria not met with confidence: f1 (n=1: one run has no interval; repeat the run)');
});

test('runs whose whole interval is above the target pass the confident gate; a mean below the target fails both', () => {
  assert.equal(gate(runs('cnn', 0.8, 0.81, 0.82), ['cnn'], 'confident'), undefined);
  assert.equal(gate(runs('cnn', 0.7, 0.72), ['cnn'], 'mean'), 'success criteria not met: f1');
  assert.equal(gate(runs('cnn', 0.7, 0.72), ['cnn'], 'confident'), 'success criteria not met with confidence: f1');
});

test('several candidates: the failing ones are named with their missed metrics', () => {
  const history = [...runs('base', 0.7), ...runs('cnn', 0.8)];
  assert.equal(gate(history, ['base', 'cnn'], 'mean'), 'success criteria not met by 1 of 2 candidates: base (f1)');
  assert.equal(gate(history, ['base', 'cnn'], 'confident'), 'success criteria not met with confidence by 2 of 2 candidates: base (f1), cnn (f1)');
});

test('a plan without success criteria fails the gate: there is nothing to meet', () => {
  const bare: ProjectPlan = { candidates: plan.candidates };
  assert.equal(gate(runs('cnn', 0.9), ['cnn'], 'mean', bare), '--require-targets, but the plan has no goal.success_criteria');
});

test('requireTargets: exit 0 when the gate passes, else exit 1 with the reason on stderr', () => {
  const history = runs('cnn', 0.8);
  const pass = fakeIO('/');
  assert.equal(requireTargets(pass, plan, ['cnn'], statsByCandidate(history, plan, 'latest'), 'mean'), EXIT_OK);
  assert.equal(pass.stderrText, '');
  const fail = fakeIO('/');
  assert.equal(requireTargets(fail, plan, ['cnn'], statsByCandidate(history, plan, 'latest'), 'confident'), EXIT_FAILED);
  assert.match(fail.stderrText, /^error: success criteria not met with confidence: f1 \(n=1/);
});
