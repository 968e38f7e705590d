// A sweep in the editor: the core's SweepRunner with the local executor (each run's output in `<runDir>/log.txt`,
// at most `parallel` at a time), shown in ONE task terminal where every line is prefixed with its run (`[knn#1] …`).
// Each run is a row of the Runs view while it is queued or running (ActiveRuns), the status bar shows `sweep k/N`.
// Cancel (a row, the view's title, the progress notification), Ctrl+C in the terminal or closing it stops the whole
// sweep: running runs are recorded as cancelled saying how, queued ones as "cancelled before it started". The runner
// records every run exactly once, whatever happens to the terminal.
import * as vscode from 'vscode';
import * as path from 'path';
import type { ProjectPlan } from '../../core/model';
import { localExecutor, RUN_LOG_FILE, type Executor } from '../../core/runs/executor';
import { SweepRunner, type SweepEvent, type SweepResult, type SweepRun } from '../../core/runs/scheduler';
import type { SweepSpec } from '../../core/runs/sweep';
import type { ActiveRuns } from './activeRuns';
import { RunTerminal, terminalTask } from './runTerminal';
import { STATUS_TEXT } from './runText';
import { LinePrefixer, sweepOutcomeText } from './sweepText';
import { STOP_TEXT, SWEEP_TASK_TYPE, TASK_SOURCE, endLine, type StopReason } from './taskRunner';

export interface SweepTaskOptions {
  folder: vscode.WorkspaceFolder;
  note?: string;
  active: ActiveRuns;
  /** after each run is recorded (e.g. refresh the views); its row leaves ActiveRuns once this settles */
  onRecorded?: (run: SweepRun) => Promise<unknown>;
}

export interface SweepTask {
  readonly runner: SweepRunner;
  readonly done: Promise<SweepResult>;
  cancel(): void;
}

/** The local executor, with the record of a cancelled run saying how the sweep was stopped. */
function sayingWhy(reason: () => StopReason | undefined): Executor {
  const local = localExecutor();
  return {
    name: local.name,
    async start(prepared, options) {
      const outcome = await local.start(prepared, options);
      const why = reason();
      return outcome.status === 'cancelled' && why ? { ...outcome, error: `the sweep was ${STOP_TEXT[why]}` } : outcome;
    },
  };
}

export function startSweepTask(plan: ProjectPlan, spec: SweepSpec, options: SweepTaskOptions): SweepTask {
  const { folder, active } = options;
  const key = folder.uri.toString();
  let reason: StopReason | undefined;
  const runner = new SweepRunner(plan, spec, {
    root: folder.uri.fsPath, env: process.env, executor: sayingWhy(() => reason), note: options.note, source: 'editor',
  });
  const cancel = (why: StopReason): void => {
    if (reason) return;
    reason = why;
    terminal.write(`\n■ cancelling the sweep (${STOP_TEXT[why]}): stopping the running runs, recording the rest as cancelled\n`);
    runner.cancel();
  };
  const terminal = new RunTerminal({ onInterrupt: () => cancel('interrupted'), onClose: () => cancel('closed') });
  const name = spec.sweepId ?? spec.items[0]?.label ?? 'sweep';
  const total = spec.items.length;
  const task = terminalTask({ type: SWEEP_TASK_TYPE, sweepId: name }, folder, `evaluate sweep (${name})`, TASK_SOURCE, terminal);
  terminal.write(`▶ ${name}: ${total} run${total === 1 ? '' : 's'}, ${spec.parallel} at a time; Ctrl+C stops the whole sweep\n`);

  const prefixers = new Map<SweepRun, Record<'stdout' | 'stderr', LinePrefixer>>();
  const write = (text: string): void => terminal.write(text);
  let finished = 0;
  const progress = (): void => {
    if (spec.sweepId) active.setSweep({ sweepId: spec.sweepId, finished, total });
  };
  const recorded: Promise<unknown>[] = [];
  const onEvent = (e: SweepEvent): void => {
    const { run } = e;
    const id = run.prepared.runId;
    const label = `[${run.item.label}] `;
    if (e.type === 'queued') {
      active.set({
        id, folder: key, candidate: run.item.candidate, label: run.item.label, executor: 'local', phase: 'queued', since: run.queuedAt,
        ...(spec.sweepId ? { sweepId: spec.sweepId } : {}), logFile: path.join(run.prepared.runDir, RUN_LOG_FILE),
        cancel: () => cancel('stopped'),
      });
      progress();
    } else if (e.type === 'started') {
      prefixers.set(run, { stdout: new LinePrefixer(label, write), stderr: new LinePrefixer(label, write) });
      write(`${label}▶ run ${id}: ${run.prepared.command}\n`);
      active.setPhase(id, 'running', run.startedAt);
    } else if (e.type === 'output') {
      prefixers.get(run)?.[e.stream].push(e.text);
    } else {
      const p = prefixers.get(run);
      p?.stdout.flush();
      p?.stderr.flush();
      if (e.type === 'finished') {
        const r = e.record;
        write(`${label}■ ${r.status === 'ok' ? 'succeeded' : `${STATUS_TEXT[r.status]}${r.error ? `: ${r.error}` : ''}`}\n`);
      } else {
        write(`${label}■ finished but could not be recorded: ${e.error}\n`);
      }
      finished++;
      progress();
      const after = Promise.resolve(e.type === 'finished' ? options.onRecorded?.(run) : undefined).catch(() => undefined);
      recorded.push(after.then(() => active.delete(id)));
    }
  };
  runner.onEvent(onEvent);

  const done = runner.run().then(
    async (result) => {
      await Promise.all(recorded);
      const summary = sweepOutcomeText(result, total);
      terminal.write(`\n■ ${name}: ${summary}\n`);
      terminal.end(result.records.every((r) => r.status === 'ok') && result.unrecorded.length === 0 ? 0 : 1);
      return result;
    },
    (e: unknown) => {
      terminal.write(endLine({ start: new Date(), end: new Date(), exitCode: null, status: 'failed', error: (e as Error).message }));
      terminal.end(1);
      throw e;
    },
  ).finally(() => {
    if (spec.sweepId) active.setSweep({ sweepId: spec.sweepId, finished: total, total });
    for (const r of runner.runs) if (r.phase !== 'finished') active.delete(r.prepared.runId);
  });
  void Promise.resolve(vscode.tasks.executeTask(task)).then(undefined, () => undefined); // the runs go on without it
  return { runner, done, cancel: () => cancel('stopped') };
}
