// The code links of diagnostics land on the rule's section: ruleDocSections finds, for every code, its heading's
// line and the anchor the rendered page gives that heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { join } from 'path';
import { headingAnchor, ruleDocSections } from '../../../src/core/rules/ruleDocs';
import { allRuleInfo } from '../../../src/core/rules/ruleInfo';

const doc = readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8');

test('every rule code has the 1-based line of the heading that names it, and that heading\'s anchor', () => {
  const sections = ruleDocSections(doc);
  const text = doc.split('\n');
  for (const { code } of allRuleInfo()) {
    const section = sections.get(code);
    assert.ok(section, `no heading for ${code}`);
    assert.match(text[section.line - 1], new RegExp(`^#{2,3} .*\`${code}\``), code);
    assert.match(section.anchor, new RegExp(`(^|-)${code}(-|$)`), code);
  }
  assert.deepEqual(sections.get('runway')?.anchor, 'runway');
  assert.deepEqual(sections.get('brief-section-empty')?.anchor, 'brief-section-missing-brief-section-empty');
});

test('a heading naming two codes gives both its section; code spans outside headings are not headings', () => {
  const sections = ruleDocSections('# Rules\r\n\r\nSee `runway`.\r\n\r\n### `a-b`, `c`\r\ntext\r\n### `runway`\r\n');
  assert.deepEqual([...sections], [['a-b', { line: 5, anchor: 'a-b-c' }], ['c', { line: 5, anchor: 'a-b-c' }], ['runway', { line: 7, anchor: 'runway' }]]);
});

test('heading anchors follow the rendered page: lower case, spaces to "-", punctuation dropped', () => {
  assert.equal(headingAnchor('  The five pitfalls '), 'the-five-pitfalls');
  assert.equal(headingAnchor('`yaml-syntax`'), 'yaml-syntax');
  assert.equal(headingAnchor('What (and why?): A.B'), 'what-and-why-ab');
  assert.equal(headingAnchor('-- edge --'), 'edge');
});
