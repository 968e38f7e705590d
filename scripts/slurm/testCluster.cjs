// A throwaway single-node Slurm cluster for the Slurm suite, the editor's cluster tests and the Slurm benchmark:
// start.sh in a temporary folder on a random port (a few tries, a port may be taken), stopped by its pid files with
// stop.sh. When Slurm is missing and `install` is set, install.sh installs it if we are root. A cluster that cannot
// start is reported as `{ skip: reason }`: each caller decides whether that skips its tests or fails them (CI=true).
// CommonJS, so that the TypeScript run by tsx and the plain ES modules of the editor runner load the same file.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SCRIPTS = __dirname;
const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;

function hasSlurm() {
  return ['slurmctld', 'slurmd', 'sbatch'].every((tool) =>
    spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { env: { ...process.env, PATH } }).status === 0);
}

function run(script, args, env = {}) {
  return spawnSync('bash', [path.join(SCRIPTS, script), ...args], { encoding: 'utf8', env: { ...process.env, PATH, ...env }, timeout: 30_000 });
}

const lastLine = (r) => (r.stderr || r.stdout || '').trim().split('\n').pop();

/**
 * Starts a cluster whose node announces `cpus` CPUs.
 * @param {{ cpus?: number, install?: boolean, prefix?: string, keepDir?: boolean }} [options]
 * @returns {{ dir: string, conf: string, env: { SLURM_CONF: string }, stop: () => void } | { skip: string }}
 */
function startTestCluster(options = {}) {
  const cpus = options.cpus ?? os.cpus().length;
  if (!hasSlurm()) {
    if (!options.install) return { skip: 'Slurm is not installed (scripts/slurm/install.sh installs it)' };
    if (process.getuid?.() !== 0) return { skip: 'Slurm is not installed and installing it needs root: run scripts/slurm/install.sh' };
    const r = run('install.sh', []);
    if (r.status !== 0 || !hasSlurm()) return { skip: `Slurm could not be installed: ${lastLine(r)}` };
  }
  if (process.getuid?.() !== 0) return { skip: 'the test cluster runs its daemons as root (SlurmUser=root): run the tests as root' };
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'mlp-slurm-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const remove = () => fs.rmSync(dir, { recursive: true, force: true });
    const r = run('start.sh', [dir, String(port)], { MLP_SLURM_CPUS: String(cpus) });
    if (r.status === 0) {
      const conf = path.join(dir, 'slurm.conf');
      const stop = () => {
        run('stop.sh', [dir]);
        if (!options.keepDir) remove();
      };
      return { dir, conf, env: { SLURM_CONF: conf }, stop };
    }
    last = lastLine(r);
    run('stop.sh', [dir]); // whatever did start
    remove();
  }
  return { skip: `the test Slurm cluster did not start: ${last}` };
}

module.exports = { startTestCluster };
