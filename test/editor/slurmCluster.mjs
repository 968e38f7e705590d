// A throwaway single-node Slurm cluster for the host suite's cluster tests: scripts/slurm/start.sh in a temporary
// folder on a random port (a few tries), stopped by its pid files with scripts/slurm/stop.sh. Its SLURM_CONF goes
// into code-server's environment, so the extension host's sbatch and squeue reach it. When it cannot start, the
// reason is passed on instead (MLPROJECT_SLURM_SKIP) and the cluster tests skip; under CI=true the runner fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/editor/codeServer.mjs';

const SCRIPTS = path.join(REPO_ROOT, 'scripts/slurm');
const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;

const has = (tool) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { env: { ...process.env, PATH } }).status === 0;

/** @returns {{ env: Record<string,string>, stop: () => void } | { skip: string }} */
export function startSlurmCluster() {
  if (!['slurmctld', 'slurmd', 'sbatch'].every(has)) return { skip: 'Slurm is not installed (scripts/slurm/install.sh installs it)' };
  if (process.getuid?.() !== 0) return { skip: 'the test cluster runs its daemons as root: run the editor tests as root' };
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-slurm-editor-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const stop = () => {
      spawnSync('bash', [path.join(SCRIPTS, 'stop.sh'), dir], { timeout: 30_000 });
      fs.rmSync(dir, { recursive: true, force: true });
    };
    const r = spawnSync('bash', [path.join(SCRIPTS, 'start.sh'), dir, String(port)], {
      encoding: 'utf8', env: { ...process.env, PATH, MLP_SLURM_CPUS: '4' }, timeout: 30_000,
    });
    if (r.status === 0) return { env: { SLURM_CONF: path.join(dir, 'slurm.conf') }, stop };
    last = (r.stderr || r.stdout || '').trim().split('\n').pop();
    stop(); // whatever did start
  }
  return { skip: `the test Slurm cluster did not start: ${last}` };
}
