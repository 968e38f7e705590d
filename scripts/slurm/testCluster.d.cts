// Types of scripts/slurm/testCluster.cjs for the TypeScript that loads it (the Slurm suite, bench/slurm.ts).
export interface TestClusterOptions {
  /** the CPU count the node announces (default: the machine's) */
  cpus?: number;
  /** install Slurm with install.sh when it is missing and we are root */
  install?: boolean;
  /** the temporary folder's name prefix */
  prefix?: string;
  /** keep the cluster's folder (logs, state) after stop() */
  keepDir?: boolean;
}

export interface TestCluster {
  dir: string;
  conf: string;
  /** what Slurm clients need in their environment to reach this cluster */
  env: { SLURM_CONF: string };
  stop(): void;
}

export function startTestCluster(options?: TestClusterOptions): TestCluster | { skip: string };
