// The code links of diagnostics land on the rule's heading: ruleDocLines finds a heading line for every code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ruleDocLines } from '../../../src/core/rules/ruleDocs';
import { allRuleInfo } from '../../../src/core/rules/ruleInfo';

const doc = readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8');

test('every rule code has the 1-based line of the heading that names it', () => {
  const lines = ruleDocLines(doc);
  const text = doc.split('\n');
  for (const { code } of allRuleInfo()) {
    const line = lines.get(code);
    assert.ok(line, `no heading line for ${code}`);
    assert.match(text[line - 1], new RegExp(`^#{2,3} .*\`${code}\``), code);
  }
});

test('a heading naming two codes gives both its line; code spans outside headings are not headings', () => {
  const lines = ruleDocLines('# Rules\n\nSee `runway`.\n\n### `a-b`, `c`\ntext\n### `runway`\n');
  assert.deepEqual([...lines], [['a-b', 5], ['c', 5], ['runway', 7]]);
});
