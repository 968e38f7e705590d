// The Slurm suite's cluster: scripts/slurm/testCluster.cjs (installing Slurm when it is missing and we are root),
// with the client environment on top of ours. Under CI=true a Slurm that still cannot start fails the tests instead
// of skipping them.
import { startTestCluster as startCluster } from '../../../scripts/slurm/testCluster.cjs';

export interface TestCluster {
  dir: string;
  conf: string;
  /** the environment for Slurm clients (SLURM_CONF points at this cluster) */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

/** Starts a cluster, or returns the reason it cannot (throws instead under CI=true). */
export function startTestCluster(cpus = 8): TestCluster | { skip: string } {
  const c = startCluster({ cpus, install: true, keepDir: process.env.MLP_KEEP_SLURM_DIR === '1' });
  if ('skip' in c) {
    if (process.env.CI === 'true') throw new Error(`CI=true and ${c.skip}`);
    return c;
  }
  return { ...c, env: { ...process.env, ...c.env } };
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
