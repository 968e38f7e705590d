// Regenerates the run history bundled with examples/genre-tagger from real runs: copies the example (without its
// .mlproject folder) to a temporary folder, runs a sweep of every candidate with 3 seeds there with the built CLI,
// then one tuning run of the chosen candidate with twice the epochs, and copies the history and the run folders'
// metrics.json and log.txt back. Absolute paths of the temporary folder (`cwd`, the metrics file in `command`) are
// rewritten to workspace-relative ones, so tooltips and Copy Command never point at the machine that made them.
//   node scripts/build.mjs && node scripts/regenerate-example-runs.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(repo, 'examples', 'genre-tagger');
const cli = join(repo, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run node scripts/build.mjs first');

const tmp = mkdtempSync(join(tmpdir(), 'mlp-regenerate-'));
const ws = join(tmp, 'genre-tagger');
try {
  cpSync(example, ws, { recursive: true, filter: (src) => !src.endsWith(`${sep}.mlproject`) && !src.includes(`${sep}.mlproject${sep}`) });
  const evalRun = (...args) => {
    const r = spawnSync(process.execPath, [cli, 'eval', ...args], { cwd: ws, stdio: 'inherit', env: { PATH: process.env.PATH } });
    if (r.status !== 0) throw new Error(`mlproject eval ${args.join(' ')} exited with ${r.status}`);
  };
  evalRun('--all', '--repeat', '3', '--note', 'seed sweep: every candidate, 3 seeds');

  const planFile = join(ws, '.mlproject.yaml');
  const plan = readFileSync(planFile, 'utf8');
  const tuned = plan.replace('params: { hidden: 16, epochs: 60, learning_rate: 0.05 }', 'params: { hidden: 16, epochs: 120, learning_rate: 0.05 }');
  if (tuned === plan) throw new Error("the example plan's cnn params changed: update this script");
  writeFileSync(planFile, tuned);
  evalRun('--candidate', 'cnn', '--note', 'tuning: twice the epochs');
  writeFileSync(planFile, plan);

  const lines = readFileSync(join(ws, '.mlproject', 'runs.jsonl'), 'utf8').trimEnd().split('\n');
  const records = lines.map((line) => {
    const r = JSON.parse(line);
    r.cwd = '.';
    r.command = r.command.split(`${ws}${sep}`).join('');
    if (r.command.includes(tmp)) throw new Error(`an absolute path is left in: ${r.command}`);
    return r;
  });

  const runsDir = join(example, '.mlproject', 'runs');
  rmSync(runsDir, { recursive: true, force: true });
  for (const r of records) {
    mkdirSync(join(runsDir, r.id), { recursive: true });
    for (const file of ['metrics.json', 'log.txt']) {
      const from = join(ws, '.mlproject', 'runs', r.id, file);
      if (existsSync(from)) cpSync(from, join(runsDir, r.id, file));
    }
  }
  writeFileSync(join(example, '.mlproject', 'runs.jsonl'), records.map((r) => JSON.stringify(r) + '\n').join(''));
  console.log(`wrote ${records.length} runs to examples/genre-tagger/.mlproject`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
