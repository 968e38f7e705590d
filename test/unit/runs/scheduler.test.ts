// The sweep scheduler with real processes: slots, start-as-slot-frees, seeds, sweep ids, logs, events, cancel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ProjectPlan } from '../../../src/core/model';
import { localExecutor, RUN_LOG_FILE, type Executor } from '../../../src/core/runs/executor';
import { readHistory } from '../../../src/core/runs/history';
import { elapsedMs, NOT_STARTED_ERROR, runSweep, SweepRunner, type SweepEvent } from '../../../src/core/runs/scheduler';
import { planSweep } from '../../../src/core/runs/sweep';
import { withTempDir } from '../helpers/plans';

const env = { PATH: process.env.PATH };

const withDir = withTempDir('mlp-sweep-');

/** Polls `ok` until it holds, failing with `what` after `ms`. */
async function until(ok: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// job.sh <seed> <sleep for seed 0> <sleep for the others>: records its own start and end (ms since the epoch, from
// the process itself), its seed as argv and env, and prints a line to stdout and one to stderr.
const JOB = `#!/bin/sh
s=$(date +%s%3N)
echo "out of $MLPROJECT_CANDIDATE seed $1"
echo "err of $MLPROJECT_CANDIDATE seed $1" >&2
if [ "$1" = 0 ]; then sleep "$2"; else sleep "$3"; fi
e=$(date +%s%3N)
printf '{"start": %s, "end": %s, "argvSeed": %s, "envSeed": %s}\\n' "$s" "$e" "$1" "$MLPROJECT_SEED" > "$MLPROJECT_METRICS_FILE"
`;

function plan(first: string, others: string, evaluation: ProjectPlan['evaluation'] = {}): ProjectPlan {
  return {
    candidates: [{ id: 'knn' }, { id: 'logreg', baseline: true }, { id: 'cnn' }],
    decision: { chosen: 'cnn' },
    evaluation: { command: `sh job.sh \${seed} ${first} ${others}`, ...evaluation },
  };
}

function setup(dir: string): void {
  writeFileSync(path.join(dir, 'job.sh'), JOB);
}

const historyOf = (dir: string) => readHistory(path.join(dir, '.mlproject', 'runs.jsonl'), dir);

test('planSweep: --all puts the baseline first, seeds 0…N−1, labels, a sweep id only for more than one run', () => {
  const p = plan('0', '0', { repeats: 2 });
  const all = planSweep(p, { all: true });
  assert.deepEqual(all.items.map((i) => i.label), ['logreg#0', 'logreg#1', 'knn#0', 'knn#1', 'cnn#0', 'cnn#1']);
  assert.match(all.sweepId ?? '', /^sweep-\d{8}-\d{6}-[0-9a-f]{4}$/);
  assert.equal(all.parallel, 1);
  const list = planSweep(p, { candidates: ['cnn', 'knn', 'cnn'], repeats: 1, parallel: 3 });
  assert.deepEqual(list.items.map((i) => [i.label, i.seed]), [['cnn', 0], ['knn', 0]]);
  assert.equal(list.parallel, 3);
  const single = planSweep(p, { repeats: 1 });
  assert.deepEqual(single.items.map((i) => i.candidate), ['cnn']);
  assert.equal(single.sweepId, undefined);
  assert.throws(() => planSweep(p, { candidates: ['knnn'] }), /unknown candidate "knnn"; did you mean "knn"/);
  assert.throws(() => planSweep(plan('0', '0', { repeats: 0 })), /evaluation.repeats: 0 is not a whole number of at least 1/);
  assert.throws(() => planSweep(plan('0', '0', { parallel: 1.5 })), /evaluation.parallel: 1.5/);
  assert.throws(() => planSweep(p, { all: true, candidates: ['knn'] }), /not both/);
});

test('at most `parallel` runs at once, and the next one starts as soon as a slot frees', withDir(async (root) => {
  setup(root);
  const p = plan('1.2', '0.15');
  // knn#0 is long; while it runs, the other slot should work through knn#1…cnn#1 one after the other
  const spec = planSweep(p, { candidates: ['knn', 'cnn'], repeats: 3, parallel: 2 });
  const result = await runSweep(p, spec, { root, env, executor: localExecutor({ env }) });
  assert.equal(result.records.length, 6);
  assert.ok(result.records.every((r) => r.status === 'ok'), JSON.stringify(result.records.map((r) => r.error)));
  const spans = result.records.map((r) => ({ label: `${r.candidate}#${r.seed}`, start: r.metrics.start, end: r.metrics.end }));
  let maxActive = 0;
  for (const s of spans) maxActive = Math.max(maxActive, spans.filter((o) => o.start <= s.start && s.start < o.end).length);
  assert.equal(maxActive, 2, JSON.stringify(spans));
  const long = spans[0];
  const startedDuringLong = spans.slice(1).filter((s) => s.start < long.end).map((s) => s.label);
  // not batches of two: at least three short runs started while the long one was still running
  assert.ok(startedDuringLong.length >= 3, `started while knn#0 ran: ${startedDuringLong.join(', ')} ${JSON.stringify(spans)}`);
}));

test('seeds reach argv and env; every run of a sweep shares its sweep id; each run has its own log', withDir(async (root) => {
  setup(root);
  const p = plan('0', '0');
  const spec = planSweep(p, { all: true, repeats: 3, parallel: 2 });
  const result = await runSweep(p, spec, { root, env, executor: localExecutor({ env }) });
  const h = await historyOf(root);
  assert.equal(h.runs.length, 9);
  assert.deepEqual(h.runs.map((r) => r.id).sort(), result.records.map((r) => r.id).sort());
  for (const r of h.runs) {
    assert.equal(r.sweepId, spec.sweepId);
    assert.equal(r.metrics.argvSeed, r.seed);
    assert.equal(r.metrics.envSeed, r.seed);
    const log = readFileSync(path.join(root, '.mlproject', 'runs', r.id, RUN_LOG_FILE), 'utf8');
    assert.equal(log.split('\n').filter(Boolean).sort().join('|'), `err of ${r.candidate} seed ${r.seed}|out of ${r.candidate} seed ${r.seed}`);
  }
  for (const c of ['logreg', 'knn', 'cnn']) assert.deepEqual(h.runs.filter((r) => r.candidate === c).map((r) => r.seed).sort(), [0, 1, 2]);
  assert.equal(h.runs[0].candidate, 'logreg'); // parallel 2: the baseline's runs start first
}));

test('events: each run goes queued → started → finished once; progress and elapsed time follow', withDir(async (root) => {
  setup(root);
  const p = plan('0.2', '0.2');
  const spec = planSweep(p, { candidates: ['knn'], repeats: 3, parallel: 2 });
  const runner = new SweepRunner(p, spec, { root, env, executor: localExecutor({ env }) });
  const seen = new Map<string, string[]>();
  const progress: string[] = [];
  let output = 0;
  runner.onEvent((e: SweepEvent) => {
    if (e.type === 'output') output++;
    else seen.set(e.run.item.label, [...(seen.get(e.run.item.label) ?? []), e.type]);
    if (e.type === 'started') assert.ok(runner.progress().running <= 2);
    if (e.type === 'finished') progress.push(`${runner.progress().finished}/${runner.progress().total}`);
  });
  runner.onEvent(() => { throw new Error('a broken listener'); }); // loses nothing
  const result = await runner.run();
  assert.deepEqual([...seen.values()], [['queued', 'started', 'finished'], ['queued', 'started', 'finished'], ['queued', 'started', 'finished']]);
  assert.deepEqual(progress, ['1/3', '2/3', '3/3']);
  assert.ok(output >= 6);
  assert.equal(result.records.length, 3);
  for (const r of runner.runs) {
    assert.equal(r.phase, 'finished');
    assert.ok(elapsedMs(r) >= 150, `elapsed ${elapsedMs(r)}`);
    assert.equal(elapsedMs(r), elapsedMs(r, new Date(Date.now() + 60_000))); // a finished run's time stays put
  }
}));

test('cancel mid-sweep: running runs are stopped, queued ones never start, every run is recorded exactly once', withDir(async (root) => {
  setup(root);
  const p = plan('0', '30'); // seed 0 finishes at once, the others would take 30 s
  const spec = planSweep(p, { candidates: ['knn', 'cnn'], repeats: 3, parallel: 2 });
  const abort = new AbortController();
  const runner = new SweepRunner(p, spec, { root, env, executor: localExecutor({ env, killGraceMs: 500 }), signal: abort.signal });
  const done = runner.run();
  await until(() => runner.progress().finished >= 1 && runner.progress().running === 2, 'one finished run and two running');
  const startedBefore = runner.runs.filter((r) => r.phase !== 'queued').map((r) => r.item.label);
  abort.abort();
  const result = await done;
  assert.equal(result.cancelled, true);
  const h = await historyOf(root);
  assert.equal(h.runs.length, 6);
  assert.deepEqual(h.runs.map((r) => r.id).sort(), runner.runs.map((r) => r.prepared.runId).sort()); // each exactly once
  const byLabel = new Map(runner.runs.map((r) => [r.item.label, h.runs.find((x) => x.id === r.prepared.runId)!]));
  assert.equal(byLabel.get('knn#0')?.status, 'ok');
  for (const [label, rec] of byLabel) {
    if (label === 'knn#0') continue;
    assert.equal(rec.status, 'cancelled', label);
    if (startedBefore.includes(label)) assert.match(rec.error ?? '', /the command was killed/, label);
    else {
      assert.equal(rec.error, NOT_STARTED_ERROR, label);
      assert.equal(rec.exitCode, null);
      assert.ok(!existsSync(path.join(root, '.mlproject', 'runs', rec.id, RUN_LOG_FILE)), `${label} never ran`);
    }
  }
  assert.equal(startedBefore.length, 3);
}));

test('an executor that throws gives a failed run, still recorded', withDir(async (root) => {
  const p = plan('0', '0');
  const broken: Executor = { name: 'broken', start: async () => { throw new Error('no cluster'); } };
  const result = await runSweep(p, planSweep(p, { candidates: ['knn'], repeats: 2 }), { root, env, executor: broken });
  assert.deepEqual(result.records.map((r) => [r.status, r.error]), [['failed', 'the broken executor failed: no cluster'], ['failed', 'the broken executor failed: no cluster']]);
  assert.equal((await historyOf(root)).runs.length, 2);
}));
