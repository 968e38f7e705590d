// `mlproject mark`: the smallest edit, compared on whole files before and after.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { fakeIO, tempDir } from '../helpers/plans';

const PLAN = [
  '# Our plan',
  'version: 1',
  'project:',
  '  name: "Demo"        # quoted on purpose',
  'checklist:',
  '  discover: { business-understanding: done, data-understanding: todo }   # flow phase',
  '  define:',
  '    baseline: todo    # the majority class',
  '',
  'candidates: []',
  '',
].join('\n');

let dir: string;
let cleanup: () => void;
let file: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, '.mlproject.yaml');
  writeFileSync(file, PLAN);
});
afterEach(() => cleanup());

async function mark(...argv: string[]) {
  const io = fakeIO(dir);
  const code = await runCli(['mark', ...argv], io);
  return { code, out: io.stdoutText, err: io.stderrText, text: readFileSync(file, 'utf8') };
}

test('an existing bare step: only its scalar changes, the comment stays', async () => {
  const r = await mark('baseline', 'done');
  assert.equal(r.code, 0);
  assert.equal(r.out, 'define/baseline: todo → done\n');
  assert.equal(r.text, PLAN.replace('baseline: todo    #', 'baseline: done    #'));
});

test('a step in a flow phase mapping', async () => {
  const r = await mark('data-understanding', 'in-progress');
  assert.equal(r.code, 0);
  assert.equal(r.text, PLAN.replace('data-understanding: todo }', 'data-understanding: in-progress }'));
});

test('a missing step is inserted into its phase; a missing phase is added', async () => {
  const r = await mark('data-preparation', 'in-progress');
  assert.equal(r.code, 0);
  assert.equal(r.out, 'define/data-preparation: todo → in-progress\n');
  assert.equal(r.text, PLAN.replace('    baseline: todo    # the majority class\n', '    baseline: todo    # the majority class\n    data-preparation: in-progress\n'));
  const d = await mark('literature-review', 'done');
  assert.equal(d.code, 0);
  assert.equal(d.text, r.text.replace('    data-preparation: in-progress\n', '    data-preparation: in-progress\n  develop:\n    literature-review: done\n'));
});

test('the same status again: unchanged, the file is not rewritten', async () => {
  const r = await mark('business-understanding', 'done');
  assert.equal(r.code, 0);
  assert.equal(r.out, 'discover/business-understanding: done → done (unchanged)\n');
  assert.equal(r.text, PLAN);
});

test('skipped needs --reason; with one the step becomes { status, reason }', async () => {
  const no = await mark('baseline', 'skipped');
  assert.equal(no.code, 2);
  assert.equal(no.err, 'mlproject mark: a skipped step needs --reason "why it is skipped"\n');
  assert.equal(no.text, PLAN);
  const yes = await mark('baseline', 'skipped', '--reason', 'a rule-based system is the reference');
  assert.equal(yes.code, 0);
  assert.equal(yes.text, PLAN.replace('baseline: todo    #', 'baseline: { status: skipped, reason: a rule-based system is the reference }    #'));
});

test('an unknown step: exit 2 with a did-you-mean, the file untouched', async () => {
  const r = await mark('basline', 'done');
  assert.equal(r.code, 2);
  assert.match(r.err, /^mlproject mark: unknown step "basline"\. Did you mean "baseline"\?/);
  assert.equal(r.text, PLAN);
});

test('a new custom step needs --phase and --title', async () => {
  assert.equal((await mark('label-audit', 'todo', '--phase', 'develop')).code, 2);
  const r = await mark('label-audit', 'todo', '--phase', 'develop', '--title', 'Audit labels');
  assert.equal(r.code, 0);
  assert.equal(r.text, PLAN.replace('    baseline: todo    # the majority class\n', '    baseline: todo    # the majority class\n  develop:\n    label-audit: { status: todo, title: Audit labels }\n'));
});

test('bad status, bad phase, wrong arity, unknown option: exit 2, one line, file untouched', async () => {
  for (const argv of [['baseline', 'finished'], ['x', 'done', '--phase', 'later', '--title', 'X'], ['baseline'], ['baseline', 'done', '--force']]) {
    const r = await mark(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.err.trimEnd().split('\n').length, 1);
    assert.equal(r.text, PLAN);
  }
});

test('a plan with YAML syntax errors is not edited', async () => {
  const broken = PLAN.replace('candidates: []', 'candidates: [');
  writeFileSync(file, broken);
  const r = await mark('baseline', 'done');
  assert.equal(r.code, 2);
  assert.match(r.err, /has YAML syntax errors; fix them first/);
  assert.equal(r.text, broken);
});

test('no plan in the folder: exit 2', async () => {
  const r = await mark('baseline', 'done', '--plan', 'missing.yaml');
  assert.equal(r.code, 2);
  assert.match(r.err, /^mlproject mark: cannot read .*missing\.yaml: no such file or folder\n$/);
});

test('CRLF plans keep CRLF', async () => {
  writeFileSync(file, PLAN.replace(/\n/g, '\r\n'));
  const r = await mark('data-preparation', 'done');
  assert.equal(r.code, 0);
  assert.equal(r.text, PLAN.replace('    baseline: todo    # the majority class\n', '    baseline: todo    # the majority class\n    data-preparation: done\n').replace(/\n/g, '\r\n'));
});

test('mark --help exits 0', async () => {
  const r = await mark('--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: mlproject mark <step> <status>/);
});

test('--phase that contradicts a built-in step\'s phase is refused', async () => {
  const r = await mark('baseline', 'done', '--phase', 'develop');
  assert.equal(r.code, 2);
  assert.equal(r.text, PLAN);
});
