// The host suite's Slurm cluster (scripts/slurm/testCluster.cjs, a node of 4 CPUs): its SLURM_CONF goes into
// code-server's environment, so the extension host's sbatch and squeue reach it. When it cannot start, the reason is
// passed on instead (MLPROJECT_SLURM_SKIP) and the cluster tests skip; under CI=true the runner fails.
import testCluster from '../../scripts/slurm/testCluster.cjs';

/** @returns {{ env: Record<string,string>, stop: () => void } | { skip: string }} */
export function startSlurmCluster() {
  return testCluster.startTestCluster({ cpus: 4, install: true, prefix: 'mlp-slurm-editor-' });
}
