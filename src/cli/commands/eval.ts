// `mlproject eval`: runs `evaluation.command` for one candidate headless, streams its output, records the run in
// the same history the editor writes, and prints how it compares with the baseline and the success criteria.
import { summarizeCandidates, targetsMet, type RunScope } from '../../core/runs/candidateStats';
import { compareRun } from '../../core/runs/compare';
import { executeRun } from '../../core/runs/execute';
import { finishRun } from '../../core/runs/finish';
import { readHistory } from '../../core/runs/history';
import { prepareRun, RunSetupError } from '../../core/runs/prepare';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandHandler } from '../io';
import { parseOptions } from '../options';
import { comparisonJson, resultLine } from './runsFormat';
import { sampleOption, statsJson, statsLines } from './runsStats';
import { loadRunsWorkspace } from './runsWorkspace';

export const help = `Usage: mlproject eval [path] [--candidate id] [--note text] [--require-targets[=confident]]
                     [--sample latest|all] [--json]

Runs evaluation.command of the plan for one candidate, records the run in the run history
(.mlproject/runs.jsonl unless evaluation.history says otherwise) and prints its metrics with the
change against the latest baseline run and a check against each success criterion, then the
candidate's statistics: n, each metric's mean with its 95% interval, the difference from the
baseline candidate with its 95% Welch interval and a verdict (better, worse, within noise).

  path               the plan file or its folder (default: the current folder)
  --candidate id     the candidate to evaluate (default: decision.chosen)
  --note text        what this run is trying to show
  --require-targets  exit 1 when a success criterion is missed or missing on the mean
  --require-targets=confident
                     exit 1 unless every criterion's whole 95% interval is on the right side of its
                     target (never with one run: one run has no interval)
  --sample latest    statistics over the candidate's latest sweep, or its latest run (the default)
  --sample all       statistics over every ok run under the current command and params
  --json             print the run record and its comparison as JSON (the command's output goes to stderr)

Exit codes: 0 the run succeeded (and met the targets, with --require-targets); 1 the run failed, timed out,
was cancelled, its metrics file was missing or malformed, or a target was missed; 2 bad usage or plan.`;

interface EvalArgs {
  path?: string;
  candidate?: string;
  note?: string;
  requireTargets?: 'mean' | 'confident';
  scope: RunScope;
  json: boolean;
  help: boolean;
}

/** `--require-targets` takes an optional value, which util.parseArgs cannot express: it is taken out first. */
function takeRequireTargets(argv: string[]): { rest: string[]; gate?: 'mean' | 'confident' } {
  const rest: string[] = [];
  let gate: 'mean' | 'confident' | undefined;
  let ended = false;
  for (const a of argv) {
    if (!ended && a.startsWith('--require-targets=')) {
      const v = a.slice('--require-targets='.length);
      if (v !== 'confident' && v !== 'mean') throw new UsageError(`--require-targets takes confident or mean, not "${v}"`);
      gate = v;
    } else rest.push(a);
    if (a === '--') ended = true;
  }
  return { rest, gate };
}

function parse(argv: string[]): EvalArgs {
  const taken = takeRequireTargets(argv);
  const { values, positionals } = parseOptions(taken.rest, {
    candidate: { type: 'string', short: 'c' },
    note: { type: 'string', short: 'm' },
    'require-targets': { type: 'boolean' },
    sample: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one path, got: ${positionals.join(' ')}`);
  return {
    path: positionals[0],
    candidate: values.candidate,
    note: values.note,
    requireTargets: taken.gate ?? (values['require-targets'] === true ? 'mean' : undefined),
    scope: sampleOption(values.sample),
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
  let prepared;
  try {
    prepared = await prepareRun(ws.plan, { root: ws.root, candidateId: args.candidate, note: args.note, env: io.env, source: 'cli' });
  } catch (e) {
    if (e instanceof RunSetupError) throw new UsageError(e.message);
    throw e;
  }
  io.stderr(`▶ ${prepared.candidate} (run ${prepared.runId}): ${prepared.command}\n`);

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
  const stats = summarizeCandidates(history.runs, ws.plan, { scope: args.scope }).find((s) => s.candidate === record.candidate);

  if (args.json) io.stdout(JSON.stringify({ ...comparisonJson(cmp), statistics: stats ? statsJson(stats) : null }, null, 2) + '\n');
  else io.stdout(resultLine(cmp) + '\n' + (stats && record.status === 'ok' ? statsLines(stats, args.scope) + '\n' : ''));
  if (history.corrupt.length > 0) {
    io.stderr(`warning: ${history.corrupt.length} corrupt line(s) in ${prepared.historyFile} were skipped (first: line ${history.corrupt[0].line}: ${history.corrupt[0].error})\n`);
  }

  if (record.status !== 'ok') return EXIT_FAILED;
  if (args.requireTargets && !(stats && targetsMet(stats, args.requireTargets))) {
    const confident = args.requireTargets === 'confident';
    const missed = (stats?.targets ?? []).filter((t) => t.status !== 'met-confident' && (confident || t.status !== 'met-on-mean'));
    const why = confident && stats?.n === 1 ? ' (n=1: one run has no interval; repeat the run)' : '';
    io.stderr(
      cmp.criteria.length === 0
        ? 'error: --require-targets, but the plan has no goal.success_criteria\n'
        : `error: success criteria not met${confident ? ' with confidence' : ''}: ${missed.map((t) => t.metric).join(', ')}${why}\n`,
    );
    return EXIT_FAILED;
  }
  return EXIT_OK;
};
