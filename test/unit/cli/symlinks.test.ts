// "Paths never leave the workspace", proved through the CLI for each kind of path: the plan, the brief, the brief
// template, the decision folder, the run history, the run folder and the metrics file. A symbolic link that leads
// outside (a file link, a folder link, or a parent-folder link) is refused with a message naming the link, and a
// secret outside the workspace is never changed, never read into any output, and never copied into a written file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

const SECRET = `TOP-SECRET-${process.pid}-${Date.now()}`;

function plan(extra = ''): string {
  return `version: 1
project:
  name: safe
  lead: Dana
candidates:
  - { id: base, baseline: true }
  - { id: cnn, expected_gain: high, cost: low }
checklist:
  discover:
    business-metric: todo
evaluation:
  command: "printf '{\\"acc\\": 0.5}' > \${metricsFile}; touch ran.marker"
${extra}`;
}

interface Ws {
  ws: string;
  outside: string;
  secretFile: string;
  run(...argv: string[]): Promise<{ code: number; out: string }>;
}

function scenario(name: string, planExtra: string, setup: (w: Ws) => void, check: (w: Ws) => Promise<void>): void {
  test(name, async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'mlp-links-'));
    try {
      const ws = path.join(base, 'ws');
      const outside = path.join(base, 'outside');
      mkdirSync(ws);
      mkdirSync(path.join(outside, 'dir'), { recursive: true });
      const secretFile = path.join(outside, 'secret.txt');
      writeFileSync(secretFile, `${SECRET}\n`);
      writeFileSync(path.join(outside, 'plan.yaml'), `${plan(planExtra)}# ${SECRET}\n`);
      writeFileSync(path.join(ws, '.mlproject.yaml'), plan(planExtra));
      const w: Ws = {
        ws, outside, secretFile,
        run: async (...argv) => {
          let out = '';
          const io: CliIO = { cwd: ws, env: { PATH: process.env.PATH }, isTTY: false, stdout: (t) => { out += t; }, stderr: (t) => { out += t; } };
          const code = await runCli(argv, io);
          assert.ok(!out.includes(SECRET), `the secret appeared in the output of ${argv.join(' ')}: ${out}`);
          return { code, out };
        },
      };
      setup(w);
      const before = walk(outside).join('\n');
      await check(w);
      assert.equal(walk(outside).join('\n'), before, 'the outside folder is byte-for-byte untouched');
      for (const line of walk(ws)) assert.ok(!line.includes(SECRET), `the secret was copied into the workspace: ${line}`);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
}

/** Every entry (never following links) with its content. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return [`${prefix}${name} -> ${readlinkSync(p)}`];
    if (st.isDirectory()) return [`${prefix}${name}/`, ...walk(p, `${prefix}${name}/`)];
    return [`${prefix}${name}: ${st.size > 1e6 ? `${st.size} bytes` : readFileSync(p, 'utf8')}`];
  });
}

function refused(r: { code: number; out: string }, link: string): void {
  assert.equal(r.code, 2, r.out);
  assert.ok(r.out.includes(`${link} is a symbolic link that leads outside the workspace`), `the message names ${link}: ${r.out}`);
}

const link = (target: string, at: string) => (w: Ws): void => {
  mkdirSync(path.dirname(path.join(w.ws, at)), { recursive: true });
  symlinkSync(path.isAbsolute(target) ? target : path.join(w.outside, target), path.join(w.ws, at));
};

// ---- the plan ----

scenario('plan: a link to outside is neither read (check, runs) nor written (mark)', '', (w) => {
  rmSync(path.join(w.ws, '.mlproject.yaml'));
  link('plan.yaml', '.mlproject.yaml')(w);
}, async (w) => {
  refused(await w.run('mark', 'business-metric', 'done'), '.mlproject.yaml');
  refused(await w.run('check', '.'), '.mlproject.yaml');
  refused(await w.run('runs'), '.mlproject.yaml');
  assert.ok(lstatSync(path.join(w.ws, '.mlproject.yaml')).isSymbolicLink(), 'the link is not replaced by a regular file');
});

scenario('plan: a link to a file inside the workspace is written through and stays a link', '', (w) => {
  mkdirSync(path.join(w.ws, 'config'));
  writeFileSync(path.join(w.ws, 'config', 'plan.yaml'), readFileSync(path.join(w.ws, '.mlproject.yaml')));
  rmSync(path.join(w.ws, '.mlproject.yaml'));
  symlinkSync(path.join('config', 'plan.yaml'), path.join(w.ws, '.mlproject.yaml'));
}, async (w) => {
  const r = await w.run('mark', 'business-metric', 'done');
  assert.equal(r.code, 0, r.out);
  assert.ok(lstatSync(path.join(w.ws, '.mlproject.yaml')).isSymbolicLink());
  assert.match(readFileSync(path.join(w.ws, 'config', 'plan.yaml'), 'utf8'), /business-metric: done/);
});

// ---- the brief and its template ----

for (const [what, setup, shown] of [
  ['a file link', link('secret.txt', 'docs/brief.md'), 'docs/brief.md'],
  ['a folder link', link('dir', 'docs'), 'docs'],
  ['a parent-folder link', link(path.join('..', 'outside'), 'up'), 'up'],
] as const) {
  const rel = shown === 'up' ? 'up/secret.txt' : 'docs/brief.md';
  scenario(`brief: ${what} is refused by --check, --update and create`, `  history: .mlproject/runs.jsonl\n`, (w) => {
    if (shown === 'up') symlinkSync(w.outside, path.join(w.ws, 'up'));
    else setup(w);
  }, async (w) => {
    refused(await w.run('brief', '--out', rel, '--check'), shown);
    refused(await w.run('brief', '--out', rel, '--update'), shown);
    refused(await w.run('brief', '--out', rel), shown);
    assert.doesNotMatch(readFileSync(path.join(w.ws, '.mlproject.yaml'), 'utf8'), /brief:/, 'project.brief is not set');
  });
}

scenario('brief template: a link to outside (file or parent folder) is refused', '', (w) => {
  link('secret.txt', 'tpl.md')(w);
  symlinkSync(w.outside, path.join(w.ws, 'shared'));
}, async (w) => {
  refused(await w.run('brief', '--template', 'tpl.md', '--check'), 'tpl.md');
  refused(await w.run('brief', '--template', 'shared/secret.txt'), 'shared');
  assert.equal(existsSync(path.join(w.ws, 'docs')), false);
});

scenario('brief and template: over the size limit, refused with the limit', '', (w) => {
  mkdirSync(path.join(w.ws, 'docs'));
  writeFileSync(path.join(w.ws, 'docs', 'brief.md'), '');
  truncateSync(path.join(w.ws, 'docs', 'brief.md'), 17 * 1024 * 1024);
}, async (w) => {
  const r = await w.run('brief', '--check');
  assert.equal(r.code, 2, r.out);
  assert.match(r.out, /docs\/brief\.md is larger than 16 MB/);
  const t = await w.run('brief', '--template', 'docs/brief.md', '--out', 'b.md');
  assert.equal(t.code, 2, t.out);
  assert.match(t.out, /cannot read the template docs\/brief\.md: docs\/brief\.md is larger than 16 MB/);
});

// ---- the decision folder and record ----

for (const [what, setup, shown] of [
  ['the decisions folder is a link', link('dir', 'docs/decisions'), 'docs/decisions'],
  ['its parent folder is a link', link('dir', 'docs'), 'docs'],
] as const) {
  scenario(`decision: ${what} to outside: refused, nothing written`, '', setup, async (w) => {
    const r = await w.run('decision', '--chosen', 'cnn', '--rationale', 'cheap', '--date', '2026-12-01');
    refused(r, shown);
    assert.doesNotMatch(readFileSync(path.join(w.ws, '.mlproject.yaml'), 'utf8'), /chosen/);
  });
}

// ---- the run history, the run folder, the metrics file ----

scenario('history: a file link to outside is refused by runs and by eval (before the command runs)', '', link('secret.txt', '.mlproject/runs.jsonl'), async (w) => {
  refused(await w.run('runs'), '.mlproject/runs.jsonl');
  const r = await w.run('eval', '--candidate', 'base');
  refused(r, '.mlproject/runs.jsonl');
  assert.equal(existsSync(path.join(w.ws, 'ran.marker')), false, 'the command did not run');
  assert.deepEqual(readdirSync(path.join(w.ws, '.mlproject')), ['runs.jsonl'], 'no run folder was created');
});

scenario('history and run folders: a link to outside as .mlproject, or as the runs folder, is refused', '', link('dir', '.mlproject'), async (w) => {
  refused(await w.run('eval', '--candidate', 'base'), '.mlproject');
  rmSync(path.join(w.ws, '.mlproject'));
  mkdirSync(path.join(w.ws, '.mlproject'));
  symlinkSync(path.join(w.outside, 'dir'), path.join(w.ws, '.mlproject', 'runs'));
  refused(await w.run('eval', '--candidate', 'base'), '.mlproject/runs');
  assert.equal(existsSync(path.join(w.ws, 'ran.marker')), false);
});

scenario('history elsewhere: evaluation.history under a parent-folder link is refused', '  history: logs/runs.jsonl\n', link('dir', 'logs'), async (w) => {
  refused(await w.run('eval', '--candidate', 'base'), 'logs');
  refused(await w.run('runs'), 'logs');
});

scenario('metrics: a stale metrics file that links to outside is removed as a link; its target stays', '  metrics_file: out/metrics.json\n', link('secret.txt', 'out/metrics.json'), async (w) => {
  const r = await w.run('eval', '--candidate', 'base');
  assert.equal(r.code, 0, r.out);
  assert.equal(lstatSync(path.join(w.ws, 'out', 'metrics.json')).isFile(), true, 'the command wrote a regular file in place of the link');
  assert.match(readFileSync(path.join(w.ws, '.mlproject', 'runs.jsonl'), 'utf8'), /"acc":0\.5/);
});

scenario('metrics: a metrics folder that links to outside is refused before the command runs', '  metrics_file: out/metrics.json\n', link('dir', 'out'), async (w) => {
  refused(await w.run('eval', '--candidate', 'base'), 'out');
  assert.equal(existsSync(path.join(w.ws, 'ran.marker')), false);
});

scenario('metrics: a metrics file the command links to a secret is refused; not a byte of it reaches runs.jsonl', '', () => undefined, async (w) => {
  const text = readFileSync(path.join(w.ws, '.mlproject.yaml'), 'utf8')
    .replace(/command: .*/, `command: "ln -s ${w.secretFile} \${metricsFile}"`);
  writeFileSync(path.join(w.ws, '.mlproject.yaml'), text);
  const r = await w.run('eval', '--candidate', 'base');
  assert.equal(r.code, 1, r.out);
  const history = readFileSync(path.join(w.ws, '.mlproject', 'runs.jsonl'), 'utf8');
  assert.match(history, /"status":"metrics-error"/);
  assert.match(history, /metrics\.json is a symbolic link that leads outside the workspace/);
  assert.ok(!history.includes(SECRET.slice(0, 10)), history);
});

// ---- evaluation references (the check only looks at them; a link out reads as absent, never followed) ----

scenario('check: a dataset or script reference that links outside is never read into the output', '  data:\n', (w) => {
  link('secret.txt', 'data/test.csv')(w);
  link('secret.txt', 'eval.py')(w);
  link('secret.txt', '.mlproject/runs.jsonl')(w);
}, async (w) => {
  const r = await w.run('check', '.');
  assert.ok(r.code === 0 || r.code === 1, r.out);
});
