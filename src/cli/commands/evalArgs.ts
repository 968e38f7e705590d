// The options of `mlproject eval` and its help text.
import { UsageError } from '../io';
import { parseOptions } from '../options';
import type { RunScope } from '../../core/runs/candidateStats';
import { sampleOption } from './runsStats';

export const help = `Usage: mlproject eval [path] [--candidate id[,id...] | --all] [--repeat n] [--parallel n]
                     [--note text] [--require-targets[=confident]] [--sample latest|all] [--wait] [--json]

Runs evaluation.command of the plan for one candidate, or a sweep of several candidates and seeds, records each
run in the run history (.mlproject/runs.jsonl unless evaluation.history says otherwise) and prints its metrics
with the change against the latest baseline run and a check against each success criterion, then each
candidate's statistics: n, each metric's mean with its 95% interval, the difference from the baseline
candidate with its 95% Welch interval and a verdict (better, worse, within noise).

  path               the plan file or its folder (default: the current folder)
  --candidate ids    the candidate(s) to evaluate, comma-separated (default: decision.chosen)
  --all              every candidate of the plan, the baseline(s) first
  --repeat n         runs per candidate, with seeds 0…n-1 (\${seed}, MLPROJECT_SEED); default evaluation.repeats or 1
  --parallel n       how many runs at the same time; default evaluation.parallel or 1
  --note text        what this run (or sweep) is trying to show
  --require-targets  exit 1 when a candidate's mean misses a success criterion (or the metric is missing)
  --require-targets=confident
                     exit 1 unless every criterion's whole 95% interval is on the right side of its
                     target (never with one run: one run has no interval)
  --sample latest    statistics over each candidate's latest sweep, or its latest run (the default)
  --sample all       statistics over every ok run under the current command and params
  --wait             with evaluation.executor: slurm, wait for the jobs to end, streaming their logs (Ctrl+C
                     cancels them); without --wait the jobs are submitted and \`mlproject runs --sync\` records them
  --json             print the run record and its comparison as JSON, an array of them for a sweep
                     (the command's output goes to stderr); on Slurm without --wait, { pending, refused }:
                     the queued runs and the runs refused at submission

Each run's output is kept in its run folder (log.txt). With more than one run at a time the output lines are
prefixed with the run ([knn#1] ...). Ctrl+C stops the whole sweep: unfinished runs are recorded as cancelled.

MLPROJECT_LOCK_TIMEOUT (seconds, default 30) is how long to wait for another process's lock on the history;
past it the run is saved to a recovery file beside the history, merged in by the next writer.

Exit codes: 0 every run succeeded (and met the targets, with --require-targets); 1 a run failed, timed out, was
cancelled, its metrics file was missing or malformed, or a target was missed; 2 bad usage or plan.`;

export interface EvalArgs {
  path?: string;
  candidates: string[];
  all: boolean;
  repeat?: number;
  parallel?: number;
  note?: string;
  requireTargets?: 'mean' | 'confident';
  scope: RunScope;
  wait: boolean;
  json: boolean;
  help: boolean;
}

/** A whole number of at least 1. */
function positiveOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${name} takes a whole number of at least 1, not "${value}"`);
  }
  return Number(value);
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

export function parseEvalArgs(argv: string[]): EvalArgs {
  const taken = takeRequireTargets(argv);
  const { values, positionals } = parseOptions(taken.rest, {
    candidate: { type: 'string', short: 'c' },
    all: { type: 'boolean' },
    repeat: { type: 'string', short: 'n' },
    parallel: { type: 'string', short: 'j' },
    note: { type: 'string', short: 'm' },
    'require-targets': { type: 'boolean' },
    sample: { type: 'string' },
    wait: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one path, got: ${positionals.join(' ')}`);
  const candidates = values.candidate === undefined ? [] : values.candidate.split(',').map((c) => c.trim());
  if (values.candidate !== undefined && candidates.some((c) => c.length === 0)) {
    throw new UsageError(`--candidate takes candidate ids separated by commas, not "${values.candidate}"`);
  }
  if (values.all === true && candidates.length > 0) throw new UsageError('use either --all or --candidate, not both');
  return {
    path: positionals[0],
    candidates,
    all: values.all === true,
    repeat: positiveOption('--repeat', values.repeat),
    parallel: positiveOption('--parallel', values.parallel),
    note: values.note,
    requireTargets: taken.gate ?? (values['require-targets'] === true ? 'mean' : undefined),
    scope: sampleOption(values.sample),
    wait: values.wait === true,
    json: values.json === true,
    help: values.help === true,
  };
}
