// The CLI under odd conditions: a closed pipe, an oversized plan in a folder, impossible dates, deep nesting, long
// keys, negative numbers, status's exit code, a plan that is a folder, a root that is not a mapping, and mark's
// path argument and step ids.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { MAX_NESTING, MAX_PLAN_BYTES } from '../../../src/core/parse/parsePlan';
import { HEALTHY_HEAD, fakeIO, tempDir, yaml } from '../helpers/plans';

const REPO = path.resolve(__dirname, '../../..');
const DIST_CLI = path.join(REPO, 'dist/cli.js');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function cli(...argv: string[]) {
  const io = fakeIO(dir);
  const code = await runCli(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

function plan(text: string, sub = '.'): string {
  mkdirSync(path.join(dir, sub), { recursive: true });
  const file = path.join(dir, sub, '.mlproject.yaml');
  writeFileSync(file, text);
  return file;
}

test('a closed pipe (status | head -1) ends quietly, without an EPIPE stack trace', { skip: !existsSync(DIST_CLI) && 'dist/cli.js is not built' }, async () => {
  const child = spawn(process.execPath, [DIST_CLI, 'status', 'examples/genre-tagger'], { cwd: REPO });
  child.stdout.destroy(); // the reader is gone before the CLI writes
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('an oversized plan in a folder scan is a diagnostic on that file; the other plans are still checked', async () => {
  plan(yaml(...HEALTHY_HEAD, 'bogus_key: 1'), 'good');
  const huge = plan('version: 1\n', 'huge');
  truncateSync(huge, MAX_PLAN_BYTES + 1); // sparse: never read
  const r = await cli('check', '.');
  assert.equal(r.code, 1, r.err);
  assert.equal(r.err, '');
  assert.match(r.out, /^huge\/\.mlproject\.yaml:1:1 error file-too-large The plan has 6\.0 MB, over the limit of 6 MB: it was not read/m);
  assert.match(r.out, /^good\/\.mlproject\.yaml:\d+:\d+ error schema Unknown key "bogus_key"/m);
  const s = await cli('status', 'huge');
  assert.equal(s.code, 1);
});

test('an impossible date (2027-02-30) is a schema error on the value; the runway rule does not use it', async () => {
  plan(yaml(...HEALTHY_HEAD.slice(0, 5), '  runway: 2027-02-30', ...HEALTHY_HEAD.slice(5), 'decision:', '  date: "2026-04-31"', 'reality_checks:', '  - { kind: demo, date: 2026-02-29 }'));
  const r = await cli('check', '.', '--today', '2027-02-20');
  assert.equal(r.code, 1);
  assert.match(r.out, /:6:11 error schema Invalid date "2027-02-30" for project\.runway: there is no such day/);
  assert.match(r.out, /:13:9 error schema Invalid date "2026-04-31" for decision\.date/);
  assert.match(r.out, /error schema Invalid date "2026-02-29" for reality_checks\[0\]\.date/);
  assert.doesNotMatch(r.out, / runway /);
});

test('deep nesting is reported as a nesting limit, not as a stack overflow', async () => {
  for (const [name, value] of [['flow', '['.repeat(5000) + ']'.repeat(5000)], ['block', '\n' + Array.from({ length: MAX_NESTING + 5 }, (_, i) => `${' '.repeat(i + 2)}k:`).join('\n')]]) {
    plan(`version: 1\nproject: { name: x }\nx: ${value}\n`, name);
    const r = await cli('check', name);
    assert.equal(r.code, 1, name);
    assert.doesNotMatch(r.out, /call stack/i, name);
    assert.match(r.out, new RegExp(`error yaml-syntax Mappings and lists are nested more than ${MAX_NESTING} levels deep here`), name);
  }
});

test('a very long unknown key is cut in the message', async () => {
  plan(yaml(...HEALTHY_HEAD, `${'k'.repeat(100_000)}: 1`));
  const r = await cli('check', '.');
  assert.equal(r.code, 1);
  const line = r.out.split('\n').find((l) => l.includes('Unknown key')) ?? '';
  assert.match(line, /Unknown key "k{57}\.\.\." at the top level/);
  assert.ok(line.length < 400, `${line.length} characters`);
});

test('negative numbers for --max-warnings and --limit get the CLI\'s own message', async () => {
  plan(yaml(...HEALTHY_HEAD));
  for (const argv of [['check', '.', '--max-warnings', '-1'], ['check', '--max-warnings=-2', '.']]) {
    const r = await cli(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, /^mlproject check: --max-warnings takes a whole number of 0 or more, not "-\d"\n$/);
  }
  for (const argv of [['runs', '--limit', '-1'], ['runs', '-n', '-5']]) {
    const r = await cli(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, /^mlproject runs: --limit must be a whole number of at least 1, not "-\d"\n$/);
  }
});

test('status exits 1 on a plan with YAML or schema errors, like check, and 0 on a sound plan', async () => {
  plan(yaml(...HEALTHY_HEAD));
  assert.equal((await cli('status', '.')).code, 0);
  plan(yaml(...HEALTHY_HEAD, 'bogus_key: 1'));
  assert.equal((await cli('status', '.')).code, 1);
  plan(yaml(...HEALTHY_HEAD, 'goal: [unclosed'));
  assert.equal((await cli('status', '.')).code, 1);
});

test('a plan that is a folder is called a folder, given directly or inside the folder given', async () => {
  mkdirSync(path.join(dir, 'p', '.mlproject.yaml'), { recursive: true });
  for (const argv of [['check', 'p/.mlproject.yaml'], ['check', 'p'], ['status', 'p'], ['brief', 'p'], ['mark', 'baseline', 'done', 'p']]) {
    const r = await cli(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, /cannot read p\/\.mlproject\.yaml: it is a folder, not a plan file/, argv.join(' '));
  }
});

test('a root that is not a mapping reports only the root error', async () => {
  for (const text of ['42\n', '- a\n- b\n', '"just text"\n', Buffer.from([0x01, 0x9c, 0x33, 0xff]).toString('latin1')]) {
    plan(text);
    const r = await cli('check', '.');
    assert.equal(r.code, 1, text);
    assert.doesNotMatch(r.out, /no-brief|no-project-lead|no-success-criteria/, text);
    assert.match(r.out, /error (schema|yaml-syntax|encoding)/, text);
  }
});

test('mark takes the plan as a path (file or folder), or --plan with a folder', async () => {
  const file = plan(yaml(...HEALTHY_HEAD, 'checklist:', '  define:', '    baseline: todo'), 'proj');
  assert.equal((await cli('mark', 'baseline', 'in-progress', 'proj')).code, 0);
  assert.match(readFileSync(file, 'utf8'), /baseline: in-progress/);
  assert.equal((await cli('mark', 'baseline', 'done', 'proj/.mlproject.yaml')).code, 0);
  assert.match(readFileSync(file, 'utf8'), /baseline: done/);
  assert.equal((await cli('mark', 'baseline', 'todo', '--plan', 'proj')).code, 0);
  assert.match(readFileSync(file, 'utf8'), /baseline: todo/);
  const both = await cli('mark', 'baseline', 'done', 'proj', '--plan', 'proj');
  assert.equal(both.code, 2);
  const none = await cli('mark', 'baseline', 'done', 'elsewhere');
  assert.equal(none.code, 2);
  assert.match(none.err, /cannot read elsewhere: no such file or folder/);
});

test('mark refuses a custom step id that the schema would refuse, and writes nothing', async () => {
  const file = plan(yaml(...HEALTHY_HEAD));
  const before = readFileSync(file, 'utf8');
  for (const id of ['étape-1', 'Step-1', '1-step', 'a_b']) {
    const r = await cli('mark', id, 'todo', '--phase', 'develop', '--title', 'A step');
    assert.equal(r.code, 2, id);
    assert.match(r.err, /is not a valid step id: use lowercase letters, digits and "-", starting with a letter/, id);
  }
  assert.equal(readFileSync(file, 'utf8'), before);
  assert.equal((await cli('mark', 'label-audit', 'todo', '--phase', 'develop', '--title', 'Audit')).code, 0);
  const check = await cli('check', '.');
  assert.doesNotMatch(check.out, /error schema/);
});
