import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { checkPlanText } from '../../../src/core/check';
import { anyMilestones, milestones } from '../../../src/core/milestones';
import { NodeFs } from '../../../src/core/workspace/nodeFs';
import { check, FULL_BRIEF, HEALTHY_HEAD, history, runLine, yaml } from '../helpers/plans';

const CANDIDATES = ['candidates:', '  - { id: base, name: Nearest centroid, baseline: true }', '  - { id: cnn, name: CNN }'];

test('the example project, already past every step, has every milestone', async () => {
  const root = path.join(__dirname, '../../../examples/genre-tagger');
  const r = await checkPlanText(readFileSync(path.join(root, '.mlproject.yaml'), 'utf8'), { fs: new NodeFs(root) });
  assert.deepEqual(milestones(r.parsed.plan, r.facts), { brief: true, candidates: true, baselineRun: true });
});

test('a fresh plan has none', async () => {
  const r = await check(yaml(...HEALTHY_HEAD));
  assert.deepEqual(milestones(r.parsed.plan, r.facts), { brief: false, candidates: false, baselineRun: false });
});

test('the brief counts once its file exists, even half written', async () => {
  const text = yaml(...HEALTHY_HEAD);
  const bare = await check(text);
  assert.equal(milestones(bare.parsed.plan, bare.facts).brief, false);
  const r = await check(text, { 'brief.md': '# Brief\n\n## Problem\n' });
  assert.equal(milestones(r.parsed.plan, r.facts).brief, true);
  const full = await check(text, { 'brief.md': FULL_BRIEF });
  assert.equal(milestones(full.parsed.plan, full.facts).brief, true);
});

test('one candidate is not enough; two are', async () => {
  const one = await check(yaml(...HEALTHY_HEAD, ...CANDIDATES.slice(0, 2)));
  assert.equal(milestones(one.parsed.plan, one.facts).candidates, false);
  const two = await check(yaml(...HEALTHY_HEAD, ...CANDIDATES));
  assert.equal(milestones(two.parsed.plan, two.facts).candidates, true);
});

test('only a successful run of a baseline candidate counts as the baseline run', async () => {
  const text = yaml(...HEALTHY_HEAD, ...CANDIDATES);
  const runs = (...lines: string[]) => ({ '.mlproject/runs.jsonl': history(...lines) });
  const of = async (files: Record<string, string>) => {
    const r = await check(text, files);
    return milestones(r.parsed.plan, r.facts).baselineRun;
  };
  assert.equal(await of({}), false);
  assert.equal(await of(runs(runLine('cnn'))), false);
  assert.equal(await of(runs(runLine('base', { status: 'failed', exitCode: 1 }))), false);
  assert.equal(await of(runs(runLine('cnn'), runLine('base', { n: 2 }))), true);
});

test('over several projects, a milestone is reached when any project reached it', () => {
  const none = { brief: false, candidates: false, baselineRun: false };
  assert.deepEqual(anyMilestones([]), none);
  assert.deepEqual(anyMilestones([none, { brief: true, candidates: false, baselineRun: true }]), { brief: true, candidates: false, baselineRun: true });
});
