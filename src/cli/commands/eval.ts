// `mlproject eval`: runs `evaluation.command` headless for one candidate or a sweep (several candidates, several
// seeds, some at the same time), streams the output, records every run in the same history the editor writes, and
// prints how each compares with the baseline and the success criteria, then a summary of the sweep.
import { compareRun, type RunComparison } from '../../core/runs/compare';
import { localExecutor } from '../../core/runs/executor';
import { readHistory } from '../../core/runs/history';
import { RunSetupError, type PreparedRun } from '../../core/runs/prepare';
import { SweepRunner, type SweepEvent, type SweepRun } from '../../core/runs/scheduler';
import { planSweep, type SweepSpec } from '../../core/runs/sweep';
import { prepareSweepRuns } from '../../core/runs/sweepPrepare';
import { EXIT_OK, UsageError, type CliIO, type CommandHandler } from '../io';
import { help, parseEvalArgs, type EvalArgs } from './evalArgs';
import { evalOnSlurm, slurmSettingsFor } from './evalSlurm';
import { reportEval } from './evalReport';
import { resultLine } from './runsFormat';
import { loadRunsWorkspace } from './runsWorkspace';
import { PrefixedLines } from './sweepFormat';

export { help };

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Prints the events of a sweep: the start line, the output (prefixed while runs share the terminal), the result. */
function printer(io: CliIO, spec: SweepSpec, args: EvalArgs, compare: (run: SweepRun) => Promise<RunComparison>) {
  const prefixed = spec.parallel > 1 && spec.items.length > 1;
  const sweep = spec.items.length > 1;
  const out = (text: string): void => (args.json ? io.stderr(text) : io.stdout(text));
  const buffers = new Map<SweepRun, { stdout: PrefixedLines; stderr: PrefixedLines }>();
  const comparisons = new Map<SweepRun, RunComparison>();
  let printing: Promise<void> = Promise.resolve();
  const onEvent = (e: SweepEvent): void => {
    const label = e.run.item.label;
    if (e.type === 'started') {
      io.stderr(`▶ ${label} (run ${e.run.prepared.runId}): ${e.run.prepared.command}\n`);
      if (prefixed) buffers.set(e.run, { stdout: new PrefixedLines(`[${label}] `, out), stderr: new PrefixedLines(`[${label}] `, io.stderr) });
    } else if (e.type === 'output') {
      const b = buffers.get(e.run);
      if (b) b[e.stream].push(e.text);
      else if (e.stream === 'stdout') out(e.text);
      else io.stderr(e.text);
    } else if (e.type === 'finished') {
      const saved = e.run.saved;
      if (saved?.where === 'recovery') {
        io.stderr(`warning: ${saved.reason}\nthe run was saved to ${saved.file} and will be merged into the history by the next writer\n`);
      }
      const b = buffers.get(e.run);
      b?.stdout.flush();
      b?.stderr.flush();
      printing = printing.then(async () => {
        const cmp = await compare(e.run);
        comparisons.set(e.run, cmp);
        if (!args.json) io.stdout(`${sweep ? `[${label}] ` : ''}${resultLine(cmp)}\n`);
      });
    } else if (e.type === 'record-error') {
      io.stderr(`error: [${label}] run ${e.run.prepared.runId} finished but could not be recorded: ${e.error}\n`);
    }
  };
  return { onEvent, comparisons, done: () => printing };
}

/** MLPROJECT_LOCK_TIMEOUT in seconds, as milliseconds; unset means the default. */
function lockTimeoutMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`MLPROJECT_LOCK_TIMEOUT must be a number of seconds, got "${value}"`);
  return seconds * 1000;
}

export const evalCommand: CommandHandler = async (argv, io) => {
  const args = parseEvalArgs(argv);
  if (args.help) {
    io.stdout(help + '\n');
    return EXIT_OK;
  }
  const timeoutMs = lockTimeoutMs(io.env.MLPROJECT_LOCK_TIMEOUT);
  const ws = await loadRunsWorkspace(args.path, io.cwd);
  const slurm = slurmSettingsFor(ws.plan);
  let spec: SweepSpec;
  try {
    spec = planSweep(ws.plan, { all: args.all, candidates: args.candidates, repeats: args.repeat, parallel: args.parallel });
  } catch (e) {
    if (e instanceof RunSetupError) throw new UsageError(e.message);
    throw e;
  }
  const isSweep = args.all || args.repeat !== undefined || args.candidates.length > 1 || spec.items.length > 1;
  if (slurm) {
    // One batch job per run: every run of the sweep is prepared here and owned by no process while it waits.
    let prepared: PreparedRun[];
    try {
      prepared = await prepareSweepRuns(ws.plan, spec, { root: ws.root, note: args.note, env: io.env, source: 'cli' });
    } catch (e) {
      if (e instanceof RunSetupError) throw new UsageError(e.message);
      throw e;
    }
    for (const p of prepared) io.stderr(`▶ ${p.candidate} (run ${p.runId}): ${p.command}\n`);
    return evalOnSlurm(ws.root, ws.plan, prepared, slurm, { ...args, sweep: isSweep }, io);
  }

  const abort = new AbortController();
  const runner = new SweepRunner(ws.plan, spec, {
    root: ws.root, env: io.env, executor: localExecutor({ env: io.env }), signal: abort.signal, note: args.note, source: 'cli',
    finish: { lock: { timeoutMs, onWait: (m) => io.stderr(`${m}\n`) } },
  });
  let corruptWarning = '';
  const compare = async (run: SweepRun): Promise<RunComparison> => {
    const history = await readHistory(run.prepared.historyFile, run.prepared.root);
    if (history.corrupt.length > 0) {
      corruptWarning = `warning: ${history.corrupt.length} corrupt line(s) in ${run.prepared.historyFile} were skipped (first: line ${history.corrupt[0].line}: ${history.corrupt[0].error})\n`;
    }
    return compareRun(run.record!, history.runs, ws.plan);
  };
  const print = printer(io, spec, args, compare);
  runner.onEvent(print.onEvent);

  const onSignal = (): void => {
    if (!abort.signal.aborted && spec.items.length > 1) io.stderr('cancelling the sweep: stopping the running runs, recording the rest as cancelled\n');
    abort.abort();
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  let result;
  try {
    result = await runner.run();
  } catch (e) {
    if (e instanceof RunSetupError) throw new UsageError(e.message);
    throw e;
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  }
  await print.done();

  const comparisons = runner.runs.filter((r) => r.record).map((r) => print.comparisons.get(r)!);
  const historyFile = runner.runs[0]?.prepared.historyFile;
  const history = historyFile ? await readHistory(historyFile, ws.root) : { runs: [], corrupt: [] };
  return reportEval(io, ws.plan, args, {
    comparisons,
    history: history.runs,
    sweep: isSweep,
    ended: spec.items.length > 1 ? { sweepId: result.sweepId, cancelled: result.cancelled } : undefined,
    unrecorded: result.unrecorded.length,
    resultLines: false, // printed as each run finished
    warning: corruptWarning,
  });
};
