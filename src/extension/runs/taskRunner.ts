// Runs a prepared evaluation command as a VS Code task whose terminal is a pseudoterminal (runTerminal.ts): the
// extension spawns the command itself with the core's local executor (`/bin/sh -c` in the project folder, its own
// process group, its output also kept in `<runDir>/log.txt`), as the CLI does. So the real exit status is known:
// Ctrl+C in the terminal, Cancel in the progress notification, closing the terminal or "Terminate Task" stop the
// command (SIGTERM to its group, then SIGKILL) and the run is recorded as `cancelled`, saying how; a run past
// `evaluation.timeout` as `timeout`. A shell task could not tell: its terminal reports 0 for an interrupted command.
import * as vscode from 'vscode';
import { localExecutor, RUN_LOG_FILE } from '../../core/runs/executor';
import type { FinishedCommand } from '../../core/runs/finish';
import type { PreparedRun } from '../../core/runs/prepare';
import { formatDuration } from '../../core/runs/timeout';
import { RunTerminal, terminalTask } from './runTerminal';
import { STATUS_TEXT } from './runText';
import * as path from 'path';

export const TASK_TYPE = 'mlproject';
export const SWEEP_TASK_TYPE = 'mlproject-sweep';
export const TASK_SOURCE = 'ML Project';

/** How a run was stopped by a person, as its record's error says it. */
export type StopReason = 'stopped' | 'interrupted' | 'closed';
export const STOP_TEXT: Record<StopReason, string> = {
  stopped: 'stopped from the editor',
  interrupted: 'interrupted with Ctrl+C in the terminal',
  closed: 'its terminal was closed or its task terminated',
};

export interface TaskRun {
  /** the task's execution, once it started (the run goes on, its output in log.txt, if the task cannot start) */
  readonly execution: Promise<vscode.TaskExecution>;
  /** resolves when the command ended, however it ended */
  readonly done: Promise<FinishedCommand>;
  /** the run's log file */
  readonly logFile: string;
  /** stops the command; the run is recorded as cancelled */
  cancel(): void;
}

/** The last line a run's terminal shows. */
export function endLine(outcome: FinishedCommand): string {
  const took = formatDuration(outcome.end.getTime() - outcome.start.getTime());
  const how = outcome.status === 'ok' ? 'the command exited with 0' : `${STATUS_TEXT[outcome.status]}${outcome.error ? `: ${outcome.error}` : ''}`;
  return `\n■ ${how} (${took})\n`;
}

/** The exit code the task reports: the command's, else 1 for a run that did not end by itself with 0. */
function taskExitCode(outcome: FinishedCommand): number {
  return outcome.exitCode ?? (outcome.status === 'ok' ? 0 : 1);
}

/** Starts the command, shows it in its task's terminal, and watches it until it ends. */
export function runAsTask(prepared: PreparedRun, folder: vscode.WorkspaceFolder): TaskRun {
  const abort = new AbortController();
  let reason: StopReason | undefined;
  const stop = (why: StopReason): void => {
    if (abort.signal.aborted) return;
    reason = why;
    abort.abort();
  };
  const terminal = new RunTerminal({ onInterrupt: () => stop('interrupted'), onClose: () => stop('closed') });
  const task = terminalTask(
    { type: TASK_TYPE, runId: prepared.runId, candidate: prepared.candidate },
    folder,
    `evaluate ${prepared.candidate} (${prepared.runId})`,
    TASK_SOURCE,
    terminal,
  );
  terminal.write(`▶ ${prepared.candidate} (run ${prepared.runId}), Ctrl+C stops it:\n${prepared.command}\n\n`);
  const done = localExecutor()
    .start(prepared, { signal: abort.signal, onOutput: (text) => terminal.write(text) })
    .then((outcome): FinishedCommand => {
      const ended = outcome.status === 'cancelled' && reason ? { ...outcome, error: STOP_TEXT[reason] } : outcome;
      terminal.write(endLine(ended));
      terminal.end(taskExitCode(ended));
      return ended;
    });
  const execution = Promise.resolve(vscode.tasks.executeTask(task));
  execution.catch(() => undefined); // without a terminal the run still ends and is recorded; its output is in log.txt
  return { execution, done, logFile: path.join(prepared.runDir, RUN_LOG_FILE), cancel: () => stop('stopped') };
}
