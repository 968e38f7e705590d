// The Slurm executor's overhead on a real single-node test cluster (scripts/slurm/start.sh, announcing the node's
// real CPU count), runnable on its own:
//
//   node --import tsx bench/slurm.ts [--no-docs]
//
// 1. overhead: 8 one-second jobs, one at a time; for each, the time from submitSlurmRun to its record being in the
//    history (waitForRuns, polling as `eval --wait` does) minus the job's own run time (the record's durationMs,
//    Slurm's start-to-end). Median over the 8. Target ≤ 3 s.
// 2. sweep: 16 one-second jobs (cpus=1) submitted at once, wall time from the first submission to the last
//    record, divided by the ideal ceil(16 / CPUs) s. Target ≤ 1.5×.
// Writes its section of docs/performance.md (between markers, kept by bench/run.ts) unless --no-docs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ProjectPlan } from '../src/core/model';
import { prepareRun } from '../src/core/runs/prepare';
import { slurmSettings } from '../src/core/runs/slurm/settings';
import { createSlurmClient } from '../src/core/runs/slurm/slurmProcess';
import { submitSlurmRun, submitSlurmRuns } from '../src/core/runs/slurm/submit';
import { waitForRuns } from '../src/core/runs/slurm/wait';
import { startTestCluster } from '../scripts/slurm/testCluster.cjs';
import { SLURM_BEGIN, SLURM_END, withSlurmSection } from './slurmSection';
import { summarise } from './stats';

const REPO = path.resolve(__dirname, '..');
const SWEEP = 16;
const SERIAL = 8;

function plan(): ProjectPlan {
  return {
    version: 1, candidates: [{ id: 'bench', baseline: true }], decision: { chosen: 'bench' },
    evaluation: { executor: 'slurm', command: 'sleep 1; echo \'{"x": 1}\' > ${metricsFile}', slurm: { cpus: 1, time: 5 } },
  };
}

async function main(): Promise<void> {
  const slots = cpus().length;
  const cluster = startTestCluster({ cpus: slots, install: true, prefix: 'mlp-slurm-bench-' });
  if ('skip' in cluster) throw new Error(cluster.skip);
  const ws = mkdtempSync(path.join(tmpdir(), 'mlp-slurm-bench-ws-'));
  const env = { ...process.env, ...cluster.env };
  try {
    const slurm = createSlurmClient({ env });
    const p = plan();
    const settings = slurmSettings(p);
    const load = loadavg().map((x) => x.toFixed(2)).join(', ');
    // warm-up: the first job after start pays for the node's first launch
    const warm = await submitSlurmRun(await prepareRun(p, { root: ws, env }), settings, slurm, { git: false });
    await waitForRuns(ws, [warm.pending!], slurm, { git: false });

    const overheads: number[] = [];
    for (let i = 0; i < SERIAL; i++) {
      const t0 = Date.now();
      const r = await submitSlurmRun(await prepareRun(p, { root: ws, env }), settings, slurm, { git: false });
      const [rec] = await waitForRuns(ws, [r.pending!], slurm, { git: false });
      if (rec.status !== 'ok') throw new Error(`bench job ${rec.id} ended ${rec.status}: ${rec.error}`);
      overheads.push(Date.now() - t0 - rec.durationMs);
      console.error(`overhead ${i + 1}/${SERIAL}: ${((Date.now() - t0 - rec.durationMs) / 1000).toFixed(2)} s (job ${rec.durationMs} ms)`);
    }
    const o = summarise(overheads);

    const prepared = [];
    for (let i = 0; i < SWEEP; i++) prepared.push(await prepareRun(p, { root: ws, env }));
    const t0 = Date.now();
    const submitted = await submitSlurmRuns(prepared, settings, slurm, { git: false });
    const recs = await waitForRuns(ws, submitted.map((s) => s.pending!), slurm, { git: false });
    const wall = (Date.now() - t0) / 1000;
    if (recs.some((r) => r.status !== 'ok')) throw new Error('a sweep job did not end ok');
    const ideal = Math.ceil(SWEEP / slots);
    const ratio = wall / ideal;
    console.error(`sweep: ${SWEEP} jobs on ${slots} slots in ${wall.toFixed(2)} s, ideal ${ideal} s: ${ratio.toFixed(2)}×`);

    const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
    const verdict = (ok: boolean): string => (ok ? 'met' : '**MISSED**');
    const section = `${SLURM_BEGIN}
## Slurm executor

Written by \`node --import tsx bench/slurm.ts\` (not part of \`npm run bench\`, which keeps this section): a
single-node test cluster started by \`scripts/slurm/start.sh\` announcing the machine's ${slots} CPUs, jobs of
\`sleep 1\` with \`cpus: 1\`, polled as \`mlproject eval --wait\` polls (\`waitForRuns\`: one \`squeue\` for all
pending jobs, from 200 ms backing off to 2 s). Date ${new Date().toISOString().slice(0, 10)}, commit ${rev}, load
average at the start ${load}.

| target | measured | target | verdict |
| --- | --- | --- | --- |
| Slurm overhead: submit to recorded run, minus the job's own run time, median over ${SERIAL} jobs | ${(o.median / 1000).toFixed(2)} s (IQR ${(o.p25 / 1000).toFixed(2)}–${(o.p75 / 1000).toFixed(2)} s) | ≤ 3 s | ${verdict(o.median <= 3000)} |
| a sweep of ${SWEEP} one-second jobs: wall time ÷ the ideal ceil(${SWEEP} / ${slots}) = ${ideal} s | ${ratio.toFixed(2)}× (${wall.toFixed(1)} s) | ≤ 1.5× | ${verdict(ratio <= 1.5)} |

Most of the overhead is Slurm's own: the job's run time counts from Slurm's start to end in whole seconds, and the
test cluster's backfill scheduler (\`bf_interval=1\`) starts a queued job within about a second.${ratio > 1.5 ? `
The sweep misses its target by the gap between waves: with ${slots} slots the ${SWEEP} jobs run in ${ideal} waves, and
each next wave starts at a scheduler pass after the previous jobs ended (about ${(((wall - ideal) / ideal) * 1000).toFixed(0)} ms per wave here,
on a machine whose load average was ${load}). In one trial \`sched/builtin\` was worse (about 2×); a job array was not tried.` : ''}
${SLURM_END}`;
    console.log(section);
    if (!process.argv.includes('--no-docs')) {
      const doc = path.join(REPO, 'docs/performance.md');
      writeFileSync(doc, withSlurmSection(readFileSync(doc, 'utf8'), section));
    }
  } finally {
    cluster.stop();
    rmSync(ws, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
