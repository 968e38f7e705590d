import { test } from 'node:test';
import assert from 'node:assert/strict';
import { updateBrief } from '../../../src/core/brief/update';
import { renderBrief } from '../../../src/core/brief/generate';
import { findMarkers } from '../../../src/core/brief/markers';
import { contentHash } from '../../../src/core/brief/provenance';
import { FULL_YAML, TEMPLATE, planFrom } from './fixtures';

const GOAL = 'Tag songs.\n\n**Business metric:** browse share\n';
const TEAM = '- **Project lead:** Dana\n- **Team:** Lee (business-owner)\n';

const PLAN = planFrom('project: { lead: Dana, team: [{ name: Lee, role: business-owner }] }\ngoal: { problem: Tag songs., business_metric: browse share }');

const BRIEF = [
  '# My brief  ',
  '',
  'Intro written by hand.\t',
  '',
  '## Problem',
  '<!-- mlproject:begin goal -->',
  'stale text',
  '<!-- mlproject:end goal -->',
  'Human notes between blocks, with trailing spaces   ',
  '',
  '## Team and runway',
  '  <!-- mlproject:begin team -->  ',
  '<!-- mlproject:end team -->',
  '',
  '```md',
  '<!-- mlproject:begin goal -->',
  'an example in a code block is not a marker',
  '```',
  'end without newline',
].join('\n');

const EXPECTED = [
  '# My brief  ',
  '',
  'Intro written by hand.\t',
  '',
  '## Problem',
  `<!-- mlproject:begin goal hash=${contentHash(GOAL)} -->`,
  'Tag songs.',
  '',
  '**Business metric:** browse share',
  '<!-- mlproject:end goal -->',
  'Human notes between blocks, with trailing spaces   ',
  '',
  '## Team and runway',
  `  <!-- mlproject:begin team hash=${contentHash(TEAM)} -->  `,
  '- **Project lead:** Dana',
  '- **Team:** Lee (business-owner)',
  '<!-- mlproject:end team -->',
  '',
  '```md',
  '<!-- mlproject:begin goal -->',
  'an example in a code block is not a marker',
  '```',
  'end without newline',
].join('\n');

test('only the marked blocks change; every other byte stays; begin markers record the hash of what was generated', () => {
  // "stale text" has no hash and is not generated text: it is replaced only because it is asked
  const r = updateBrief(BRIEF, PLAN, TEMPLATE, { replaceEdited: ['goal'] });
  assert.equal(r.error, undefined);
  assert.equal(r.text, EXPECTED);
  assert.deepEqual(r.changedBlocks, ['goal', 'team']);
  assert.deepEqual(r.replacedBlocks, ['goal']);
  assert.deepEqual(r.keptBlocks, []);
});

test('CRLF and a BOM are kept, generated lines use CRLF (the hash counts line breaks as LF)', () => {
  const crlf = '\uFEFF' + BRIEF.replace(/\n/g, '\r\n');
  const r = updateBrief(crlf, PLAN, TEMPLATE, { replaceEdited: true });
  assert.equal(r.text, '\uFEFF' + EXPECTED.replace(/\n/g, '\r\n'));
  assert.deepEqual(updateBrief(r.text, PLAN, TEMPLATE).changedBlocks, []);
  assert.deepEqual(updateBrief(EXPECTED.replace(/\n/g, '\r\n'), PLAN, TEMPLATE).keptBlocks, [], 'a checkout with CRLF is no edit');
});

test('mixed line endings: each block follows its begin marker, the rest is untouched', () => {
  const mixed = 'a\r\n<!-- mlproject:begin goal -->\r\nold\n<!-- mlproject:end goal -->\nb\n<!-- mlproject:begin team -->\n<!-- mlproject:end team -->\r\n';
  const r = updateBrief(mixed, PLAN, TEMPLATE, { replaceEdited: true });
  assert.equal(
    r.text,
    `a\r\n<!-- mlproject:begin goal hash=${contentHash(GOAL)} -->\r\nTag songs.\r\n\r\n**Business metric:** browse share\r\n<!-- mlproject:end goal -->\nb\n<!-- mlproject:begin team hash=${contentHash(TEAM)} -->\n- **Project lead:** Dana\n- **Team:** Lee (business-owner)\n<!-- mlproject:end team -->\r\n`,
  );
});

test('a second update changes nothing', () => {
  const once = updateBrief(BRIEF, PLAN, TEMPLATE, { replaceEdited: true });
  const twice = updateBrief(once.text, PLAN, TEMPLATE);
  assert.equal(twice.text, once.text);
  assert.deepEqual(twice.changedBlocks, []);
});

test('update of a generated brief with human text added keeps that text and refreshes from the new plan', () => {
  const created = renderBrief(planFrom(FULL_YAML), TEMPLATE, { today: '2026-12-01' });
  const edited = created.replace('## Risks\n', '## Risks\n\nThe label vendor may be late.\n');
  const newPlan = planFrom(FULL_YAML.replace('labels skew towards rock', 'labels skew towards pop'));
  const r = updateBrief(edited, newPlan, TEMPLATE, { today: '2026-12-01' });
  assert.deepEqual(r.changedBlocks, ['data', 'risks']);
  assert.deepEqual(r.keptBlocks, []);
  assert.equal(r.text, renderBrief(newPlan, TEMPLATE, { today: '2026-12-01' }).replace('## Risks\n', '## Risks\n\nThe label vendor may be late.\n'));
});

test('an emptied plan empties the generated blocks; the prompts outside them stay', () => {
  const created = renderBrief(planFrom(FULL_YAML), TEMPLATE, { today: '2026-12-01' });
  const withPrompt = created.replace('<!-- mlproject:end goal -->\n', '<!-- mlproject:end goal -->\n\n_TODO:_ say more.\n');
  const r = updateBrief(withPrompt, {}, TEMPLATE);
  assert.deepEqual(r.keptBlocks, []);
  assert.match(r.text, new RegExp(`<!-- mlproject:begin goal hash=${contentHash('')} -->\n<!-- mlproject:end goal -->\n\n_TODO:_ say more\\.\n`));
});

test('a brief without markers is never rewritten', () => {
  const plain = '# Brief\n\n## Problem\n\nWritten by hand.\n';
  const r = updateBrief(plain, PLAN, TEMPLATE);
  assert.equal(r.text, plain);
  assert.deepEqual(r.changedBlocks, []);
  assert.match(r.error ?? '', /has no mlproject markers .* never rewritten/);
});

const BROKEN: [string, string, RegExp][] = [
  ['begin without end', '<!-- mlproject:begin goal -->\nx\n', /line 1: block "goal" never ends/],
  ['end without begin', 'x\n<!-- mlproject:end goal -->\n', /line 2: end of block "goal" without a matching begin/],
  ['duplicated block', '<!-- mlproject:begin goal -->\n<!-- mlproject:end goal -->\n<!-- mlproject:begin goal -->\n<!-- mlproject:end goal -->\n', /line 3: block "goal" appears twice \(first at line 1\)/],
  ['nested blocks', '<!-- mlproject:begin goal -->\n<!-- mlproject:begin team -->\n<!-- mlproject:end team -->\n<!-- mlproject:end goal -->\n', /line 2: block "team" begins inside block "goal"/],
  ['mismatched end', '<!-- mlproject:begin goal -->\n<!-- mlproject:end team -->\n', /line 2: end of block "team" while block "goal" \(line 1\) is open/],
  ['malformed marker', '<!-- mlproject:begin -->\n', /line 1: malformed marker/],
  ['begin on the last line', 'x\n<!-- mlproject:begin goal -->', /line 2: block "goal" begins on the last line/],
  ['unknown id', '<!-- mlproject:begin budget -->\n<!-- mlproject:end budget -->\n', /unknown block id "budget"/],
];

for (const [name, text, message] of BROKEN) {
  test(`broken markers (${name}): a clear error and no change`, () => {
    const r = updateBrief(text, PLAN, TEMPLATE);
    assert.equal(r.text, text);
    assert.deepEqual(r.changedBlocks, []);
    assert.match(r.error ?? '', message);
  });
}

test('marker scanning reports where generated content starts and ends', () => {
  const scan = findMarkers('x\n<!-- mlproject:begin goal -->\nold\n  <!-- mlproject:end goal -->\n');
  assert.equal(scan.error, undefined);
  assert.deepEqual(scan.blocks, [{ id: 'goal', beginLine: 1, endLine: 3, contentStart: 32, contentEnd: 36, eol: '\n', markerStart: 2, markerEnd: 31 }]);
  const hashed = findMarkers('\uFEFF <!-- mlproject:begin goal hash=0123456789abcdef -->\n<!-- mlproject:end goal -->\n').blocks[0];
  assert.deepEqual([hashed.hash, hashed.markerStart, hashed.markerEnd], ['0123456789abcdef', 2, 53]);
});

test('a hash on an end marker, or one that is not 16 hex digits, is a broken marker', () => {
  assert.match(findMarkers('<!-- mlproject:begin goal -->\n<!-- mlproject:end goal hash=0123456789abcdef -->\n').error ?? '', /line 2: the end marker of block "goal" has a hash/);
  assert.match(findMarkers('<!-- mlproject:begin goal hash=xyz -->\n<!-- mlproject:end goal -->\n').error ?? '', /line 1: malformed marker/);
});

test('property: any human text around the blocks survives an update byte for byte', async () => {
  const fc = await import('fast-check');
  const human = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r\n', '#', '|', '-', 'é', '\u00a0', '<', '!', '>'), maxLength: 30 })
    .filter((s) => !/^\s*<!--/m.test(s) && !s.endsWith('\r'));
  const ids = ['goal', 'team', 'data'];
  fc.assert(
    fc.property(fc.array(human, { minLength: 4, maxLength: 4 }), fc.array(fc.string({ maxLength: 20 }), { minLength: 3, maxLength: 3 }), fc.constantFrom('\n', '\r\n'), (texts, olds, eol) => {
      const sep = (s: string): string => (s === '' || s.endsWith('\n') ? s : s + eol);
      let doc = sep(texts[0]);
      ids.forEach((id, i) => {
        doc += `<!-- mlproject:begin ${id} -->${eol}${olds[i].replace(/<!--/g, '').replace(/\r?\n/g, ' ')}${eol}<!-- mlproject:end ${id} -->${eol}`;
        doc += sep(texts[i + 1]);
      });
      const r = updateBrief(doc, PLAN, TEMPLATE, { replaceEdited: true });
      assert.equal(r.error, undefined);
      const outside = (s: string): string => s.replace(/(<!-- mlproject:begin (\w+))(?: hash=\w+)?( -->\r?\n)[\s\S]*?(<!-- mlproject:end \2 -->)/g, '$1$3$4');
      assert.equal(outside(r.text), outside(doc));
    }),
    { numRuns: 200 },
  );
});
