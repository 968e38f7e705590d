// `mlproject eval`: runs `evaluation.command` for one candidate headless, streams its output, records the run in
// the same history the editor writes, and prints how it compares with the baseline and the success criteria.
import { compareRun } from '../../core/runs/compare';
import { executeRun } from '../../core/runs/execute';
import { finishRun } from '../../core/runs/finish';
import { readHistory } from '../../core/runs/history';
import { prepareRun, RunSetupError } from '../../core/runs/prepare';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandHandler } from '../io';
import { parseOptions } from '../options';
import { evalOnSlurm, slurmSettingsFor } from './evalSlurm';
import { comparisonJson, resultLine } from './runsFormat';
import { loadRunsWorkspace } from './runsWorkspace';

export const help = `Usage: mlproject eval [path] [--candidate id] [--note text] [--require-targets] [--wait] [--json]

Runs evaluation.command of the plan for one candidate, records the run in the run history
(.mlproject/runs.jsonl unless evaluation.history says otherwise) and prints its metrics with the
change against the latest baseline run and a check against each success criterion.

  path               the plan file or its folder (default: the current folder)
  --candidate id     the candidate to evaluate (default: decision.chosen)
  --note text        what this run is trying to show
  --require-targets  exit 1 when a success criterion is missed or missing
  --wait             with evaluation.executor: slurm, wait for the job to end, streaming its log (Ctrl+C
                     cancels it); without --wait the job is submitted and \`mlproject runs --sync\` records it
  --json             print the run record and its comparison as JSON (the command's output goes to stderr)

Exit codes: 0 the run succeeded (and met the targets, with --require-targets); 1 the run failed, timed out,
was cancelled, its metrics file was missing or malformed, or a target was missed; 2 bad usage or plan.`;

interface EvalArgs {
  path?: string;
  candidate?: string;
  note?: string;
  requireTargets: boolean;
  wait: boolean;
  json: boolean;
  help: boolean;
}

function parse(argv: string[]): EvalArgs {
  const { values, positionals } = parseOptions(argv, {
    candidate: { type: 'string', short: 'c' },
    note: { type: 'string', short: 'm' },
    'require-targets': { type: 'boolean' },
    wait: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one path, got: ${positionals.join(' ')}`);
  return {
    path: positionals[0],
    candidate: values.candidate,
    note: values.note,
    requireTargets: values['require-targets'] === true,
    wait: values.wait === true,
    json: values.json === true,
    help: values.help === true,
  };
}

export const evalCommand: CommandHandler = async (argv, io) => {
  const args = parse(argv);
  if (args.help) {
    io.stdout(help + '\n');
    return EXIT_OK;
  }
  const ws = await loadRunsWorkspace(args.path, io.cwd);
  const slurm = slurmSettingsFor(ws.plan);
  let prepared;
  try {
    prepared = await prepareRun(ws.plan, { root: ws.root, candidateId: args.candidate, note: args.note, env: io.env, source: 'cli' });
  } catch (e) {
    if (e instanceof RunSetupError) throw new UsageError(e.message);
    throw e;
  }
  io.stderr(`▶ ${prepared.candidate} (run ${prepared.runId}): ${prepared.command}\n`);
  if (slurm) return evalOnSlurm(ws.root, ws.plan, [prepared], slurm, args, io);

  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  let outcome;
  try {
    outcome = await executeRun(prepared, {
      signal: abort.signal,
      env: io.env,
      onOutput: (text, stream) => (stream === 'stdout' && !args.json ? io.stdout(text) : io.stderr(text)),
    });
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  const record = await finishRun(prepared, outcome);
  const history = await readHistory(prepared.historyFile);
  const cmp = compareRun(record, history.runs, ws.plan);

  if (args.json) io.stdout(JSON.stringify(comparisonJson(cmp), null, 2) + '\n');
  else io.stdout(resultLine(cmp) + '\n');
  if (history.corrupt.length > 0) {
    io.stderr(`warning: ${history.corrupt.length} corrupt line(s) in ${prepared.historyFile} were skipped (first: line ${history.corrupt[0].line}: ${history.corrupt[0].error})\n`);
  }

  if (record.status !== 'ok') return EXIT_FAILED;
  if (args.requireTargets && !cmp.targetsMet) {
    const missed = cmp.criteria.filter((c) => c.status !== 'pass').map((c) => c.metric);
    io.stderr(
      cmp.criteria.length === 0
        ? 'error: --require-targets, but the plan has no goal.success_criteria\n'
        : `error: success criteria not met: ${missed.join(', ')}\n`,
    );
    return EXIT_FAILED;
  }
  return EXIT_OK;
};
