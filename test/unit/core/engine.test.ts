// The rule engine: registry, rule info, configuration (off / re-level), the plan's `rules:` block vs options.config,
// and the checker that reuses workspace facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../../src/core/rules/registry';
import { allRuleInfo, ruleInfo } from '../../../src/core/rules/ruleInfo';
import { configure, mergeRuleConfig } from '../../../src/core/rules/engine';
import { createChecker } from '../../../src/core/check';
import { factsKey } from '../../../src/core/state/gatherFacts';
import { MemoryFs } from '../../../src/core/workspace/memoryFs';
import { FULL_BRIEF, HEALTHY_HEAD, check, none, only, yaml } from '../helpers/plans';

const WS = { 'brief.md': FULL_BRIEF };

test('the registry: 21 rules with unique codes, each with info, a why and a title', () => {
  const codes = RULES.map((r) => r.code);
  assert.equal(codes.length, 21);
  assert.equal(new Set(codes).size, 21);
  assert.deepEqual(RULES.filter((r) => r.category === 'pitfall').map((r) => [r.pitfall, r.code]), [
    [1, 'single-architecture'], [2, 'no-literature-review'], [3, 'too-incremental'], [4, 'metric-misalignment'], [5, 'manual-evaluation'],
  ]);
  for (const r of RULES) {
    assert.equal(ruleInfo(r.code)?.severity, r.severity);
    assert.ok(r.why.length > 40 && r.title.length > 3, r.code);
  }
  for (const code of ['yaml-syntax', 'schema', 'encoding', 'empty-file', 'yaml-alias', 'file-too-large']) assert.equal(ruleInfo(code)?.category, 'file');
  assert.equal(ruleInfo('no-such-rule'), undefined);
  assert.equal(new Set(allRuleInfo().map((i) => i.code)).size, allRuleInfo().length);
});

test('mergeRuleConfig: later configurations win', () => {
  assert.deepEqual(mergeRuleConfig({ runway: 'off', 'no-brief': 'info' }, undefined, { runway: 'error' }), { runway: 'error', 'no-brief': 'info' });
});

test('configure: off drops a diagnostic, a level replaces its severity, the why is filled in', () => {
  const d = { code: 'yaml-alias', severity: 'warning' as const, message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 } };
  assert.equal(configure(d, { 'yaml-alias': 'off' }), undefined);
  const relevelled = configure(d, { 'yaml-alias': 'hint' })!;
  assert.equal(relevelled.severity, 'hint');
  assert.match(relevelled.why!, /Aliases make one value appear/);
});

const NO_LEAD = yaml(...HEALTHY_HEAD.filter((l) => !l.includes('lead:')), '  # no lead');

test('options.config turns a rule off and re-levels another', async () => {
  only((await check(NO_LEAD, WS)).diagnostics, 'no-project-lead');
  none((await check(NO_LEAD, WS, { config: { 'no-project-lead': 'off' } })).diagnostics, 'no-project-lead');
  assert.equal(only((await check(NO_LEAD, WS, { config: { 'no-project-lead': 'error' } })).diagnostics, 'no-project-lead').severity, 'error');
});

test('the plan\'s rules: block applies, and options.config overrides it', async () => {
  const text = NO_LEAD + 'rules: { no-project-lead: hint, no-brief: off }\n';
  const r = await check(text, {});
  assert.equal(only(r.diagnostics, 'no-project-lead').severity, 'hint');
  none(r.diagnostics, 'no-brief');
  const overridden = await check(text, {}, { config: { 'no-project-lead': 'off', 'no-brief': 'warning' } });
  none(overridden.diagnostics, 'no-project-lead');
  assert.equal(only(overridden.diagnostics, 'no-brief').severity, 'warning');
});

test('configuration applies to parser diagnostics too', async () => {
  const text = yaml(...HEALTHY_HEAD, 'data: { description: &d songs }', 'literature: [ { title: *d, takeaway: x } ]');
  assert.equal(only((await check(text, WS)).diagnostics, 'yaml-alias').severity, 'warning');
  none((await check(text, WS, { config: { 'yaml-alias': 'off' } })).diagnostics, 'yaml-alias');
  assert.equal(only((await check(text + 'rules: { yaml-alias: error }\n', WS)).diagnostics, 'yaml-alias').severity, 'error');
});

test('re-levelling overrides a finding\'s own severity (a past runway)', async () => {
  const text = yaml(...HEALTHY_HEAD.slice(0, 5), '  runway: 2026-01-01', ...HEALTHY_HEAD.slice(5));
  assert.equal(only((await check(text, WS)).diagnostics, 'runway').severity, 'error');
  assert.equal(only((await check(text, WS, { config: { runway: 'info' } })).diagnostics, 'runway').severity, 'info');
});

test('an empty file or a too-large file runs no rules', async () => {
  const r = await check('# nothing here\n', {});
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['empty-file']);
});

test('diagnostics are sorted by position', async () => {
  const r = await check(yaml('version: 1', 'project:', '  name: Demo', 'checklist:', '  define: { basline: done }', 'candidates:', '  - { id: a, name: A }', '  - { id: a, name: B }'), {});
  const offsets = r.diagnostics.filter((d) => !d.file).map((d) => d.range.startOffset);
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
});

test('createChecker reuses workspace facts until invalidate()', async () => {
  const fs = new MemoryFs({});
  const checker = createChecker({ fs, today: '2026-11-26' });
  const text = yaml(...HEALTHY_HEAD);
  only((await checker.update(text)).diagnostics, 'no-brief');
  fs.write('brief.md', FULL_BRIEF);
  only((await checker.update(text + '# an edit\n')).diagnostics, 'no-brief'); // same referenced paths: facts reused
  checker.invalidate();
  none((await checker.update(text)).diagnostics, 'no-brief');
});

test('an alias bomb ("the plan was not read") runs no rules', async () => {
  const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
  for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]) levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  const r = await check(levels.join('\n') + '\n', {});
  assert.deepEqual(r.diagnostics.filter((d) => d.code !== 'yaml-alias').map((d) => d.code), ['yaml-syntax']);
});

test('factsKey changes with every path the facts read, and only with those', () => {
  const base = { project: { brief: 'docs/brief.md' }, evaluation: { command: 'python eval.py', history: 'runs.jsonl' } } as const;
  const key = factsKey(base);
  assert.equal(factsKey({ ...base, goal: { problem: 'another' } }), key);
  assert.equal(factsKey({ ...base, checklist: { discover: { 'project-brief': { status: 'done' } } } }), key);
  assert.notEqual(factsKey({ ...base, checklist: { discover: { 'project-brief': { status: 'done', evidence: 'x.md' } } } }), key);
  assert.notEqual(factsKey({ ...base, evaluation: { ...base.evaluation, history: 'other.jsonl' } }), key);
  assert.notEqual(factsKey({ ...base, evaluation: { ...base.evaluation, command: 'python score.py' } }), key);
  assert.notEqual(factsKey({ ...base, decision: { record: 'docs/decision.md' } }), key);
  assert.notEqual(factsKey({ ...base, data: { sources: [{ path: 'data/a.csv' }] } }), key);
});
