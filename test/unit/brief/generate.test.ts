import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBrief } from '../../../src/core/brief/generate';
import { briefStatus } from '../../../src/core/brief/completeness';
import { BriefTemplateError, parseTemplate } from '../../../src/core/brief/template';
import { findMarkers } from '../../../src/core/brief/markers';
import { BLOCK_GENERATORS } from '../../../src/core/brief/blocks';
import type { ProjectPlan } from '../../../src/core/model';
import type { RunSummary } from '../../../src/core/brief/runs';
import { FULL_YAML, TEMPLATE, planFrom } from './fixtures';

const RUNS: RunSummary[] = [
  { candidate: 'logreg', status: 'ok', metrics: { macro_f1: 0.6123456 }, end: '2026-11-02T10:00:00Z' },
  { candidate: 'logreg', status: 'failed', metrics: {}, end: '2026-11-03T10:00:00Z' },
  { candidate: 'cnn', status: 'ok', metrics: { macro_f1: 0.7 }, end: '2026-11-01T10:00:00Z' },
  { candidate: 'cnn', status: 'ok', metrics: { macro_f1: 0.75 }, end: '2026-11-04T10:00:00Z' },
];

function block(text: string, id: string): string {
  const b = findMarkers(text).blocks.find((x) => x.id === id);
  assert.ok(b, `block ${id}`);
  return text.slice(b.contentStart, b.contentEnd);
}

test('the shipped template has 8 required sections, each with a prompt', () => {
  const t = parseTemplate(TEMPLATE);
  assert.deepEqual(t.sections.map((s) => s.heading), [
    'Problem', 'Success criteria', 'Data', 'Baseline and candidates', 'Literature', 'Risks', 'Reality check', 'Team and runway',
  ]);
  assert.deepEqual(t.sections.map((s) => s.id).slice(-1), ['team-and-runway']);
  for (const s of t.sections) assert.ok(s.prompt && s.prompt.length > 20, s.id);
});

test('a full plan fills every block and every section', () => {
  const out = renderBrief(planFrom(FULL_YAML), TEMPLATE, { today: '2026-12-01', runs: RUNS });
  assert.equal(block(out, 'title'), '# Genre tagger: project brief\n');
  assert.equal(
    block(out, 'goal'),
    'Tag each uploaded song with its genre so listeners can browse by genre.\n\n**Business metric:** share of sessions that use genre browsing\n',
  );
  assert.equal(
    block(out, 'success-criteria'),
    '| Metric | Target | Direction | Why this target |\n| --- | --- | --- | --- |\n| macro_f1 | 0.8 | maximize | focus group \\| found tags useful above 0.8 |\n\n',
  );
  assert.match(block(out, 'data'), /^40k songs with editor-assigned genres\.\n\n\*\*Sources:\*\*\n\n- \*\*catalogue\*\* \(`data\/catalogue\.csv`\): editor tags\n/);
  assert.match(block(out, 'data'), /\*\*Known issues:\*\*\n\n- labels skew towards rock\n\n\*\*Evaluation dataset:\*\* `data\/test\.csv`\n$/);
  assert.equal(block(out, 'baseline'), '**Baseline:** **Logistic regression on MFCC means** (`logreg`)\n\nLatest run (2026-11-02): macro_f1 0.6123.\n');
  assert.equal(
    block(out, 'candidates'),
    [
      '| Candidate | Expected gain | Cost | Risk | Rank (gain per cost) | macro_f1 |',
      '| --- | --- | --- | --- | --- | --- |',
      '| **CNN on mel-spectrograms** (`cnn`) | high | medium | low | 1 | 0.75 |',
      '| **Audio spectrogram transformer** (`ast`) | high | high | high | 2 | — |',
      '', '',
    ].join('\n'),
  );
  assert.equal(block(out, 'literature'), '- [Musical genre classification of audio signals](https://example.org/gtzan): MFCC+GMM reaches 61%\n');
  assert.equal(block(out, 'risks'), '- Data: labels skew towards rock\n- Candidate **Audio spectrogram transformer** (`ast`) is high risk.\n');
  assert.equal(block(out, 'reality-check'), '- **demo** (2027-01-10): plan: show tags to editors; outcome: not yet\n');
  assert.equal(block(out, 'team'), '- **Project lead:** Dana\n- **Team:** Dana (ml-engineer), Lee (business-owner)\n- **Runway:** 2027-03-31\n');
  const status = briefStatus(out, 'docs/brief.md', TEMPLATE);
  assert.equal(status.filledCount, 8);
  assert.deepEqual(status.diagnostics, []);
});

const strip = (s: string): string => s.replace(/(<!-- mlproject:begin (\S+))(?: hash=[0-9a-f]{16})?( -->\n)[\s\S]*?(<!-- mlproject:end \2 -->)/g, '$1$3$4');

test('text outside the template markers is copied, but for the prompts of the sections the plan fills and the front end\'s names', () => {
  const out = renderBrief(planFrom(FULL_YAML), TEMPLATE, { today: '2026-12-01' });
  const prompts = (s: string): string => s.replace(/\n\n_TODO:_ [^\n]*/g, '');
  assert.equal(strip(out), strip(prompts(TEMPLATE).replace('{{action:createBrief}}', '"Create Project Brief"').replace('{{action:updateBrief}}', '"Update Project Brief"')));
  const cli = renderBrief({}, TEMPLATE, { frontEnd: { action: (id) => `<${id}>` } });
  assert.match(cli, /Written by <createBrief> from \.mlproject\.yaml\.\n.*refreshed by\n {2}<updateBrief>\. Write/);
  assert.doesNotMatch(cli, /\{\{action:/);
});

test('an empty plan keeps the prompts, and completeness sees every section as empty', () => {
  const out = renderBrief({}, TEMPLATE, { today: '2026-12-01' });
  const named = TEMPLATE.replace('{{action:createBrief}}', '"Create Project Brief"').replace('{{action:updateBrief}}', '"Update Project Brief"');
  assert.equal(strip(out), strip(named));
  assert.match(out, /<!-- mlproject:begin goal hash=e3b0c44298fc1c14 -->\n<!-- mlproject:end goal -->\n\n_TODO:_ State the problem/);
  assert.equal(renderBrief(planFrom(''), TEMPLATE, {}), out);
  const status = briefStatus(out, 'docs/brief.md', TEMPLATE);
  assert.equal(status.filledCount, 0);
  assert.equal(status.diagnostics.length, 8);
  assert.ok(status.diagnostics.every((d) => d.code === 'brief-section-empty'));
});

test('a past runway is listed as a risk; the runway itself is an absolute date', () => {
  const out = renderBrief(planFrom('project: { runway: 2026-11-29 }'), TEMPLATE, { today: '2026-12-01' });
  assert.match(block(out, 'team'), /\*\*Runway:\*\* 2026-11-29\n/);
  assert.equal(block(out, 'risks'), '- The runway (2026-11-29) has passed.\n');
  assert.match(block(out, 'team'), /^- \*\*Project lead:\*\* _TODO:_/);
});

test('values cannot break the structure: newlines, pipes, marker text, block syntax, unsafe links', () => {
  const plan = planFrom(`
goal:
  problem: "# not a heading\\n<!-- mlproject:end goal -->"
  success_criteria:
    - { metric: "a|b", why: "line one\\nline two \\\\ back" }
literature:
  - { title: "[x](javascript:alert(1))", url: "javascript:alert(1)", takeaway: t }
  - { title: Local notes, url: "notes/paper 1 (draft).md" }
`);
  const out = renderBrief(plan, TEMPLATE, {});
  assert.equal(findMarkers(out).error, undefined);
  assert.equal(findMarkers(out).blocks.length, findMarkers(TEMPLATE).blocks.length);
  assert.match(block(out, 'goal'), /^\\# not a heading &lt;!-- mlproject:end goal -->\n/);
  assert.ok(block(out, 'success-criteria').includes(String.raw`| a\|b | — | — | line one line two \\ back |`));
  assert.equal(
    block(out, 'literature'),
    '- **\\[x\\](javascript:alert(1))**: t\n- [Local notes](notes/paper%201%20%28draft%29.md): _no takeaway recorded yet_\n',
  );
});

test('a custom template: its own headings, blocks filled by id, prompts from its blocks, CRLF kept', () => {
  const hashed = (t: string): string => t.replace(/(<!-- mlproject:begin \S+) -->/g, (m, head: string) => m.includes('hash=') ? m : `${head} hash=# -->`);
  const noHash = (t: string): string => t.replace(/ hash=[0-9a-f]{16}/g, ' hash=#');
  const tpl = '# Brief\r\n\r\n## Why\r\n\r\n<!-- mlproject:begin goal -->\r\n_TODO:_ Say why.\r\n<!-- mlproject:end goal -->\r\n\r\n## Who\r\n\r\n<!-- mlproject:begin team -->\r\n<!-- mlproject:end team -->\r\n';
  const t = parseTemplate(tpl);
  assert.deepEqual(t.sections.map((s) => [s.id, s.heading, s.prompt, s.blockIds]), [
    ['why', 'Why', 'Say why.', ['goal']],
    ['who', 'Who', undefined, ['team']],
  ]);
  const empty = renderBrief({}, tpl, {});
  assert.equal(noHash(empty), hashed(tpl), 'the prompt inside the goal block stays; the team block stays empty');
  const full = renderBrief(planFrom('project: { lead: Dana }\ngoal: { problem: P }'), tpl, {});
  assert.equal(
    noHash(full),
    '# Brief\r\n\r\n## Why\r\n\r\n<!-- mlproject:begin goal hash=# -->\r\nP\r\n\r\n_TODO:_ Name the business metric the model should move (`goal.business_metric`).\r\n<!-- mlproject:end goal -->\r\n\r\n## Who\r\n\r\n<!-- mlproject:begin team hash=# -->\r\n- **Project lead:** Dana\r\n<!-- mlproject:end team -->\r\n',
  );
});

test('a template with an unknown block id or broken markers is a clear error', () => {
  assert.throws(
    () => renderBrief({}, '## A\n\n<!-- mlproject:begin budget -->\n<!-- mlproject:end budget -->\n', {}),
    (e: unknown) => e instanceof BriefTemplateError && /line 3: unknown block id "budget"; known ids are title, goal/.test((e as Error).message),
  );
  assert.throws(() => renderBrief({}, '## A\n<!-- mlproject:begin goal -->\n', {}), /block "goal" never ends/);
});

test('each block is generated once: the plan is read as often as by one call of each block\'s generator', () => {
  // Counts the reads of the plan's top-level keys; every generator reads the plan, nothing else in renderBrief does.
  const reads = (use: (plan: ProjectPlan) => void): number => {
    let n = 0;
    use(new Proxy(planFrom(FULL_YAML), { get: (target, key, receiver) => (n++, Reflect.get(target, key, receiver)) }));
    return n;
  };
  const t = parseTemplate(TEMPLATE);
  const once = reads((plan) => {
    for (const b of t.blocks) BLOCK_GENERATORS[b.id]({ plan, today: '2026-12-01', runs: RUNS });
  });
  assert.ok(once > 0);
  assert.equal(reads((plan) => renderBrief(plan, t, { today: '2026-12-01', runs: RUNS })), once);
});

test('dropping a prompt keeps a code fence that follows it whole: the markers inside stay text, not a block', () => {
  // The prompt's paragraph ends at the fence: it used to run on to the blank line, taking the fence's opening line
  // with it, so the fenced markers became a block and the closing fence opened a new code block.
  const tpl = '## A\n\n_TODO:_ Say who.\n~~~\n\n<!-- mlproject:begin goal -->\n<!-- mlproject:end goal -->\n~~~\n\n<!-- mlproject:begin team -->\n<!-- mlproject:end team -->\n';
  assert.deepEqual(parseTemplate(tpl).blocks.map((b) => b.id), ['team']);
  const out = renderBrief(planFrom('project: { lead: Dana }\ngoal: { problem: P }'), tpl, {});
  assert.ok(out.startsWith('## A\n~~~\n\n<!-- mlproject:begin goal -->\n<!-- mlproject:end goal -->\n~~~\n\n'), out);
  assert.doesNotMatch(out, /Say who/);
  assert.deepEqual(findMarkers(out).blocks.map((b) => b.id), ['team']);
  assert.match(block(out, 'team'), /Dana/);
});
