// Plan files as bytes through the CLI's writers (mark, decision, brief): the BOM, the line endings and every byte
// outside the edit are kept; a file that is not valid UTF-8 is still checked but never edited.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { fakeIO, tempDir } from '../helpers/plans';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const PLAN = [
  'version: 1   # the format',
  'project:',
  '  name: Demo',
  '  lead: Dana',
  'checklist:',
  '  define:',
  '    baseline: todo',
  'candidates:',
  '  - { id: small, name: Small model, expected_gain: medium, cost: low }',
  '  - { id: big, name: Big model, expected_gain: high, cost: high }',
  '',
];

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, '.mlproject.yaml');
});
afterEach(() => cleanup());

async function cli(...argv: string[]) {
  const io = fakeIO(dir);
  const code = await runCli(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText, bytes: readFileSync(file) };
}

/** The bytes of `after` are those of `before` with one insertion or replacement: the common prefix and suffix. */
function assertOneChange(before: Buffer, after: Buffer, inserted: RegExp): void {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  assert.match(after.subarray(start, endA).toString('utf8'), inserted);
  assert.ok(endB - start <= 1, `the edit replaced ${endB - start} original bytes: ${JSON.stringify(before.subarray(start, endB).toString())}`);
}

for (const eol of ['\n', '\r\n']) {
  const name = eol === '\n' ? 'LF' : 'CRLF';
  test(`mark on a plan with a BOM and ${name}: the BOM, the line endings and every other byte stay`, async () => {
    const before = Buffer.concat([BOM, Buffer.from(PLAN.join(eol))]);
    writeFileSync(file, before);
    const r = await cli('mark', 'baseline', 'done');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.bytes, Buffer.concat([BOM, Buffer.from(PLAN.join(eol).replace('baseline: todo', 'baseline: done'))]));
  });

  test(`decision on a plan with a BOM and ${name}: the new block is at column 0 and the plan stays valid`, async () => {
    const before = Buffer.concat([BOM, Buffer.from(PLAN.join(eol))]);
    writeFileSync(file, before);
    const r = await cli('decision', '--chosen', 'small', '--rationale', 'cheap enough', '--date', '2026-11-20');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.bytes.subarray(0, before.length), before, 'the original bytes are a prefix of the result');
    const added = r.bytes.subarray(before.length).toString('utf8');
    assert.match(added, new RegExp(`^decision:${eol}  chosen: small${eol}`));
    if (eol === '\r\n') assert.doesNotMatch(added, /[^\r]\n/);
    const parsed = parsePlan(r.bytes.subarray(3).toString('utf8'));
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(parsed.plan.decision?.chosen, 'small');
    // and `brief` works on it afterwards, still keeping the BOM
    const b = await cli('brief');
    assert.equal(b.code, 0, b.err);
    assert.deepEqual(b.bytes.subarray(0, 3), BOM);
    assertOneChange(r.bytes, b.bytes, /brief: docs\/brief\.md/);
  });
}

test('mark refuses a plan with bytes that are not UTF-8 and leaves every byte; check still reports it', async () => {
  const before = Buffer.concat([Buffer.from(PLAN.slice(0, 3).join('\n') + '\n  description: caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\n' + PLAN.slice(3).join('\n'))]);
  writeFileSync(file, before);
  const r = await cli('mark', 'baseline', 'done');
  assert.equal(r.code, 2);
  assert.match(r.err, /not valid UTF-8 \(line 4, byte 19 of the line\).*not edited/);
  assert.equal(r.err.trim().split('\n').length, 1);
  assert.deepEqual(r.bytes, before, 'the file is untouched');
  // still diagnosed
  const c = await cli('check', '.');
  assert.equal(c.code, 1);
  assert.match(c.out, /:4:\d+ error encoding The file is not valid UTF-8/);
});

test('decision and brief refuse to edit a plan that is not valid UTF-8; decision writes no record', async () => {
  const before = Buffer.concat([Buffer.from(PLAN.join('\n')), Buffer.from('# \xfe\n', 'latin1')]);
  writeFileSync(file, before);
  const d = await cli('decision', '--chosen', 'small', '--rationale', 'cheap', '--date', '2026-11-20');
  assert.equal(d.code, 2);
  assert.match(d.err, /not valid UTF-8/);
  assert.throws(() => readFileSync(path.join(dir, 'docs/decisions/2026-11-20-model.md')));
  const b = await cli('brief');
  assert.equal(b.code, 0); // the brief itself is written; only the plan edit is refused
  assert.match(b.err, /could not set project\.brief: .*not valid UTF-8/);
  assert.deepEqual(b.bytes, before);
});
