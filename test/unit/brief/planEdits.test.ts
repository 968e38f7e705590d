import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { PlanEditError, setDecision, setProjectBrief } from '../../../src/core/brief/planEdits';
import { applyEdits } from '../../../src/core/edit/applyEdits';

const brief = (text: string, p = 'docs/brief.md'): string => applyEdits(text, setProjectBrief(text, p));
const decide = (text: string, d: Parameters<typeof setDecision>[1]): string => applyEdits(text, setDecision(text, d));

const PLAN = `version: 1   # schema version
# the project
project:
  name: 'Genre tagger'
  lead: Dana                 # the project lead
  team:
    - { name: Dana, role: ml-engineer }
  runway: 2027-03-31
candidates:
  - { id: cnn, expected_gain: high, cost: medium }   # favourite
  - { id: ast, expected_gain: high, cost: high }
# evaluation comes last
evaluation:
  command: python3 eval.py
`;

test('project.brief is inserted as one line after the lead', () => {
  assert.equal(brief(PLAN), PLAN.replace('# the project lead\n', '# the project lead\n  brief: docs/brief.md\n'));
});

test('an existing project.brief: only the scalar changes, quoting and comment kept', () => {
  const text = PLAN.replace('  team:', '  brief: "old.md"   # keep me\n  team:');
  assert.equal(brief(text, 'docs/new brief.md'), text.replace('"old.md"', '"docs/new brief.md"'));
  assert.deepEqual(setProjectBrief(text.replace('"old.md"', 'docs/brief.md'), 'docs/brief.md'), []);
  const single = "project:\n  brief: 'a.md'\n";
  assert.equal(brief(single, "it's.md"), "project:\n  brief: 'it''s.md'\n");
  const empty = 'project:\n  brief:\n  lead: X\n';
  assert.equal(brief(empty), 'project:\n  brief: docs/brief.md\n  lead: X\n');
});

test('CRLF files get CRLF lines and stay byte for byte elsewhere', () => {
  const crlf = PLAN.replace(/\n/g, '\r\n');
  assert.equal(brief(crlf), crlf.replace('# the project lead\r\n', '# the project lead\r\n  brief: docs/brief.md\r\n'));
});

test('flow, null and missing project mappings', () => {
  assert.equal(brief('version: 1\nproject: { name: X }\n'), 'version: 1\nproject: { name: X, brief: docs/brief.md }\n');
  assert.equal(brief('project: {}\n'), 'project: { brief: docs/brief.md }\n');
  assert.equal(brief('version: 1\nproject:   # later\ngoal: {}\n'), 'version: 1\nproject:   # later\n  brief: docs/brief.md\ngoal: {}\n');
  assert.equal(brief('version: 1  # v\ngoal:\n    problem: p\n'), 'version: 1  # v\nproject:\n    brief: docs/brief.md\ngoal:\n    problem: p\n');
  // a new block goes where the schema puts it: project before goal
  assert.equal(brief('goal: { problem: p }'), 'project:\n  brief: docs/brief.md\ngoal: { problem: p }');
  assert.equal(brief(''), 'project:\n  brief: docs/brief.md\n');
  assert.equal(brief('# only a comment\n'), '# only a comment\nproject:\n  brief: docs/brief.md\n');
});

test('paths that need quoting are quoted', () => {
  assert.equal(brief('project: { name: X }\n', 'a, b.md'), 'project: { name: X, brief: "a, b.md" }\n');
  assert.equal(brief('project:\n  name: X\n', 'notes: v2.md'), 'project:\n  name: X\n  brief: "notes: v2.md"\n');
  assert.equal(brief('project:\n  name: X\n', 'true'), 'project:\n  name: X\n  brief: "true"\n');
});

test('broken YAML or a project that is not a mapping is refused', () => {
  assert.throws(() => setProjectBrief('project: [\n', 'x.md'), (e) => e instanceof PlanEditError && /syntax errors/.test((e as Error).message));
  assert.throws(() => setProjectBrief('project: 3\n', 'x.md'), /`project` in .mlproject.yaml is not a mapping/);
  assert.throws(() => setProjectBrief('- a\n', 'x.md'), /not a mapping of keys to values/);
});

const DECISION = { chosen: 'cnn', date: '2026-12-01', rationale: 'best gain per cost; AST kept as plan B', attendees: ['Dana', 'Lee'], record: 'docs/decisions/2026-12-01-model.md' };

test('a new decision block goes after the candidates', () => {
  assert.equal(
    decide(PLAN, DECISION),
    PLAN.replace('expected_gain: high, cost: high }\n', [
      'expected_gain: high, cost: high }',
      'decision:',
      '  chosen: cnn',
      '  date: 2026-12-01',
      '  rationale: best gain per cost; AST kept as plan B',
      '  attendees: [ Dana, Lee ]',
      '  record: docs/decisions/2026-12-01-model.md',
      '',
    ].join('\n')),
  );
});

test('an existing block decision: values replaced in place, missing keys added in schema order, comments kept', () => {
  const text = PLAN.replace('# evaluation comes last\n', [
    'decision:',
    '  chosen: ast   # first idea',
    '  # why',
    '  rationale: >-',
    '    long folded',
    '    text',
    '  attendees:',
    '    - Old',
    '    - Names   # trailing',
    '# evaluation comes last',
    '',
  ].join('\n'));
  const out = decide(text, DECISION);
  assert.equal(out, text
    .replace('chosen: ast   # first idea', 'chosen: cnn   # first idea')
    .replace('>-\n    long folded\n    text', 'best gain per cost; AST kept as plan B')
    .replace('chosen: cnn   # first idea\n', 'chosen: cnn   # first idea\n  date: 2026-12-01\n')
    .replace('\n    - Old\n    - Names   # trailing', ' [ Dana, Lee ]   # trailing')
    .replace('[ Dana, Lee ]   # trailing\n', '[ Dana, Lee ]   # trailing\n  record: docs/decisions/2026-12-01-model.md\n'));
  assert.deepEqual(parse(out).decision, DECISION);
  assert.deepEqual(setDecision(out, DECISION), []);
});

test('a flow decision stays flow; multi-line rationale is one double-quoted line', () => {
  const text = 'candidates: []\ndecision: { chosen: ast, date: 2026-11-01 }   # old\nevaluation: {}\n';
  const out = decide(text, { chosen: 'cnn', rationale: 'line one\nline two, with comma', attendees: [] });
  assert.equal(out, 'candidates: []\ndecision: { chosen: cnn, date: 2026-11-01, rationale: "line one\\nline two, with comma", attendees: [] }   # old\nevaluation: {}\n');
  assert.equal(parse(out).decision.rationale, 'line one\nline two, with comma');
});

test('without candidates the decision goes after the last key the schema puts before it', () => {
  assert.equal(decide('version: 1\n', { chosen: 'x' }), 'version: 1\ndecision:\n  chosen: x\n');
  assert.equal(decide('version: 1\r\nliterature: []\r\ngoal: {}\r\n', { chosen: 'x' }), 'version: 1\r\nliterature: []\r\ngoal: {}\r\ndecision:\r\n  chosen: x\r\n');
  assert.deepEqual(setDecision('version: 1\n', {}), []);
});
