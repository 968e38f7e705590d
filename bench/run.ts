// `npm run bench`: how fast is the check the extension runs on every keystroke, next to real alternatives, measured
// side by side in one process run. See docs/performance.md (written by this script) for the method and results.
// This file is the entry point and the order of the run: each plan size (bench/measureEngines.ts), memory per engine
// in fresh processes, the CLI and history (bench/measureCliSizesHistory.ts), the statistics (bench/measureStats.ts), the
// sweep, keystroke → squiggle in the real editor (bench/measureEditorLatency.ts), then the tables on stdout, the raw
// JSON and the docs (bench/report.ts). Options and fixed inputs are in bench/settings.ts.
//
//   node --expose-gc --import tsx bench/run.ts [--quick] [--no-docs] [--json <file>]
//
// --quick    fewer rounds (a smoke test, not for publishing)
// --no-docs  do not rewrite docs/performance.md
// --json     also write the raw results as JSON
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './engines';
import { benchCli, benchHistory, fileSize, newestVsix } from './measureCliSizesHistory';
import { benchSize, probeMemory, type SizeResult } from './measureEngines';
import { benchSweep } from './measureSweep';
import { benchStats } from './measureStats';
import { bundleParts } from './bundleParts';
import { benchEditorLatency } from './measureEditorLatency';
import { buildReport, machine, renderPerformanceDoc } from './report';
import { slurmSection, withSlurmSection } from './slurmSection';
import { JSON_OUT, QUICK, SIZES, WRITE_DOCS, gc, log } from './settings';
import { fmtBytes, fmtMs } from './stats';

async function main(): Promise<void> {
  const started = performance.now();
  const m = machine();
  log(`mlproject bench: ${m.cpu}, ${m.cores} cores, node ${m.node}${gc ? '' : ' (no --expose-gc: no GC between phases)'}${QUICK ? ', QUICK' : ''}`);
  const sizes: SizeResult[] = [];
  for (const lines of SIZES) sizes.push(await benchSize(lines));

  log('\n== memory (fresh process per engine)');
  for (const s of sizes) {
    const target = SIZES[sizes.indexOf(s)];
    for (const key of ['floor', 'mlproject', 'yamlls-inproc']) {
      const e = s.engines[key];
      if (!e?.available) continue;
      e.memory = probeMemory(key, target);
      if (key === 'mlproject') s.engines.incremental.memory = { note: 'see full check' };
      log(`${key} ${s.lines} lines: peak RSS Δ ${fmtBytes(e.memory.peakRssDelta)}, retained heap Δ ${fmtBytes(e.memory.retainedHeapDelta)}${e.memory.note ? ' ' + e.memory.note : ''}`);
    }
  }

  log('\n== CLI');
  const cli = benchCli();
  log(cli.available ? `cli ${fmtMs(cli.cliMs!)} vs node -e 0 ${fmtMs(cli.nodeMs!)} (exit ${cli.exitCode})` : cli.note!);

  log('\n== history');
  const history = await benchHistory(100_000);
  if (history.available) history.memory = probeMemory('summarise', 100_000);
  log(history.available ? `summariseHistory(100,000 runs): ${fmtMs(history.ms!)}` : history.note!);

  log('\n== sweep');
  const sweep = benchSweep();
  log(sweep.available ? `sweep of 12 runs, parallel 2: ${fmtMs(sweep.wallMs!)} vs ideal ${fmtMs(sweep.idealMs)}` : sweep.note!);
  log('\n== statistics');
  const stats = benchStats(100_000);
  log(`summarizeCandidates(100,000 runs): every run counted ${fmtMs(stats.allMs)}, latest sweep ${fmtMs(stats.latestMs)}`);

  log('\n== keystroke → squiggle in the real editor (code-server + chromium)');
  const editor = await benchEditorLatency(QUICK ? 5 : 20);
  log(editor.available ? `median ${fmtMs(editor.summary!.median)} over ${editor.samples.length} keystrokes (${editor.vsix})` : editor.note!);

  const bundle = fileSize('dist/extension.js');
  const parts = await bundleParts();
  const vsix = newestVsix();
  const totalS = (performance.now() - started) / 1000;

  const report = buildReport({ sizes, cli, history, stats, bundle, bundleParts: parts, vsix, sweep, editor });
  const { timingTable, targetTable, memTable, notes, targets } = report;

  process.stdout.write(`\n${timingTable}\n\n${targetTable}\n\n${memTable}\n\n${notes.join('\n')}\nbench took ${totalS.toFixed(0)} s\n`);

  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ machine: m, sizes, cli, history, stats, bundle, vsix, sweep, editor, targets }, null, 2));
  if (WRITE_DOCS && !QUICK) {
    const doc = path.join(REPO_ROOT, 'docs/performance.md');
    const kept = slurmSection(readFileSync(doc, 'utf8')); // written by bench/slurm.ts
    writeFileSync(doc, withSlurmSection(renderPerformanceDoc(report, m, sizes, totalS), kept));
    log('wrote docs/performance.md');
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exitCode = 1;
});
