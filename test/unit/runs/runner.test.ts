import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ProjectPlan } from '../../../src/core/model';
import { executeRun } from '../../../src/core/runs/execute';
import { statusOfExit } from '../../../src/core/runs/runRecord';
import { finishRun } from '../../../src/core/runs/finish';
import { readHistory } from '../../../src/core/runs/history';
import { prepareRun, RunSetupError } from '../../../src/core/runs/prepare';
import { RUN_ID_PATTERN } from '../../../src/core/runs/runRecord';
import { withTempDir } from '../helpers/plans';

const withDir = withTempDir('mlp-runner-');

function plan(command: string | undefined, evaluation: ProjectPlan['evaluation'] = {}): ProjectPlan {
  return {
    candidates: [{ id: 'logreg', baseline: true }, { id: 'knn', params: { k: 7, weights: 'distance' } }, { id: 'cnn' }],
    decision: { chosen: 'cnn' },
    evaluation: { command, ...evaluation },
  };
}

const env = { PATH: process.env.PATH };

/** True while the process runs; a killed process that nobody has reaped yet (a zombie) counts as dead. */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return existsSync(`/proc/${pid}`);
  }
}

test('prepareRun: run id, run folder, metrics file, params, command with quoted values', withDir(async (root) => {
  const p = await prepareRun(plan('python3 eval.py --model ${candidate} --out ${metricsFile}'), { root, candidateId: 'knn', note: 'k=7', env, now: new Date('2026-11-26T23:59:59Z') });
  assert.match(p.runId, /^20261126-235959-[0-9a-f]{6}$/);
  assert.match(p.runId, RUN_ID_PATTERN);
  assert.equal(p.runDir, path.join(root, '.mlproject', 'runs', p.runId));
  assert.ok(statSync(p.runDir).isDirectory());
  assert.equal(p.metricsFile, path.join(p.runDir, 'metrics.json'));
  assert.equal(p.command, `python3 eval.py --model 'knn' --out '${p.metricsFile}'`);
  assert.equal(p.historyFile, path.join(root, '.mlproject', 'runs.jsonl'));
  assert.equal(p.timeoutMs, 30 * 60 * 1000);
  assert.deepEqual(p.params, { k: 7, weights: 'distance' });
  assert.equal(p.note, 'k=7');
  assert.equal(p.candidate, 'knn');
  assert.equal(p.env.MLPROJECT_METRICS_FILE, p.metricsFile);
  assert.equal((await prepareRun(plan('x'), { root, env })).candidate, 'cnn'); // the decision's chosen one
}));

test('prepareRun: ids stay unique when many runs start in the same second', withDir(async (root) => {
  const now = new Date('2026-11-26T12:00:00Z');
  const runs = await Promise.all(Array.from({ length: 40 }, () => prepareRun(plan('x'), { root, env, now })));
  assert.equal(new Set(runs.map((r) => r.runId)).size, 40);
}));

test('prepareRun: clear errors for what cannot run', withDir(async (root) => {
  const opts = { root, env };
  await assert.rejects(prepareRun(plan(undefined), opts), (e: unknown) => e instanceof RunSetupError && /no `evaluation.command`/.test(e.message));
  await assert.rejects(prepareRun(plan('x'), { ...opts, candidateId: 'knnn' }), /unknown candidate "knnn"; did you mean "knn"\? Candidates: logreg, knn, cnn/);
  await assert.rejects(prepareRun(plan('x'), { ...opts, candidateId: 'transformer' }), (e: unknown) => e instanceof Error && !/did you mean/.test(e.message) && /Candidates: logreg, knn, cnn/.test(e.message));
  await assert.rejects(prepareRun({ ...plan('x'), decision: undefined }, opts), /no candidate given and no `decision.chosen`; choose one of: logreg, knn, cnn/);
  await assert.rejects(prepareRun({ evaluation: { command: 'x' } }, opts), /no candidates/);
  await assert.rejects(prepareRun(plan('x', { metrics_file: '../../etc/m.json' }), opts), /metrics_file: "..\/..\/etc\/m.json" is outside the workspace/);
  await assert.rejects(prepareRun(plan('x', { metrics_file: '/tmp/m.json' }), opts), /outside the workspace/);
  await assert.rejects(prepareRun(plan('x', { history: '../h.jsonl' }), opts), /evaluation.history: "..\/h.jsonl" is outside the workspace/);
  await assert.rejects(prepareRun(plan('x', { timeout: 'forever' }), opts), /evaluation.timeout/);
  await assert.rejects(prepareRun(plan('run ${model}'), opts), /unknown variable \$\{model\}/);
  await assert.rejects(prepareRun(plan('x'), { ...opts, root: path.join(root, 'missing') }), /does not exist/);
  assert.equal(existsSync(path.join(root, '.mlproject')), false); // nothing created for a run that cannot start
}));

test('prepareRun: a run refused after its folder was made takes the folder back', withDir(async (root) => {
  writeFileSync(path.join(root, 'out'), 'a file where the metrics folder should be');
  await assert.rejects(prepareRun(plan('x', { metrics_file: 'out/${candidate}.json' }), { root, env }), (e: unknown) => e instanceof RunSetupError && /out is not a folder/.test(e.message));
  assert.deepEqual(readdirSync(path.join(root, '.mlproject', 'runs')), []);
}));

test('prepareRun: a custom metrics_file is created fresh (a stale one from an earlier run is removed)', withDir(async (root) => {
  mkdirSync(path.join(root, 'out'));
  writeFileSync(path.join(root, 'out', 'knn.json'), '{"macro_f1": 0.99}');
  const p = await prepareRun(plan('true', { metrics_file: 'out/${candidate}.json' }), { root, candidateId: 'knn', env });
  assert.equal(p.metricsFile, path.join(root, 'out', 'knn.json'));
  assert.equal(existsSync(p.metricsFile), false);
  const record = await finishRun(p, await executeRun(p, { env }), { git: false });
  assert.equal(record.status, 'metrics-error');
  assert.match(record.error ?? '', /was not written/);
}));

test('a successful run streams output, records metrics and is appended to the history', withDir(async (root) => {
  const p = await prepareRun(plan('echo "run $MLPROJECT_RUN_ID"; echo oops >&2; printf \'{"macro_f1": 0.9}\' > ${metricsFile}'), { root, candidateId: 'knn', note: 'first', env });
  const out: string[] = [];
  const outcome = await executeRun(p, { env, onOutput: (t, s) => out.push(`${s}:${t}`) });
  assert.equal(outcome.status, 'ok');
  assert.equal(outcome.exitCode, 0);
  assert.ok(out.includes(`stdout:run ${p.runId}\n`), out.join('|'));
  assert.ok(out.includes('stderr:oops\n'));
  const record = await finishRun(p, outcome);
  assert.equal(record.status, 'ok');
  assert.deepEqual(record.metrics, { macro_f1: 0.9 });
  assert.equal(record.git, undefined); // not a git repository
  assert.equal(record.source, 'cli');
  assert.deepEqual(record.params, { k: 7, weights: 'distance' });
  assert.equal(record.durationMs, outcome.end.getTime() - outcome.start.getTime());
  assert.deepEqual((await readHistory(p.historyFile, p.root)).runs, [record]);
}));

test('a failed command is recorded with its exit code and the last line of stderr', withDir(async (root) => {
  const p = await prepareRun(plan('echo "Traceback: model exploded" >&2; exit 3'), { root, candidateId: 'logreg', env });
  const outcome = await executeRun(p, { env });
  assert.equal(outcome.status, 'failed');
  assert.equal(outcome.exitCode, 3);
  const record = await finishRun(p, outcome, { git: false });
  assert.equal(record.status, 'failed');
  assert.equal(record.exitCode, 3);
  assert.equal(record.error, 'the command exited with code 3: Traceback: model exploded');
  assert.deepEqual(record.metrics, {});
  assert.equal((await readHistory(p.historyFile, p.root)).runs[0].status, 'failed');
}));

test('a command interrupted with Ctrl+C (exit 130) is recorded as cancelled, other codes as failed', withDir(async (root) => {
  assert.deepEqual([0, 1, 2, 130, 137, null].map(statusOfExit), ['ok', 'failed', 'failed', 'cancelled', 'failed', 'failed']);
  // A shell reports a child interrupted with SIGINT as 130; a shell interrupted itself dies of SIGINT.
  for (const command of ['exit 130', 'sleep 0.05; kill -INT $$; sleep 5']) {
    const p = await prepareRun(plan(command), { root, candidateId: 'logreg', env });
    const outcome = await executeRun(p, { env });
    assert.equal(outcome.status, 'cancelled', `${command}: exit ${outcome.exitCode}`);
    assert.equal((await finishRun(p, outcome, { git: false })).status, 'cancelled');
  }
}));

test('a malformed metrics file after a successful command is status metrics-error with the reason', withDir(async (root) => {
  const p = await prepareRun(plan('printf \'{"macro_f1": NaN}\' > ${metricsFile}'), { root, candidateId: 'knn', env });
  const record = await finishRun(p, await executeRun(p, { env }), { git: false });
  assert.equal(record.status, 'metrics-error');
  assert.equal(record.exitCode, 0);
  assert.match(record.error ?? '', /metric "macro_f1" is NaN/);
  assert.equal((await readHistory(p.historyFile, p.root)).runs[0].status, 'metrics-error');
}));

test('a timeout kills the whole process group quickly', withDir(async (root) => {
  const pidFile = path.join(root, 'bg.pid');
  const p = await prepareRun(plan(`sleep 30 & echo $! > ${'${workspaceFolder}'}/bg.pid; sleep 30`, { timeout: 0.5 }), { root, candidateId: 'knn', env });
  const t0 = Date.now();
  const outcome = await executeRun(p, { env });
  const elapsed = Date.now() - t0;
  assert.equal(outcome.status, 'timeout');
  assert.equal(outcome.exitCode, null);
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  const bg = Number(readFileSync(pidFile, 'utf8'));
  // The killed process may take a moment to be reaped under load: poll until it is gone, up to a deadline.
  const deadline = Date.now() + 5000;
  while (pidAlive(bg) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(pidAlive(bg), false, 'the background sleep was killed too');
  const record = await finishRun(p, outcome, { git: false });
  assert.equal(record.status, 'timeout');
  assert.match(record.error ?? '', /timed out after 0.5s/);
}));

test('a command that ignores SIGTERM is killed after the grace period', withDir(async (root) => {
  const p = await prepareRun(plan(`trap '' TERM; sleep 30`, { timeout: 0.3 }), { root, candidateId: 'knn', env });
  const t0 = Date.now();
  const outcome = await executeRun(p, { env, killGraceMs: 300 });
  assert.equal(outcome.status, 'timeout');
  assert.ok(Date.now() - t0 < 5000);
}));

test('abort cancels the run and records it as cancelled', withDir(async (root) => {
  const p = await prepareRun(plan('sleep 30'), { root, candidateId: 'knn', env });
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 200);
  const t0 = Date.now();
  const outcome = await executeRun(p, { env, signal: ac.signal });
  assert.equal(outcome.status, 'cancelled');
  assert.ok(Date.now() - t0 < 5000);
  const record = await finishRun(p, outcome, { git: false });
  assert.equal(record.status, 'cancelled');
  const already = new AbortController();
  already.abort();
  assert.equal((await executeRun(await prepareRun(plan('sleep 30'), { root, candidateId: 'knn', env }), { env, signal: already.signal })).status, 'cancelled');
}));

test('git commit and dirty flag; mlproject\'s own files do not make the tree dirty', withDir(async (root) => {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
  try {
    git('init', '-q');
  } catch {
    return; // git is not installed: nothing to check
  }
  writeFileSync(path.join(root, 'eval.py'), 'print(1)\n');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
  const head = git('rev-parse', 'HEAD').trim();
  const cmd = 'printf \'{"a": 1}\' > ${metricsFile}';
  const p1 = await prepareRun(plan(cmd), { root, candidateId: 'knn', env });
  const r1 = await finishRun(p1, await executeRun(p1, { env }));
  assert.deepEqual(r1.git, { commit: head, dirty: false });
  writeFileSync(path.join(root, 'eval.py'), 'print(2)\n');
  const p2 = await prepareRun(plan(cmd), { root, candidateId: 'knn', env });
  const r2 = await finishRun(p2, await executeRun(p2, { env }));
  assert.deepEqual(r2.git, { commit: head, dirty: true });
}));
