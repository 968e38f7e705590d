// Every quick fix clears its diagnostic: for each code whose diagnostics carry fixes (and each command fix, through
// the core edit its command applies), apply the edits to the text, check again, and the diagnostic is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkPlanText } from '../../../src/core/check';
import { applyEdits } from '../../../src/core/edit/applyEdits';
import { citeAction, missingRanking, rankCandidateAction, rankingValues, titlesByCloseness } from '../../../src/core/edit/candidateFixes';
import { fixEdits } from '../../../src/core/edit/fixEdits';
import { addLiterature } from '../../../src/core/edit/sequence';
import type { Diagnostic, TextEdit } from '../../../src/core/types';
import { NodeFs } from '../../../src/core/workspace/nodeFs';
import { MemoryFs } from '../../../src/core/workspace/memoryFs';
import type { WorkspaceFs } from '../../../src/core/workspace/workspaceFs';
import { TODAY, withCode, yaml } from '../helpers/plans';

const EXAMPLES = path.join(__dirname, '../../../examples');
const example = (name: string) => ({ text: readFileSync(path.join(EXAMPLES, name, '.mlproject.yaml'), 'utf8'), fs: new NodeFs(path.join(EXAMPLES, name)) });
const diagnose = async (text: string, fs: WorkspaceFs) => (await checkPlanText(text, { fs, today: TODAY })).diagnostics;

/**
 * Applies `edits` and checks that `d` is gone: no diagnostic with its message, and fewer with its code (unless the
 * fix lets the rule see further: an evaluation command, once set, shows which scripts it leaves unused).
 */
async function clears(text: string, fs: WorkspaceFs, d: Diagnostic, edits: TextEdit[], what: string, fewer = true): Promise<string> {
  assert.ok(edits.length > 0, `${what}: no edits`);
  const before = withCode(await diagnose(text, fs), d.code).length;
  const after = applyEdits(text, edits);
  const left = withCode(await diagnose(after, fs), d.code);
  assert.ok(!left.some((l) => l.message === d.message), `${what}: "${d.message}" is still reported after\n${after}`);
  assert.ok(fewer ? left.length < before : left.length <= before, `${what}: ${left.map((l) => l.message).join(' | ')}`);
  return after;
}

/** Every fix of every diagnostic of `code` clears it. Returns how many fixes were applied. */
async function everyFixClears(text: string, fs: WorkspaceFs, code: string, fewer = true): Promise<number> {
  let applied = 0;
  for (const d of withCode(await diagnose(text, fs), code)) {
    for (const fix of d.fixes ?? []) {
      await clears(text, fs, d, fixEdits(text, fix.action), `${code}: ${fix.title}`, fewer);
      applied++;
    }
  }
  return applied;
}

// The codes whose diagnostics carry FixActions, with a plan that raises each.
const DATA_FIXES: { code: string; plan: () => { text: string; fs: WorkspaceFs }; fewer?: boolean }[] = [
  { code: 'schema', plan: () => ({ text: yaml('version: 1', 'projct:', '  name: Demo', 'checklist:', '  discover: { business-understanding: inprogress }'), fs: new MemoryFs({}) }) },
  { code: 'no-project-lead', plan: () => ({ text: yaml('version: 1', 'project:', '  name: Demo', '  team:', '    - { name: Sam, role: ml-engineer }', '    - { name: Ana, role: project-lead }'), fs: new MemoryFs({}) }) },
  { code: 'unknown-step', plan: () => example('in-trouble') },
  { code: 'unknown-reference', plan: () => ({ text: yaml('version: 1', 'project: { name: Demo }', 'literature:', '  - { title: TabTransformer paper, takeaway: attention on columns }', 'candidates:', '  - { id: base, name: Majority, baseline: true }', '  - { id: tab, name: Transformer, source: TabTransformr paper }', 'decision:', '  chosen: bse'), fs: new MemoryFs({}) }) },
  { code: 'missing-evidence', plan: () => example('in-trouble') },
  { code: 'step-ready', plan: () => example('genre-tagger') },
  { code: 'metric-misalignment', plan: () => example('in-trouble') },
  { code: 'manual-evaluation', plan: () => example('in-trouble'), fewer: false },
];

for (const { code, plan, fewer } of DATA_FIXES) {
  test(`${code}: applying each of its quick fixes removes the diagnostic`, async () => {
    const { text, fs } = plan();
    const applied = await everyFixClears(text, fs, code, fewer);
    assert.ok(applied > 0, `no ${code} diagnostic with a fix in the plan`);
  });
}

test('the table covers every code whose diagnostics carry fixes in these plans and the examples', async () => {
  const plans = [...DATA_FIXES.map((c) => c.plan()), example('in-trouble'), example('genre-tagger')];
  const codes = new Set<string>();
  for (const { text, fs } of plans) for (const d of await diagnose(text, fs)) if (d.fixes?.length) codes.add(d.code);
  assert.deepEqual([...codes].sort(), DATA_FIXES.map((c) => c.code).sort());
});

const RANK_PLAN = (candidate: string, crlf = false) => {
  const text = yaml('version: 1', 'project: { name: Demo, lead: Ana }', 'checklist:', '  develop: { brainstorming: in-progress }', 'candidates:', '  - { id: base, name: Majority, baseline: true }', ...candidate.split('\n'));
  return crlf ? text.replace(/\n/g, '\r\n') : text;
};

for (const [label, candidate, crlf] of [
  ['a flow mapping, both keys missing', '  - { id: cnn, name: CNN }', false],
  ['a block mapping, both keys missing', '  - id: cnn\n    name: CNN\n    notes: first try', false],
  ['a block mapping with CRLF, cost missing', '  - id: cnn\n    name: CNN\n    expected_gain: high', true],
  ['a flow mapping, expected_gain missing', '  - { id: cnn, name: CNN, cost: low }', false],
] as const) {
  test(`too-incremental (command fix): filling in the missing ranking of ${label} clears it, in the file's style`, async () => {
    const text = RANK_PLAN(candidate, crlf);
    const fs = new MemoryFs({});
    const d = withCode(await diagnose(text, fs), 'too-incremental').find((x) => x.message.startsWith('Candidate "cnn"'));
    assert.ok(d, 'no too-incremental diagnostic for cnn');
    const result = await checkPlanText(text, { fs, today: TODAY });
    const missing = missingRanking(result.parsed.plan.candidates?.[1]);
    const choice = Object.fromEntries(missing.map((k) => [k, rankingValues(k)[1]]));
    const edits = fixEdits(text, rankCandidateAction(1, choice));
    assert.equal(edits.length, 1, 'one minimal edit');
    assert.equal(edits[0].end - edits[0].start, 0, 'an insertion: no byte of the original is replaced');
    const after = await clears(text, fs, d, edits, label);
    if (crlf) assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
    if (candidate.includes('{')) assert.match(after, /- \{ id: cnn, name: CNN, (expected_gain: medium, )?cost: (medium|low)(, expected_gain: medium)? \}|expected_gain: medium, cost: low/);
    else assert.match(after, crlf ? /\r\n {4}cost: medium\r\n/ : /\n {4}expected_gain: medium\n {4}cost: medium\n {4}notes: first try\n/);
  });
}

test('the ranking values come from the schema: low, medium, high', () => {
  assert.deepEqual(rankingValues('expected_gain'), ['low', 'medium', 'high']);
  assert.deepEqual(rankingValues('cost'), ['low', 'medium', 'high']);
});

const CITE_PLAN = yaml('version: 1', 'project: { name: Demo }', 'literature:', '  - title: Deep Sets', '    takeaway: pooling', '  - title: TabNet', '    takeaway: attention masks',
  'candidates:', '  - { id: base, name: Majority, baseline: true }', '  - { id: tab, name: Transformer, source: "TabTransformer paper" }');

test('unknown-reference (command fix): adding a literature entry with the cited title clears it', async () => {
  const fs = new MemoryFs({});
  const [d] = withCode(await diagnose(CITE_PLAN, fs), 'unknown-reference');
  assert.ok(d);
  const after = await clears(CITE_PLAN, fs, d, addLiterature(CITE_PLAN, { title: 'TabTransformer paper', takeaway: 'embeddings per column' }), 'add literature');
  assert.match(after, /\n {2}- title: TabTransformer paper\n {4}takeaway: embeddings per column\n/);
});

test('unknown-reference (command fix): citing an existing title replaces only the cited value', async () => {
  const fs = new MemoryFs({});
  const [d] = withCode(await diagnose(CITE_PLAN, fs), 'unknown-reference');
  const [closest] = titlesByCloseness('TabTransformer paper', ['Deep Sets', 'TabNet']);
  assert.equal(closest, 'TabNet');
  const edits = fixEdits(CITE_PLAN, citeAction(1, closest));
  assert.equal(CITE_PLAN.slice(edits[0].start, edits[0].end), '"TabTransformer paper"');
  const after = await clears(CITE_PLAN, fs, d, edits, 'cite existing');
  assert.equal(after, CITE_PLAN.replace('"TabTransformer paper"', '"TabNet"'));
});

test('titlesByCloseness: closest first, ties in the plan\'s order, each title once', () => {
  assert.deepEqual(titlesByCloseness('resnet', ['BERT', 'ResNet-50', 'ResNet', 'BERT']), ['ResNet', 'ResNet-50', 'BERT']);
});
