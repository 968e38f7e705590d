import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { brief } from '../../../src/cli/commands/brief';
import { decision } from '../../../src/cli/commands/decision';
import { UsageError, type CliIO } from '../../../src/cli/io';
import { renderBrief } from '../../../src/core/brief/generate';
import { CLI_FRONT_END } from '../../../src/cli/frontEnd';
import { FULL_YAML, TEMPLATE, planFrom } from '../brief/fixtures';

function workspace(planText = FULL_YAML): { root: string; io: CliIO; out: string[]; err: string[]; done: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'mlproject-brief-'));
  writeFileSync(path.join(root, '.mlproject.yaml'), planText);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { cwd: root, env: {}, isTTY: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { root, io, out, err, done: () => rmSync(root, { recursive: true, force: true }) };
}

const read = (root: string, rel: string): string => readFileSync(path.join(root, rel), 'utf8');

test('brief: creates docs/brief.md, sets project.brief, refuses to overwrite', async () => {
  const w = workspace();
  try {
    assert.equal(await brief(['--today', '2026-12-01'], w.io), 0);
    assert.equal(read(w.root, 'docs/brief.md'), renderBrief(planFrom(FULL_YAML), TEMPLATE, { today: '2026-12-01', runs: [], frontEnd: CLI_FRONT_END }));
    assert.match(read(w.root, 'docs/brief.md'), /Written by `mlproject brief` from \.mlproject\.yaml\.\n.*refreshed by\n {2}`mlproject brief --update`\./);
    assert.doesNotMatch(read(w.root, 'docs/brief.md'), /ML Project:/);
    assert.equal(read(w.root, '.mlproject.yaml'), FULL_YAML.replace('# the project lead\n', '# the project lead\n  brief: docs/brief.md\n'));
    assert.equal(w.out.join(''), 'Wrote docs/brief.md\nSet project.brief to docs/brief.md\n');
    await assert.rejects(brief([], w.io), (e) => e instanceof UsageError && /docs\/brief\.md already exists; use --update/.test(e.message));
  } finally {
    w.done();
  }
});

test('brief --check: exit 0 when complete, 1 when a section is empty or the brief is missing', async () => {
  const w = workspace();
  try {
    assert.equal(await brief(['--check'], w.io), 1);
    assert.match(w.out.join(''), /docs\/brief\.md: no brief yet/);
    await brief(['--today', '2026-12-01'], w.io);
    w.out.length = 0;
    assert.equal(await brief(['--check'], w.io), 0);
    assert.equal(w.out.join(''), 'docs/brief.md: 8/8 sections filled\n');
    const text = read(w.root, 'docs/brief.md').replace(/(<!-- mlproject:begin literature hash=\w+ -->\n)[\s\S]*?(<!-- mlproject:end literature -->)/, '$1$2');
    writeFileSync(path.join(w.root, 'docs/brief.md'), text);
    w.out.length = 0;
    assert.equal(await brief(['--check'], w.io), 1);
    assert.match(w.out.join(''), /^docs\/brief\.md: 7\/8 sections filled\ndocs\/brief\.md:\d+:1: warning brief-section-empty: The brief's "Literature" section is empty: /);
  } finally {
    w.done();
  }
});

test('brief --update: refreshes the blocks, keeps human text; refuses a brief without markers', async () => {
  const w = workspace();
  try {
    await brief(['--today', '2026-12-01'], w.io);
    const briefFile = path.join(w.root, 'docs/brief.md');
    const withNotes = read(w.root, 'docs/brief.md').replace('## Risks\n', '## Risks\n\nHand-written risk.\n');
    writeFileSync(briefFile, withNotes);
    writeFileSync(path.join(w.root, '.mlproject.yaml'), read(w.root, '.mlproject.yaml').replace('lead: Dana ', 'lead: Kim  '));
    w.out.length = 0;
    assert.equal(await brief(['--update', '--today', '2026-12-01'], w.io), 0);
    assert.equal(w.out.join(''), 'Updated docs/brief.md: team\n');
    const kim = renderBrief(planFrom(FULL_YAML.replace('lead: Dana ', 'lead: Kim  ')), TEMPLATE, { today: '2026-12-01', frontEnd: CLI_FRONT_END });
    assert.equal(read(w.root, 'docs/brief.md'), kim.replace('## Risks\n', '## Risks\n\nHand-written risk.\n'));
    w.out.length = 0;
    assert.equal(await brief(['--update', '--today', '2026-12-01'], w.io), 0);
    assert.equal(w.out.join(''), 'docs/brief.md is up to date\n');

    assert.equal(await brief(['--update', '--check', '--today', '2026-12-01'], w.io), 0);
    assert.match(w.out.join(''), /is up to date\ndocs\/brief\.md: 8\/8 sections filled\n$/);

    writeFileSync(briefFile, '# Hand-written\n');
    assert.equal(await brief(['--update'], w.io), 1);
    assert.match(w.err.join(''), /no mlproject markers/);
    assert.equal(read(w.root, 'docs/brief.md'), '# Hand-written\n');
  } finally {
    w.done();
  }
});

test('brief --update keeps a block edited by hand and lists it; --force-block / --force replace it', async () => {
  const w = workspace();
  try {
    await brief(['--today', '2026-12-01'], w.io);
    const briefFile = path.join(w.root, 'docs/brief.md');
    const edited = read(w.root, 'docs/brief.md').replace('- **Project lead:** Dana', '- **Project lead:** Dana, until Kim takes over in March');
    writeFileSync(briefFile, edited);
    writeFileSync(path.join(w.root, '.mlproject.yaml'), read(w.root, '.mlproject.yaml').replace('labels skew towards rock', 'labels skew towards pop'));
    w.out.length = 0;
    assert.equal(await brief(['--update', '--today', '2026-12-01'], w.io), 1, 'a kept block needs attention');
    const line = edited.split('\n').findIndex((l) => l.startsWith('<!-- mlproject:begin team')) + 1;
    assert.equal(w.out.join(''), [
      'Updated docs/brief.md: data, risks',
      `Kept blocks edited by hand in docs/brief.md: team (line ${line}, edited by hand). Their text differs from what the plan generates; move your text outside the markers to keep it, or rerun with --force-block team (or --force for all) to replace it.`,
      '',
    ].join('\n'));
    assert.match(read(w.root, 'docs/brief.md'), /Dana, until Kim takes over in March/);
    assert.match(read(w.root, 'docs/brief.md'), /labels skew towards pop/);

    w.out.length = 0;
    assert.equal(await brief(['--update', '--force-block', 'team', '--today', '2026-12-01'], w.io), 0);
    assert.equal(w.out.join(''), 'Updated docs/brief.md: team\nReplaced blocks edited by hand, as asked: team\n');
    assert.doesNotMatch(read(w.root, 'docs/brief.md'), /until Kim/);

    writeFileSync(briefFile, read(w.root, 'docs/brief.md').replace('- **Project lead:** Dana', '- **Project lead:** Dana (again)'));
    w.out.length = 0;
    assert.equal(await brief(['--update', '--force'], w.io), 0);
    assert.equal(w.out.join(''), 'Updated docs/brief.md: team\nReplaced blocks edited by hand, as asked: team\n');
    assert.equal(await brief(['--update', '--force-block', 'budget'], w.io), 1);
    assert.match(w.err.join(''), /no block "budget" to replace/);
    await assert.rejects(brief(['--force'], w.io), /--force and --force-block go with --update/);
  } finally {
    w.done();
  }
});

test('the example brief ships the current format: every block has a hash and an update changes nothing', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mlproject-example-'));
  try {
    cpSync(path.join(__dirname, '../../../examples/genre-tagger'), root, { recursive: true });
    const text = read(root, 'docs/brief.md');
    const begins = text.split('\n').filter((l) => l.startsWith('<!-- mlproject:begin '));
    assert.equal(begins.length, 10);
    assert.ok(begins.every((l) => / hash=[0-9a-f]{16} -->$/.test(l)), begins.join('\n'));
    const out: string[] = [];
    const io: CliIO = { cwd: root, env: {}, isTTY: false, stdout: (t) => out.push(t), stderr: (t) => out.push(t) };
    assert.equal(await brief(['--update', '--today', '2026-11-27'], io), 0);
    assert.equal(out.join(''), 'docs/brief.md is up to date\n');
    assert.equal(read(root, 'docs/brief.md'), text);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('brief --out and --template; bad paths, templates and dates are usage errors', async () => {
  const w = workspace();
  try {
    writeFileSync(path.join(w.root, 'tpl.md'), '## Why\n\n<!-- mlproject:begin goal -->\n<!-- mlproject:end goal -->\n');
    assert.equal(await brief(['--out', 'BRIEF.md', '--template', 'tpl.md', '--check'], w.io), 1, 'check alone is read-only');
    assert.equal(existsSync(path.join(w.root, 'BRIEF.md')), false);
    assert.equal(await brief(['--out', 'BRIEF.md', '--template', 'tpl.md'], w.io), 0);
    assert.equal(await brief(['--out', 'BRIEF.md', '--template', 'tpl.md', '--check'], w.io), 0);
    assert.match(w.out.join(''), /BRIEF\.md: 1\/1 sections filled/);
    assert.match(read(w.root, 'BRIEF.md'), /^## Why\n\n<!-- mlproject:begin goal hash=[0-9a-f]{16} -->\nTag each uploaded song/);
    assert.match(read(w.root, '.mlproject.yaml'), /^  brief: BRIEF\.md$/m);
    writeFileSync(path.join(w.root, 'bad.md'), '## A\n<!-- mlproject:begin budget -->\n<!-- mlproject:end budget -->\n');
    await assert.rejects(brief(['--out', 'x.md', '--template', 'bad.md'], w.io), /unknown block id "budget"/);
    assert.equal(existsSync(path.join(w.root, 'x.md')), false);
    await assert.rejects(brief(['--out', '../outside.md'], w.io), /outside the workspace/);
    await assert.rejects(brief(['--today', '2026-02-30'], w.io), /--today takes a date/);
    await assert.rejects(brief(['--bogus'], w.io), UsageError);
    await assert.rejects(brief(['docs'], w.io), UsageError);
    mkdirSync(path.join(w.root, 'empty'));
    await assert.rejects(brief(['empty'], w.io), /mlproject\.yaml/);
    await assert.rejects(brief(['--template', 'missing.md', '--out', 'y.md'], w.io), /cannot read the template missing\.md/);
  } finally {
    w.done();
  }
});

test('decision: writes the record and the decision block; never overwrites an earlier record', async () => {
  const w = workspace();
  try {
    mkdirSync(path.join(w.root, '.mlproject'));
    writeFileSync(path.join(w.root, '.mlproject/runs.jsonl'), JSON.stringify({
      id: '20261120-100000-abcdef', candidate: 'cnn', start: '2026-11-20T09:00:00Z', end: '2026-11-20T10:00:00Z', durationMs: 1,
      exitCode: 0, status: 'ok', command: 'x', metrics: { macro_f1: 0.77 }, source: 'cli',
    }) + '\n');
    const args = ['--chosen', 'ast', '--rationale', 'transformers generalise better', '--date', '2026-12-01'];
    assert.equal(await decision(args, w.io), 0);
    const record = read(w.root, 'docs/decisions/2026-12-01-model.md');
    assert.match(record, /^# Model decision: Audio spectrogram transformer \(`ast`\)\n/);
    assert.match(record, /^- \*\*Attendees:\*\* Dana, Lee$/m);
    assert.match(record, /\| CNN on mel-spectrograms \(`cnn`\) \| high \| medium \| low \| 1 \| — \| 0\.77 \|/);
    assert.match(w.out.join(''), /Note: cnn ranks better by expected gain per cost/);
    assert.equal(
      read(w.root, '.mlproject.yaml'),
      FULL_YAML.replace('reality_checks:', [
        'decision:',
        '  chosen: ast',
        '  date: 2026-12-01',
        '  rationale: transformers generalise better',
        '  attendees: [ Dana, Lee ]',
        '  record: docs/decisions/2026-12-01-model.md',
        'reality_checks:',
      ].join('\n')),
    );
    assert.equal(await decision(['--chosen', 'cnn', '--rationale', 'cheaper', '--date', '2026-12-01', '--attendee', 'Ann', '--attendee', 'Bo'], w.io), 0);
    assert.deepEqual(readdirSync(path.join(w.root, 'docs/decisions')).sort(), ['2026-12-01-model-2.md', '2026-12-01-model.md']);
    assert.equal(read(w.root, 'docs/decisions/2026-12-01-model.md'), record);
    assert.match(read(w.root, '.mlproject.yaml'), /  chosen: cnn\n  date: 2026-12-01\n  rationale: cheaper\n  attendees: \[ Ann, Bo \]\n  record: docs\/decisions\/2026-12-01-model-2\.md\n/);
  } finally {
    w.done();
  }
});

test('decision: usage errors write nothing', async () => {
  const w = workspace();
  try {
    const before = read(w.root, '.mlproject.yaml');
    await assert.rejects(decision(['--chosen', 'rnn', '--rationale', 'r'], w.io), /"rnn" is not a candidate id \(candidates: logreg, cnn, ast\)/);
    await assert.rejects(decision(['--chosen', 'cnn'], w.io), /--rationale <text> is required/);
    await assert.rejects(decision(['--rationale', 'r'], w.io), /--chosen <candidate id> is required/);
    await assert.rejects(decision(['--chosen', 'cnn', '--rationale', 'r', '--date', '1/12/2026'], w.io), /--date takes a date/);
    await assert.rejects(decision(['--chosen', 'cnn', '--rationale', 'r', 'a', 'b'], w.io), /at most one path/);
    assert.equal(read(w.root, '.mlproject.yaml'), before);
    assert.equal(existsSync(path.join(w.root, 'docs')), false);
  } finally {
    w.done();
  }
});

test('help is printed with exit 0', async () => {
  const w = workspace();
  try {
    assert.equal(await brief(['--help'], w.io), 0);
    assert.equal(await decision(['-h'], w.io), 0);
    assert.match(w.out.join(''), /^Usage: mlproject brief[\s\S]*Usage: mlproject decision/);
  } finally {
    w.done();
  }
});
