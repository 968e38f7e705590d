// `mlproject check`, in process through runCli with a fake IO and a temporary folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { FULL_BRIEF, HEALTHY_HEAD, fakeIO, tempDir, yaml } from '../helpers/plans';

let dir: string;
let cleanup: () => void;

const CLEAN = yaml(...HEALTHY_HEAD);
// line 3 (1-based 4) is `  lead: Dana`; without it: one no-project-lead warning at 2:1
const WARN = yaml(...HEALTHY_HEAD.filter((l) => !l.includes('lead:')));
// an unknown step: one error at 12:5
const ERROR = yaml(...HEALTHY_HEAD, 'checklist:', '  discover:', '    projct-brief: todo');

function project(name: string, plan: string | undefined, files: Record<string, string> = { 'brief.md': FULL_BRIEF }): string {
  const root = path.join(dir, name);
  mkdirSync(root, { recursive: true });
  if (plan !== undefined) writeFileSync(path.join(root, '.mlproject.yaml'), plan);
  for (const [f, t] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), t);
  }
  return root;
}

async function run(...argv: string[]) {
  const io = fakeIO(dir);
  const code = await runCli(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

before(() => {
  ({ dir, cleanup } = tempDir());
  project('clean', CLEAN);
  project('warn', WARN);
  project('error', ERROR);
  project('empty-folder', undefined, { 'notes.txt': 'x' });
  project('runway', yaml(...HEALTHY_HEAD.slice(0, 5), '  runway: 2026-12-01', ...HEALTHY_HEAD.slice(5)));
});
after(() => cleanup());

test('a clean plan: exit 0, the summary line only', async () => {
  const r = await run('check', 'clean');
  assert.equal(r.code, 0);
  assert.equal(r.out, '0 errors, 0 warnings\n');
  assert.equal(r.err, '');
});

test('errors: exit 1, one text line per diagnostic as file:line:col severity code message', async () => {
  const r = await run('check', 'error');
  assert.equal(r.code, 1);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines[lines.length - 1], '1 error, 0 warnings');
  assert.match(lines[0], /^error\/\.mlproject\.yaml:13:5 error unknown-step Unknown step "projct-brief" in discover\. Did you mean "project-brief"\?/);
});

test('warnings: exit 0, but 1 with --max-warnings 0; --max-warnings 1 allows one', async () => {
  const r = await run('check', 'warn');
  assert.equal(r.code, 0);
  assert.match(r.out, /^warn\/\.mlproject\.yaml:2:1 warning no-project-lead No project lead/);
  assert.match(r.out, /0 errors, 1 warning\n$/);
  assert.equal((await run('check', 'warn', '--max-warnings', '0')).code, 1);
  assert.equal((await run('check', 'warn', '--max-warnings', '1')).code, 0);
});

test('--rule code=off drops a rule; --rule code=error raises it', async () => {
  const off = await run('check', 'warn', '--rule', 'no-project-lead=off', '--max-warnings', '0');
  assert.equal(off.code, 0);
  assert.equal(off.out, '0 errors, 0 warnings\n');
  const up = await run('check', 'warn', '--rule', 'no-project-lead=error');
  assert.equal(up.code, 1);
  assert.match(up.out, / error no-project-lead /);
});

test('--rule with an unknown code or level, or a bad shape: exit 2 with a did-you-mean', async () => {
  const unknown = await run('check', 'warn', '--rule', 'no-projct-lead=off');
  assert.equal(unknown.code, 2);
  assert.equal(unknown.err, 'mlproject check: --rule: unknown rule "no-projct-lead". Did you mean "no-project-lead"?\n');
  assert.equal((await run('check', 'warn', '--rule', 'runway=loud')).code, 2);
  assert.equal((await run('check', 'warn', '--rule', 'runway')).code, 2);
});

test('--today is the date the runway is compared with', async () => {
  const near = await run('check', 'runway', '--today', '2026-11-26');
  assert.equal(near.code, 0);
  assert.match(near.out, /:6:11 warning runway The runway ends in 5 days/);
  const past = await run('check', 'runway', '--today', '2026-12-02');
  assert.equal(past.code, 1);
  assert.match(past.out, /:6:11 error runway The runway ended 1 day ago/);
  assert.doesNotMatch((await run('check', 'runway', '--today', '2026-10-01')).out, /runway/);
});

test('--today that is not a real date is bad usage', async () => {
  const r = await run('check', 'runway', '--today', '2026-13-45');
  assert.equal(r.code, 2);
});

test('--format json: an array with 1-based positions', async () => {
  const r = await run('check', 'warn', '--format', 'json');
  assert.equal(r.code, 0);
  const items = JSON.parse(r.out);
  assert.deepEqual(items, [{
    file: path.join('warn', '.mlproject.yaml'), line: 2, column: 1, endLine: 2, endColumn: 8, severity: 'warning', code: 'no-project-lead',
    message: items[0].message,
  }]);
  assert.match(items[0].message, /^No project lead/);
});

test('--format github: one workflow command per diagnostic', async () => {
  const r = await run('check', 'error', '--format', 'github');
  assert.equal(r.code, 1);
  assert.match(r.out, /^::error file=error\/\.mlproject\.yaml,line=13,col=5,endLine=13,endColumn=17,title=unknown-step::Unknown step "projct-brief"/);
  assert.equal(r.out.trimEnd().split('\n').length, 1);
});

test('--format sarif: version 2.1.0, the rule in the driver, one result with its region', async () => {
  const r = await run('check', 'error', '--format', 'sarif');
  assert.equal(r.code, 1);
  const log = JSON.parse(r.out);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  assert.deepEqual(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id), ['unknown-step']);
  assert.equal(log.runs[0].results.length, 1);
  const res = log.runs[0].results[0];
  assert.equal(res.ruleId, 'unknown-step');
  assert.equal(res.level, 'error');
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'error/.mlproject.yaml');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 13, startColumn: 5, endLine: 13, endColumn: 17 });
});

test('a folder is searched for plans; several plans are checked together', async () => {
  const r = await run('check', 'clean', 'warn', 'error');
  assert.equal(r.code, 1);
  assert.match(r.out, /1 error, 1 warning\n$/);
});

test('bad usage exits 2 with one line on stderr and no stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['check', '--nope'], /^mlproject check: Unknown option '--nope'/],
    [['check', 'clean', '--format', 'xml'], /^mlproject check: --format must be one of text, json, github, sarif, not "xml"$/],
    [['check', 'does-not-exist'], /^mlproject check: cannot read does-not-exist: no such file or folder$/],
    [['check', 'empty-folder'], /^mlproject check: no \.mlproject\.yaml found in empty-folder/],
    [['check', 'clean', '--max-warnings', 'many'], /^mlproject check: --max-warnings takes a whole number/],
    [['check', 'clean', '--today', 'tomorrow'], /^mlproject check: --today takes a date as YYYY-MM-DD/],
  ];
  for (const [argv, message] of cases) {
    const r = await run(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err.trimEnd(), message);
    assert.equal(r.err.trimEnd().split('\n').length, 1, r.err);
    assert.doesNotMatch(r.err, /\n\s+at /);
    assert.equal(r.out, '');
  }
});

test('unreadable input (a plan that is a dangling symbolic link): exit 2, one line', async () => {
  const root = project('dangling', undefined, {});
  symlinkSync(path.join(root, 'gone.yaml'), path.join(root, '.mlproject.yaml'));
  const r = await run('check', 'dangling');
  assert.equal(r.code, 2);
  assert.match(r.err, /^mlproject check: cannot read .*\.mlproject\.yaml: no such file or folder\n$/);
});

test('check --help exits 0 with the usage', async () => {
  const r = await run('check', '--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: mlproject check/);
});

test('--max-warnings with an empty value is bad usage', async () => {
  assert.equal((await run('check', 'clean', '--max-warnings', '')).code, 2);
});

test('hints (steps ready to mark done) are printed only with --hints', async () => {
  const io = fakeIO(path.resolve(__dirname, '../../..'));
  assert.equal(await runCli(['check', 'examples/genre-tagger', '--today', '2026-11-26'], io), 0);
  assert.equal(io.stdoutText, '0 errors, 0 warnings\n');
  const withHints = fakeIO(path.resolve(__dirname, '../../..'));
  assert.equal(await runCli(['check', 'examples/genre-tagger', '--today', '2026-11-26', '--hints'], withHints), 0);
  assert.match(withHints.stdoutText, /^examples\/genre-tagger\/\.mlproject\.yaml:44:17 hint step-ready The workspace shows step "evaluation" is done/m);
});

test('--count-evidence judges the plan with counted evidence, as the editor setting does', async () => {
  const firstDay = path.resolve(__dirname, '../../editor/fixtures/first-day');
  const plain = await run('check', firstDay, '--today', '2026-11-26');
  assert.equal(plain.code, 0, plain.err);
  assert.doesNotMatch(plain.out, /manual-evaluation/);
  // Discover's three steps have evidence: counted, Define is the current phase and its pitfall shows.
  const counted = await run('check', firstDay, '--today', '2026-11-26', '--count-evidence');
  assert.equal(counted.code, 0);
  assert.match(counted.out, /warning manual-evaluation /);
});
