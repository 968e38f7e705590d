// The cluster runs' polling schedule: immediate on a kick, backoff 1 s -> 30 s while nothing changes, back to 1 s on a
// change, no timer at all once nothing is pending, never two ticks at once, errors keep it polling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PendingPoller, type TickResult } from '../../../src/extension/runs/slurm/pendingPoller';

/** Fake timers: at most one is ever pending here; `fire()` runs it. */
function fakeTimers() {
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t: unknown) => {
      (t as { cleared: boolean }).cleared = true;
    },
    live: () => timers.filter((t) => !t.cleared),
    fire() {
      const t = timers.find((x) => !x.cleared);
      assert.ok(t, 'a timer is scheduled');
      t.cleared = true;
      t.fn();
    },
  };
}

function scripted(results: (TickResult | Error)[]) {
  let calls = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const tick = async (): Promise<TickResult> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    const r = results[Math.min(calls++, results.length - 1)];
    if (r instanceof Error) throw r;
    return r;
  };
  return { tick, calls: () => calls, maxInFlight: () => maxInFlight };
}

const still = { pending: 1, changed: false };

test('backs off 1, 2, 4 ... 30 s while nothing changes, and ticks at once on a kick', async () => {
  const timers = fakeTimers();
  const s = scripted([still]);
  const poller = new PendingPoller(s.tick, timers);
  poller.kick();
  await poller.idle();
  assert.equal(s.calls(), 1, 'the kick ticked at once');
  const delays: number[] = [];
  for (let i = 0; i < 7; i++) {
    delays.push(poller.scheduled as number);
    timers.fire();
    await poller.idle();
  }
  assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  assert.equal(s.calls(), 8);
  poller.kick(); // e.g. a submission: polls now and starts again from the minimum
  await poller.idle();
  assert.equal(s.calls(), 9);
  assert.equal(poller.scheduled, 1000);
  assert.equal(timers.live().length, 1, 'the kick replaced the scheduled tick');
  poller.dispose();
});

test('a change resets the delay to the minimum', async () => {
  const timers = fakeTimers();
  const s = scripted([still, still, still, { pending: 1, changed: true }, still]);
  const poller = new PendingPoller(s.tick, { ...timers, minMs: 100, maxMs: 10_000, factor: 3 });
  poller.kick();
  await poller.idle();
  const delays = [poller.scheduled];
  for (let i = 0; i < 4; i++) {
    timers.fire();
    await poller.idle();
    delays.push(poller.scheduled);
  }
  assert.deepEqual(delays, [100, 300, 900, 100, 300]);
  poller.dispose();
});

test('nothing pending: no timer; a later kick polls again', async () => {
  const timers = fakeTimers();
  const s = scripted([still, { pending: 0, changed: true }, still]);
  const poller = new PendingPoller(s.tick, timers);
  poller.kick();
  await poller.idle();
  timers.fire();
  await poller.idle();
  assert.equal(s.calls(), 2);
  assert.equal(poller.scheduled, undefined);
  assert.equal(timers.live().length, 0, 'no timer runs while nothing is pending');
  poller.kick();
  await poller.idle();
  assert.equal(s.calls(), 3);
  assert.equal(poller.scheduled, 1000);
  poller.dispose();
});

test('kicks during a tick run one more tick after it, never two at once', async () => {
  const timers = fakeTimers();
  const s = scripted([still]);
  const poller = new PendingPoller(s.tick, timers);
  poller.kick();
  poller.kick();
  poller.kick();
  await poller.idle();
  assert.equal(s.calls(), 2, 'the first tick, then one for the kicks that came meanwhile');
  assert.equal(s.maxInFlight(), 1);
  assert.equal(timers.live().length, 1);
  poller.dispose();
});

test('a failing tick is reported and polling goes on, backing off', async () => {
  const timers = fakeTimers();
  const errors: unknown[] = [];
  const s = scripted([new Error('squeue: connection refused'), new Error('again'), { pending: 0, changed: false }]);
  const poller = new PendingPoller(s.tick, { ...timers, onError: (e) => errors.push(e) });
  poller.kick();
  await poller.idle();
  assert.equal(poller.scheduled, 1000);
  timers.fire();
  await poller.idle();
  assert.equal(poller.scheduled, 2000);
  timers.fire();
  await poller.idle();
  assert.deepEqual(errors.map((e) => (e as Error).message), ['squeue: connection refused', 'again']);
  assert.equal(poller.scheduled, undefined);
  poller.dispose();
});

test('after dispose nothing ticks', async () => {
  const timers = fakeTimers();
  const s = scripted([still]);
  const poller = new PendingPoller(s.tick, timers);
  poller.kick();
  poller.dispose();
  await poller.idle();
  assert.equal(timers.live().length, 0);
  poller.kick();
  await poller.idle();
  assert.equal(s.calls(), 1);
});
