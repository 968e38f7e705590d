// The brief keeps what a person writes: prompts sit outside the generated blocks, and a generated block edited by
// hand (its content no longer matches the hash in its begin marker, or, without a hash, is not generated text) is
// kept and listed by an update, and replaced only when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBrief } from '../../../src/core/brief/generate';
import { findMarkers } from '../../../src/core/brief/markers';
import { contentHash, provenanceOf } from '../../../src/core/brief/provenance';
import { updateBrief } from '../../../src/core/brief/update';
import { FULL_YAML, TEMPLATE, planFrom } from './fixtures';

const FULL = planFrom(FULL_YAML);

function block(text: string, id: string): string {
  const b = findMarkers(text).blocks.find((x) => x.id === id);
  assert.ok(b, `block ${id}`);
  return text.slice(b.contentStart, b.contentEnd);
}

test('data loss scenario: a prompt replaced with own text survives the update that fills the plan', () => {
  const created = renderBrief({}, TEMPLATE, { today: '2026-12-01' });
  const prompt = /^_TODO:_ State the problem.*$/m.exec(created);
  assert.ok(prompt, 'the Problem prompt is in the new brief');
  const own = 'Editors spend two hours a day tagging songs by hand; we want them to review tags instead.';
  const mine = created.replace(prompt[0], own);
  const r = updateBrief(mine, FULL, TEMPLATE, { today: '2026-12-01' });
  assert.equal(r.error, undefined);
  assert.deepEqual(r.keptBlocks, []);
  assert.ok(r.text.includes(own), 'the own text is kept');
  assert.match(block(r.text, 'goal'), /^Tag each uploaded song/);
  // and once more, after a plan change
  const again = updateBrief(r.text, planFrom(FULL_YAML.replace('browse by genre.', 'browse by mood.')), TEMPLATE, { today: '2026-12-01' });
  assert.deepEqual(again.changedBlocks, ['goal']);
  assert.ok(again.text.includes(own));
});

test('a new brief shows a prompt only for sections the plan does not fill', () => {
  const plan = planFrom('goal: { problem: P, business_metric: M }');
  const out = renderBrief(plan, TEMPLATE, {});
  assert.doesNotMatch(out, /_TODO:_ State the problem/);
  assert.match(out, /## Problem\n\n<!-- mlproject:begin goal hash=[0-9a-f]{16} -->\nP\n\n\*\*Business metric:\*\* M\n<!-- mlproject:end goal -->\n\n## Success criteria/);
  assert.match(out, /<!-- mlproject:end success-criteria -->\n\n_TODO:_ List the success criteria/);
  assert.equal((renderBrief(FULL, TEMPLATE, {}).match(/_TODO:_/g) ?? []).length, 1, 'only the comment that explains prompts mentions one');
});

test('a generated block edited by hand is listed and kept; replaced only when asked', () => {
  const created = renderBrief(FULL, TEMPLATE, { today: '2026-12-01' });
  const edited = created.replace('40k songs with editor-assigned genres.', '40k songs with editor-assigned genres, checked by Lee in May.');
  const newPlan = planFrom(FULL_YAML.replace('labels skew towards rock', 'labels skew towards pop'));

  const kept = updateBrief(edited, newPlan, TEMPLATE, { today: '2026-12-01' });
  assert.equal(kept.error, undefined);
  assert.deepEqual(kept.keptBlocks, [{ id: 'data', line: findMarkers(edited).blocks.find((b) => b.id === 'data')!.beginLine + 1, provenance: 'edited' }]);
  assert.deepEqual(kept.changedBlocks, ['risks'], 'the other blocks are still refreshed');
  assert.equal(block(kept.text, 'data'), block(edited, 'data'), 'the edited block is untouched');
  assert.match(block(kept.text, 'risks'), /labels skew towards pop/);
  assert.deepEqual(updateBrief(kept.text, newPlan, TEMPLATE, { today: '2026-12-01' }).keptBlocks.map((k) => k.id), ['data'], 'and listed again next time');

  for (const replaceEdited of [true, ['data']] as const) {
    const forced = updateBrief(edited, newPlan, TEMPLATE, { today: '2026-12-01', replaceEdited });
    assert.deepEqual(forced.keptBlocks, []);
    assert.deepEqual(forced.replacedBlocks, ['data']);
    assert.equal(forced.text, renderBrief(newPlan, TEMPLATE, { today: '2026-12-01' }));
  }
  const other = updateBrief(edited, newPlan, TEMPLATE, { replaceEdited: ['risks'] });
  assert.deepEqual(other.keptBlocks.map((k) => k.id), ['data'], 'naming another block does not replace this one');
  const wrong = updateBrief(edited, newPlan, TEMPLATE, { replaceEdited: ['budget'] });
  assert.equal(wrong.text, edited);
  assert.match(wrong.error ?? '', /no block "budget" to replace \(its blocks: title, goal, /);
});

test('an edit that makes a block match what the plan now generates is no conflict', () => {
  const created = renderBrief(FULL, TEMPLATE, {});
  const newPlan = planFrom(FULL_YAML.replace('lead: Dana ', 'lead: Kim  '));
  const byHand = created.replace('**Project lead:** Dana', '**Project lead:** Kim');
  const r = updateBrief(byHand, newPlan, TEMPLATE, {});
  assert.deepEqual(r.keptBlocks, []);
  assert.deepEqual(r.changedBlocks, ['team'], 'only the hash is brought up to date');
  assert.equal(r.text, renderBrief(newPlan, TEMPLATE, {}));
});

test('the hash in a marker is stable: the same plan gives the same text, run after run', () => {
  const a = renderBrief(FULL, TEMPLATE, { today: '2026-12-01' });
  assert.equal(renderBrief(planFrom(FULL_YAML), TEMPLATE, { today: '2026-12-01' }), a);
  assert.equal(contentHash(''), 'e3b0c44298fc1c14', 'SHA-256 of nothing');
  assert.equal(contentHash('a\r\nb\r\n'), contentHash('a\nb\n'));
  assert.equal(/<!-- mlproject:begin team hash=([0-9a-f]{16}) -->/.exec(a)?.[1], contentHash(block(a, 'team')));
  assert.deepEqual(updateBrief(a, FULL, TEMPLATE, { today: '2026-12-01' }).changedBlocks, []);
});

test('no churn: consecutive days give the same brief, and an update the next day changes nothing', () => {
  const plan = planFrom(FULL_YAML);
  const monday = renderBrief(plan, TEMPLATE, { today: '2026-12-07' });
  assert.equal(renderBrief(plan, TEMPLATE, { today: '2026-12-08' }), monday);
  const tuesday = updateBrief(monday, plan, TEMPLATE, { today: '2026-12-08' });
  assert.deepEqual([tuesday.changedBlocks, tuesday.text], [[], monday]);
  assert.match(block(monday, 'team'), /^- \*\*Runway:\*\* 2027-03-31$/m);
});

const OLD_TEAM = '- **Project lead:** Dana\n- **Team:** Dana (ml-engineer), Lee (business-owner)\n- **Runway:** 2027-03-31 (120 days left)\n';

test('a block without a hash that is generated text (the current rendering, the old countdown, an old prompt, nothing) is refreshed', () => {
  const current = renderBrief(FULL, TEMPLATE, {});
  const generatedTeam = block(current, 'team');
  assert.equal(provenanceOf('team', generatedTeam, undefined, generatedTeam), 'generated');
  assert.equal(provenanceOf('team', OLD_TEAM, undefined, generatedTeam), 'generated');
  assert.equal(provenanceOf('team', OLD_TEAM.replace('(120 days left)', '(passed 3 days ago)'), undefined, generatedTeam), 'generated');
  assert.equal(provenanceOf('goal', '_TODO:_ State the problem the model solves, for whom, and the business metric it should move (`goal.problem`, `goal.business_metric`).\n', undefined, 'P\n'), 'generated');
  assert.equal(provenanceOf('goal', '\n', undefined, 'P\n'), 'generated');
  const tplBody = '_TODO:_ Say why.\n';
  assert.equal(provenanceOf('goal', tplBody, undefined, 'P\n', tplBody), 'generated');

  const old = '<!-- mlproject:begin team -->\n' + OLD_TEAM + '<!-- mlproject:end team -->\n';
  const r = updateBrief(old, FULL, TEMPLATE, { today: '2026-12-01' });
  assert.deepEqual(r.keptBlocks, []);
  assert.equal(r.text, `<!-- mlproject:begin team hash=${contentHash(generatedTeam)} -->\n${generatedTeam}<!-- mlproject:end team -->\n`);
});

test('a block without a hash that is not generated text has unknown provenance: kept and listed as such', () => {
  const generatedGoal = block(renderBrief(FULL, TEMPLATE, {}), 'goal');
  const own = 'Our own words about the problem.\n';
  assert.equal(provenanceOf('goal', own, undefined, generatedGoal), 'unknown');
  assert.equal(provenanceOf('goal', own, contentHash(generatedGoal), generatedGoal), 'edited');
  assert.equal(provenanceOf('goal', own, contentHash(own), generatedGoal), 'generated', 'the hash matches: generated earlier, from another plan');
  const old = '## Problem\n<!-- mlproject:begin goal -->\n' + own + '<!-- mlproject:end goal -->\n';
  const r = updateBrief(old, FULL, TEMPLATE, {});
  assert.equal(r.text, old);
  assert.deepEqual(r.keptBlocks, [{ id: 'goal', line: 2, provenance: 'unknown' }]);
  assert.match(updateBrief(old, FULL, TEMPLATE, { replaceEdited: ['goal'] }).text, /hash=[0-9a-f]{16} -->\nTag each uploaded song/);
});
