// The history in a team: with the .gitattributes entry `mlproject init` writes, a real `git merge` of two branches
// that each appended runs keeps every record exactly once and leaves the history readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { attributePattern, ensureHistoryMergeUnion, historyMergeSetting, withUnionEntry } from '../../../src/core/runs/gitattributes';
import { appendRun, readHistory } from '../../../src/core/runs/history';
import { sampleRun } from './fixtures/sampleRun';

const hasGit = spawnSync('git', ['--version']).status === 0;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function run(n: number, candidate: string) {
  const id = `20261126-1200${String(n).padStart(2, '0')}-${n.toString(16).padStart(4, '0')}`;
  return sampleRun({ id, candidate, start: `2026-11-26T12:00:${String(n).padStart(2, '0')}.000Z`, metrics: { macro_f1: n / 100 } });
}

test('the pattern is relative to the workspace, glob characters and spaces quoted', () => {
  assert.equal(attributePattern('.mlproject/runs.jsonl'), '.mlproject/runs.jsonl');
  assert.equal(attributePattern('./runs//all.jsonl'), 'runs/all.jsonl');
  assert.equal(attributePattern('runs [v2].jsonl'), '"runs \\\\[v2].jsonl"');
  assert.equal(withUnionEntry('', 'h.jsonl'), 'h.jsonl merge=union\n');
  assert.equal(withUnionEntry('h.jsonl text merge=union\n', 'h.jsonl'), undefined);
  assert.equal(historyMergeSetting('h.jsonl merge=union\nh.jsonl -merge\n', 'h.jsonl'), 'other'); // the last line wins
  assert.equal(historyMergeSetting('other.jsonl merge=union\n# h.jsonl merge=union\n', 'h.jsonl'), undefined);
});

test('two branches that each appended runs merge without a conflict; every record survives exactly once', { skip: hasGit ? false : 'git is not installed' }, async () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'mlp-merge-'));
  try {
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'Test');
    git(repo, 'config', 'user.email', 'test@example.com');
    git(repo, 'config', 'commit.gpgsign', 'false');
    assert.equal(await ensureHistoryMergeUnion(repo, '.mlproject/runs.jsonl'), 'added');
    assert.equal(await ensureHistoryMergeUnion(repo, '.mlproject/runs.jsonl'), 'present');
    const file = path.join(repo, '.mlproject', 'runs.jsonl');
    for (const n of [1, 2]) await appendRun(file, run(n, 'logreg'), { root: repo });
    git(repo, 'add', '.gitattributes', '.mlproject/runs.jsonl');
    git(repo, 'commit', '-q', '-m', 'baseline runs');

    git(repo, 'checkout', '-q', '-b', 'dana');
    for (const n of [3, 4, 5]) await appendRun(file, run(n, 'cnn'), { root: repo });
    git(repo, 'commit', '-q', '-am', 'dana: cnn runs');

    git(repo, 'checkout', '-q', 'main');
    for (const n of [6, 7]) await appendRun(file, run(n, 'knn'), { root: repo });
    git(repo, 'commit', '-q', '-am', 'lee: knn runs');

    git(repo, 'merge', '-q', '--no-edit', 'dana'); // fails (exit 1, a conflict) without merge=union
    assert.equal(git(repo, 'status', '--porcelain'), '');
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /^(<<<<<<<|=======|>>>>>>>)/m);
    const h = await readHistory(file, repo);
    assert.deepEqual(h.corrupt, []);
    assert.deepEqual(h.runs.map((r) => r.id).sort(), [1, 2, 3, 4, 5, 6, 7].map((n) => run(n, 'x').id).sort());
    assert.ok(text.endsWith('\n'));
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('without the entry the same merge conflicts (the test above proves the entry, not luck)', { skip: hasGit ? false : 'git is not installed' }, async () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'mlp-merge-plain-'));
  try {
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'Test');
    git(repo, 'config', 'user.email', 'test@example.com');
    git(repo, 'config', 'commit.gpgsign', 'false');
    const file = path.join(repo, 'runs.jsonl');
    writeFileSync(file, JSON.stringify(run(1, 'a')) + '\n');
    git(repo, 'add', 'runs.jsonl');
    git(repo, 'commit', '-q', '-m', 'one');
    git(repo, 'checkout', '-q', '-b', 'other');
    await appendRun(file, run(2, 'b'), { root: repo });
    git(repo, 'commit', '-q', '-am', 'two');
    git(repo, 'checkout', '-q', 'main');
    await appendRun(file, run(3, 'c'), { root: repo });
    git(repo, 'commit', '-q', '-am', 'three');
    const r = spawnSync('git', ['merge', '-q', '--no-edit', 'other'], { cwd: repo, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
