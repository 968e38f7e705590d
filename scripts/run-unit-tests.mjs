// Runs the plain-Node test suites (unit, CLI, robustness) with node's test runner, TypeScript loaded by tsx.
// Usage: node scripts/run-unit-tests.mjs [folder-or-file...]   (default: test/unit test/robustness test/slurm)
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { spawnSync } from 'child_process';

function collect(p, out) {
  const st = statSync(p);
  if (st.isFile()) {
    if (/\.test\.ts$/.test(p)) out.push(p);
    return;
  }
  for (const name of readdirSync(p).sort()) {
    if (name === 'fixtures' || name.startsWith('.')) continue;
    collect(join(p, name), out);
  }
}

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test/unit', 'test/robustness', 'test/slurm'];
const files = [];
for (const r of roots) {
  try {
    collect(r, files);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(res.status ?? 1);
