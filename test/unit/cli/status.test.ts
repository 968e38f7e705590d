// `mlproject status`: current phase, progress, steps with evidence, pitfalls; text and JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { FULL_BRIEF, HEALTHY_HEAD, fakeIO, tempDir, yaml } from '../helpers/plans';

let dir: string;
let cleanup: () => void;

const PLAN = yaml(...HEALTHY_HEAD,
  'checklist:',
  '  discover: { business-understanding: done, data-understanding: skipped, project-brief: done }',
  '  define: { data-preparation: in-progress }',
  '  develop:',
  '    label-audit: { status: done, title: Audit labels }',
  'candidates:',
  '  - { id: cnn, name: CNN }',
  'decision: { chosen: cnn, rationale: r }',
);

before(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, '.mlproject.yaml'), PLAN);
  writeFileSync(path.join(dir, 'brief.md'), FULL_BRIEF);
});
after(() => cleanup());

async function status(...argv: string[]) {
  const io = fakeIO(dir);
  const code = await runCli(['status', ...argv], io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

test('text: header, current phase and progress, phases with counts, steps with evidence, pitfalls', async () => {
  const r = await status('--today', '2026-11-26');
  assert.equal(r.code, 0);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'Demo · lead Dana  (.mlproject.yaml)');
  assert.equal(lines[1], 'Current phase: Define · progress 4/17 steps');
  assert.ok(lines.includes('  ✓ Discover    3/3'));
  assert.ok(lines.includes('  ▶ Define      0/2   ← current phase'));
  assert.ok(lines.includes('  ◐ Develop     1/4'));
  assert.ok(lines.some((l) => /^ {6}✓ label-audit +Audit labels \(custom\)$/.test(l)));
  assert.ok(lines.some((l) => /^ {6}✓ project-brief +Project brief +\[seen: brief 8\/8 sections\]$/.test(l)));
  assert.ok(lines.some((l) => /^ {6}◐ data-preparation .*\[not seen: no `evaluation.dataset`\]$/.test(l)));
  assert.ok(lines.some((l) => /^Open pitfalls \(\d+\):$/.test(l)));
  assert.ok(lines.some((l) => /^ {2}⚠ 1\. One architecture \[single-architecture\] line 18: The decision for "cnn" weighed no alternative/.test(l)));
});

test('--format json: current phase, progress, steps and pitfalls as data', async () => {
  const r = await status('--format', 'json', '--today', '2026-11-26');
  assert.equal(r.code, 0);
  const [s] = JSON.parse(r.out);
  assert.equal(s.file, '.mlproject.yaml');
  assert.equal(s.currentPhase, 'define');
  assert.deepEqual([s.closed, s.total], [4, 17]);
  assert.deepEqual(s.phases.map((p: { id: string; closed: number; total: number }) => [p.id, p.closed, p.total]), [
    ['discover', 3, 3], ['define', 0, 2], ['develop', 1, 4], ['deliver', 0, 4], ['deployment', 0, 4],
  ]);
  const audit = s.phases[2].steps.find((x: { id: string }) => x.id === 'label-audit');
  assert.deepEqual(audit, { id: 'label-audit', title: 'Audit labels', status: 'done', custom: true, evidence: null });
  assert.ok(s.pitfalls.some((p: { code: string; line: number }) => p.code === 'single-architecture' && p.line === 18));
});

test('bad format, unknown option, missing path: exit 2 with one line', async () => {
  for (const argv of [['--format', 'sarif'], ['--verbose'], ['nowhere']]) {
    const r = await status(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.err.trimEnd().split('\n').length, 1);
    assert.equal(r.out, '');
  }
});

test('status --help exits 0', async () => {
  const r = await status('--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: mlproject status/);
});

test('--today that is not a date is bad usage', async () => {
  const r = await status('--today', 'garbage');
  assert.equal(r.code, 2);
});

test('each step shows the pitfalls it is the cure for (the same mapping as the Phases tree)', async () => {
  const io = fakeIO(path.resolve(__dirname, '../../..'));
  assert.equal(await runCli(['status', 'examples/in-trouble', '--today', '2026-11-26'], io), 0);
  const line = (step: string) => io.stdoutText.split('\n').find((l) => l.includes(` ${step} `)) ?? '';
  assert.match(line('brainstorming'), /⚠ pitfall 1, 3$/);
  assert.match(line('literature-review'), /⚠ pitfall 2$/);
  assert.match(line('reality-check'), /⚠ pitfall 4$/);
  assert.match(line('baseline'), /⚠ pitfall 5$/);
  assert.doesNotMatch(line('serving'), /pitfall/);
});

test('--count-evidence: a step whose evidence is seen and whose status is not declared counts as done', async () => {
  const r = await status('--count-evidence', '--today', '2026-11-26');
  assert.equal(r.code, 0);
  const lines = r.out.split('\n');
  assert.equal(lines[1], 'Current phase: Define · progress 5/17 steps');
  assert.ok(lines.includes('  ◐ Develop     2/4'));
  assert.ok(lines.some((l) => /^ {6}✓ model-decision +Model decision meeting +\(done by evidence\) +\[seen: chose cnn\]/.test(l)), r.out);
  // a declared status wins: data-preparation stays in progress
  assert.ok(lines.some((l) => /^ {6}◐ data-preparation /.test(l)));
  const [s] = JSON.parse((await status('--count-evidence', '--format', 'json', '--today', '2026-11-26')).out);
  assert.equal(s.closed, 5);
  assert.equal(s.phases[2].steps.find((x: { id: string }) => x.id === 'model-decision').doneByEvidence, true);
});
