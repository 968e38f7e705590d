// docs/rules.md documents every diagnostic code with its default severity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { join } from 'path';
import { allRuleInfo } from '../../../src/core/rules/ruleInfo';

const doc = readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8');

/** The section of the doc whose heading names the code, up to the next heading. */
function sectionOf(code: string): string | undefined {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && l.includes(`\`${code}\``));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^#{2,3} /.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

test('every rule code has a section in docs/rules.md', () => {
  const missing = allRuleInfo().map((r) => r.code).filter((code) => !sectionOf(code));
  assert.deepEqual(missing, []);
});

test('the default severity in docs/rules.md matches the code', () => {
  for (const info of allRuleInfo()) {
    const section = sectionOf(info.code)!;
    const m = /Default: (error|warning|info|hint)/.exec(section);
    assert.ok(m, `no "Default:" in the section of ${info.code}`);
    assert.equal(m[1], info.severity, `default severity of ${info.code}`);
  }
});

test('every pitfall rule says which pitfall it is', () => {
  for (const info of allRuleInfo().filter((r) => r.category === 'pitfall')) {
    assert.match(sectionOf(info.code)!, new RegExp(`Pitfall ${info.pitfall},`), info.code);
  }
});
