// Runs a prepared evaluation command as a VS Code task: a ShellExecution (`/bin/sh -c`, as the CLI runs it) in the
// project folder, in a visible terminal. Resolves with how it ended: the exit code from onDidEndTaskProcess;
// `cancelled` when the user (progress notification, the terminal's trash can, "Terminate Task") or the caller
// stopped it; `timeout` when `evaluation.timeout` passed and the task was terminated.
import * as vscode from 'vscode';
import type { FinishedCommand } from '../../core/runs/finish';
import type { PreparedRun } from '../../core/runs/prepare';
import { formatDuration } from '../../core/runs/timeout';
import { statusOfExit } from '../../core/runs/runRecord';

export const TASK_TYPE = 'mlproject';
export const TASK_SOURCE = 'ML Project';

export interface TaskRun {
  /** the run's execution, once the task started */
  readonly execution: Promise<vscode.TaskExecution>;
  /** resolves when the task ended, however it ended */
  readonly done: Promise<FinishedCommand>;
  /** stops the task; the run is recorded as cancelled */
  cancel(): void;
}

export function evaluationTask(prepared: PreparedRun, folder: vscode.WorkspaceFolder): vscode.Task {
  const execution = new vscode.ShellExecution(prepared.command, {
    cwd: prepared.root,
    env: prepared.env,
    executable: '/bin/sh',
    shellArgs: ['-c'],
  });
  const task = new vscode.Task(
    { type: TASK_TYPE, runId: prepared.runId, candidate: prepared.candidate },
    folder,
    `evaluate ${prepared.candidate} (${prepared.runId})`,
    TASK_SOURCE,
    execution,
    [],
  );
  task.presentationOptions = {
    reveal: vscode.TaskRevealKind.Always,
    focus: false,
    panel: vscode.TaskPanelKind.Dedicated,
    showReuseMessage: false,
    clear: false,
    echo: true,
  };
  task.isBackground = false;
  return task;
}

/** Starts the task and watches it until it ends. */
export function runAsTask(prepared: PreparedRun, folder: vscode.WorkspaceFolder): TaskRun {
  const task = evaluationTask(prepared, folder);
  const start = new Date();
  let stopped: 'cancelled' | 'timeout' | undefined;
  let execution: vscode.TaskExecution | undefined;
  let exitCode: number | undefined;
  let sawProcessEnd = false;
  let settle!: (outcome: FinishedCommand) => void;
  const done = new Promise<FinishedCommand>((resolve) => (settle = resolve));
  const disposables: vscode.Disposable[] = [];
  let finished = false;

  const isOurs = (e: vscode.TaskExecution): boolean =>
    e === execution || (e.task.definition.type === TASK_TYPE && e.task.definition.runId === prepared.runId);

  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    vscode.Disposable.from(...disposables).dispose();
    const end = new Date();
    if (stopped === 'timeout') {
      settle({ start, end, exitCode: exitCode ?? null, status: 'timeout', error: `timed out after ${formatDuration(prepared.timeoutMs)}; the task was terminated` });
    } else if (stopped === 'cancelled') {
      settle({ start, end, exitCode: exitCode ?? null, status: 'cancelled', error: 'cancelled; the task was terminated' });
    } else if (exitCode !== undefined && statusOfExit(exitCode) !== 'failed') {
      const status = statusOfExit(exitCode);
      settle({ start, end, exitCode, status, ...(status === 'cancelled' ? { error: 'interrupted with Ctrl+C in the terminal' } : {}) });
    } else if (exitCode === undefined) {
      // No exit code: the terminal was closed or the task killed from outside the extension.
      settle({ start, end, exitCode: null, status: 'cancelled', error: 'the task was terminated before the command finished' });
    } else {
      settle({ start, end, exitCode, status: 'failed', error: `the command exited with code ${exitCode} (see the task's terminal for its output)` });
    }
  };

  disposables.push(
    // A terminate() before the process started can be lost: stop it again once it runs.
    vscode.tasks.onDidStartTaskProcess((e) => {
      if (isOurs(e.execution) && stopped) e.execution.terminate();
    }),
    vscode.tasks.onDidEndTaskProcess((e) => {
      if (!isOurs(e.execution)) return;
      sawProcessEnd = true;
      exitCode = e.exitCode;
      finish();
    }),
    vscode.tasks.onDidEndTask((e) => {
      if (!isOurs(e.execution)) return;
      // The process event normally comes first; give it a moment when the task ended without one.
      if (!sawProcessEnd) setTimeout(finish, 1000);
    }),
  );

  const stop = (why: 'cancelled' | 'timeout'): void => {
    if (finished || stopped) return;
    stopped = why;
    if (execution) execution.terminate();
  };
  const timer = setTimeout(() => stop('timeout'), prepared.timeoutMs);

  const started = Promise.resolve(vscode.tasks.executeTask(task)).then(
    (e) => {
      execution = e;
      if (stopped) e.terminate(); // cancelled while starting
      return e;
    },
    (err: unknown) => {
      if (!finished) {
        finished = true;
        clearTimeout(timer);
        vscode.Disposable.from(...disposables).dispose();
        settle({ start, end: new Date(), exitCode: null, status: 'failed', error: `could not start the task: ${(err as Error)?.message ?? err}` });
      }
      throw err;
    },
  );
  started.catch(() => undefined);

  return { execution: started, done, cancel: () => stop('cancelled') };
}
