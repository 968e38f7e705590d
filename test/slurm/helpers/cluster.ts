// A throwaway single-node Slurm cluster for the tests: scripts/slurm/start.sh in a temporary folder, on random
// ports, stopped by its pid files (scripts/slurm/stop.sh). When Slurm is missing, scripts/slurm/install.sh installs
// it if we are root; under CI=true a Slurm that still cannot start fails the tests instead of skipping them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPTS = path.join(ROOT, 'scripts/slurm');
const SBIN_PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;

export interface TestCluster {
  dir: string;
  conf: string;
  /** the environment for Slurm clients (SLURM_CONF points at this cluster) */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

function hasSlurm(): boolean {
  return ['slurmctld', 'slurmd', 'sbatch'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`], { env: { ...process.env, PATH: SBIN_PATH } }).status === 0);
}

/** Starts a cluster, or returns the reason it cannot (throws instead under CI=true). */
export function startTestCluster(cpus = 8): TestCluster | { skip: string } {
  const ci = process.env.CI === 'true';
  const fail = (why: string): { skip: string } => {
    if (ci) throw new Error(`CI=true and ${why}`);
    return { skip: why };
  };
  if (!hasSlurm()) {
    if (process.getuid?.() !== 0) return fail('Slurm is not installed and installing it needs root: run scripts/slurm/install.sh');
    const r = spawnSync('bash', [path.join(SCRIPTS, 'install.sh')], { encoding: 'utf8', env: { ...process.env, PATH: SBIN_PATH } });
    if (r.status !== 0 || !hasSlurm()) return fail(`Slurm could not be installed: ${(r.stderr || r.stdout).trim().split('\n').pop()}`);
  }
  if (process.getuid?.() !== 0) return fail('the test cluster runs its daemons as root (SlurmUser=root); run the tests as root');
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlp-slurm-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const r = spawnSync('bash', [path.join(SCRIPTS, 'start.sh'), dir, String(port)], {
      encoding: 'utf8', env: { ...process.env, PATH: SBIN_PATH, MLP_SLURM_CPUS: String(cpus) }, timeout: 30_000,
    });
    if (r.status === 0) {
      const conf = path.join(dir, 'slurm.conf');
      return {
        dir, conf,
        env: { ...process.env, SLURM_CONF: conf },
        stop: () => {
          spawnSync('bash', [path.join(SCRIPTS, 'stop.sh'), dir], { timeout: 30_000 });
          if (process.env.MLP_KEEP_SLURM_DIR !== '1') rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    last = (r.stderr || r.stdout || '').trim();
    spawnSync('bash', [path.join(SCRIPTS, 'stop.sh'), dir], { timeout: 30_000 }); // whatever did start
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
  return fail(`the test Slurm cluster did not start: ${last}`);
}

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined> | T | undefined, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
