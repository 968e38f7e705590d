// `mlproject init`: a starter plan that the checker reads cleanly; never overwrites.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { fakeIO, tempDir } from '../helpers/plans';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function cli(...argv: string[]) {
  const io = fakeIO(dir);
  const code = await runCli(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

test('init writes a starter plan with the given name and lead, and says what next', async () => {
  const r = await cli('init', 'proj', '--name', 'Genre tagger', '--lead', 'Dana');
  assert.equal(r.code, 0);
  assert.equal(r.out, `Wrote ${path.join('proj', '.mlproject.yaml')}. Next: fill in goal and run \`mlproject check\`.\n`
    + `Added \`.mlproject/runs.jsonl merge=union\` to ${path.join('proj', '.gitattributes')}: runs recorded on two branches merge without a conflict.\n`);
  assert.equal(readFileSync(path.join(dir, 'proj', '.gitattributes'), 'utf8'), '.mlproject/runs.jsonl merge=union\n');
  const parsed = parsePlan(readFileSync(path.join(dir, 'proj', '.mlproject.yaml'), 'utf8'));
  assert.equal(parsed.plan.project?.name, 'Genre tagger');
  assert.equal(parsed.plan.project?.lead, 'Dana');
  assert.deepEqual(parsed.plan.project?.team, [{ name: 'Dana', role: 'project-lead' }]);
  assert.deepEqual(parsed.diagnostics.filter((d) => d.code === 'yaml-syntax'), []);
});

test('the starter plan has no schema errors', async () => {
  assert.equal((await cli('init')).code, 0);
  const parsed = parsePlan(readFileSync(path.join(dir, '.mlproject.yaml'), 'utf8'));
  assert.deepEqual(parsed.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  assert.equal((await cli('check', '.')).code, 0);
});

test('the default name is the folder name', async () => {
  assert.equal((await cli('init', 'my-model')).code, 0);
  assert.equal(parsePlan(readFileSync(path.join(dir, 'my-model', '.mlproject.yaml'), 'utf8')).plan.project?.name, 'my-model');
});

test('init refuses to overwrite an existing plan: exit 2, the file unchanged', async () => {
  const file = path.join(dir, '.mlproject.yaml');
  writeFileSync(file, 'version: 1\n# mine\n');
  const r = await cli('init');
  assert.equal(r.code, 2);
  assert.equal(r.err, 'mlproject init: .mlproject.yaml already exists; not overwriting it\n');
  assert.equal(readFileSync(file, 'utf8'), 'version: 1\n# mine\n');
});

test('init into a path that is a file, or with two folders: exit 2, nothing written', async () => {
  writeFileSync(path.join(dir, 'afile'), 'x');
  const r = await cli('init', 'afile');
  assert.equal(r.code, 2);
  assert.equal(r.err, 'mlproject init: afile is not a folder\n');
  assert.equal((await cli('init', 'a', 'b')).code, 2);
  assert.equal(existsSync(path.join(dir, 'a')), false);
});

test('init --help exits 0', async () => {
  const r = await cli('init', '--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: mlproject init/);
});

test('init appends the history entry to an existing .gitattributes, keeping its bytes, and never twice', async () => {
  const file = path.join(dir, '.gitattributes');
  writeFileSync(file, '*.png binary\r\n# mine'); // CRLF, no final newline
  assert.equal((await cli('init')).code, 0);
  assert.equal(readFileSync(file, 'utf8'), '*.png binary\r\n# mine\r\n.mlproject/runs.jsonl merge=union\r\n');
  rmSync(path.join(dir, '.mlproject.yaml'));
  const again = await cli('init');
  assert.equal(again.code, 0);
  assert.doesNotMatch(again.out, /Added/);
  assert.equal(readFileSync(file, 'utf8'), '*.png binary\r\n# mine\r\n.mlproject/runs.jsonl merge=union\r\n');
});

test('init leaves a merge setting of the user\'s own for the history alone, and says so', async () => {
  const file = path.join(dir, '.gitattributes');
  writeFileSync(file, '/.mlproject/runs.jsonl merge=binary\n');
  const r = await cli('init');
  assert.equal(r.code, 0);
  assert.match(r.err, /already sets a merge driver for \.mlproject\/runs\.jsonl; left as it is/);
  assert.equal(readFileSync(file, 'utf8'), '/.mlproject/runs.jsonl merge=binary\n');
});
