// `mlproject runs`: lists the run history, newest first, with each run's metrics against the latest baseline run
// and the success criteria. Corrupt history lines are reported on stderr and skipped.
import { resolveHistoryPath, readHistory, HistoryPathError } from '../../core/runs/history';
import { EXIT_OK, UsageError, type CommandHandler } from '../io';
import { parseOptions } from '../options';
import { summarizeCandidates } from '../../core/runs/candidateStats';
import { compareAll, comparisonJson, newestFirst, runsTable } from './runsFormat';
import { sampleOption, statsJson, statsTable } from './runsStats';
import { pendingSummary, syncForCli } from './runsSync';
import { loadRunsWorkspace } from './runsWorkspace';

export const help = `Usage: mlproject runs [path] [--format table|json] [--candidate id] [--limit n] [--sample latest|all] [--sync]

Lists the recorded evaluation runs, newest first, with each metric's change against the latest
successful baseline run and a check (✓/✗) against each success criterion; then, per candidate and
metric, n, the mean and its 95% interval, the difference from the baseline candidate with its 95%
Welch interval and a verdict (better, worse, within noise), and each target met with confidence,
on the mean only, or missed.

  path              the plan file or its folder (default: the current folder)
  --format          table (default) or json
  --candidate id    only the runs of this candidate
  --limit n         at most n runs (default: 20 for a table, all for json)
  --sample latest   statistics over each candidate's latest sweep, or its latest run (the default)
  --sample all      statistics over every ok run under the current command and params
  --sync            first record the pending Slurm runs whose jobs have ended, and list those still pending`;

export const runs: CommandHandler = async (argv, io) => {
  const { values, positionals } = parseOptions(argv, {
    format: { type: 'string', short: 'f' },
    candidate: { type: 'string', short: 'c' },
    limit: { type: 'string', short: 'n' },
    sample: { type: 'string' },
    sync: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(help + '\n');
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`expected at most one path, got: ${positionals.join(' ')}`);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not "${format}"`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) throw new UsageError(`--limit must be a whole number of at least 1, not "${values.limit}"`);
    limit = Number(values.limit);
  } else if (format === 'table') limit = 20;
  const scope = sampleOption(values.sample);

  const ws = await loadRunsWorkspace(positionals[0], io.cwd);
  let historyFile: string;
  try {
    historyFile = resolveHistoryPath(ws.root, ws.plan);
  } catch (e) {
    if (e instanceof HistoryPathError) throw new UsageError(e.message);
    throw e;
  }
  const pending = values.sync ? await syncForCli(ws.root, io) : undefined;
  const history = await readHistory(historyFile, ws.root);
  for (const c of history.corrupt) io.stderr(`warning: ${historyFile}:${c.line}: ${c.error}; line skipped\n`);

  let runs = newestFirst(history.runs);
  if (values.candidate !== undefined) runs = runs.filter((r) => r.candidate === values.candidate);
  const total = runs.length;
  if (limit !== undefined) runs = runs.slice(0, limit);
  const cmps = compareAll(runs, history.runs, ws.plan);
  const stats = summarizeCandidates(history.runs, ws.plan, { scope })
    .filter((s) => values.candidate === undefined || s.candidate === values.candidate);

  if (format === 'json') {
    const statistics = { sample: scope, candidates: stats.map(statsJson) };
    io.stdout(JSON.stringify({ history: historyFile, runs: cmps.map(comparisonJson), statistics, corrupt: history.corrupt, ...(pending ? { pending: pending.map(pendingSummary) } : {}) }, null, 2) + '\n');
    return EXIT_OK;
  }
  if (total === 0) {
    io.stdout(values.candidate !== undefined ? `no runs of ${values.candidate} in ${historyFile}\n` : `no runs yet in ${historyFile}; run mlproject eval\n`);
    return EXIT_OK;
  }
  io.stdout(runsTable(cmps, ws.plan) + '\n');
  if (total > runs.length) io.stdout(`(${runs.length} of ${total} runs; --limit n shows more)\n`);
  const table = statsTable(stats, scope);
  if (table) io.stdout(`\n${table}\n`);
  return EXIT_OK;
};
