// Runs a prepared command headless (the CLI's way; the editor runs it as a VS Code task instead): `/bin/sh -c` in
// the workspace root, in a process group of its own so that a timeout or an abort kills the command and everything
// it started (SIGTERM, then SIGKILL after a grace period).
import { spawn } from 'child_process';
import type { FinishedCommand } from './finish';
import type { PreparedRun } from './prepare';
import { statusOfExit } from './runRecord';
import type { Env } from './substitute';

/** What happened to the command; finishRun turns it into a run record. */
export type RunOutcome = FinishedCommand;

export interface ExecuteOptions {
  signal?: AbortSignal;
  onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** the base environment of the command (default process.env); the run's MLPROJECT_* variables are added */
  env?: Env;
  /** how long to wait after SIGTERM before SIGKILL (default 3 s) */
  killGraceMs?: number;
  /** the shell (default /bin/sh) */
  shell?: string;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

const STDERR_TAIL = 4096;

export function executeRun(prepared: PreparedRun, options: ExecuteOptions = {}): Promise<RunOutcome> {
  const start = new Date();
  const grace = options.killGraceMs ?? 3000;
  return new Promise<RunOutcome>((resolve) => {
    let stopped: 'cancelled' | 'timeout' | undefined;
    let stderrTail = '';
    let settled = false;
    let exitCode: number | null = null;
    let exitSignal: NodeJS.Signals | null = null;
    const timers: NodeJS.Timeout[] = [];
    const env: Env = { ...(options.env ?? process.env), ...prepared.env };

    const child = spawn(options.shell ?? '/bin/sh', ['-c', prepared.command], {
      cwd: prepared.root,
      env: env as NodeJS.ProcessEnv,
      detached: true, // its own process group, so that the whole tree can be killed
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    const finish = (outcome: Omit<RunOutcome, 'start' | 'end'>): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      options.signal?.removeEventListener('abort', onAbort);
      child.stdout?.destroy(); // a background process may still hold the pipes
      child.stderr?.destroy();
      resolve({ start, end: new Date(), ...outcome });
    };
    const stop = (why: 'cancelled' | 'timeout'): void => {
      if (stopped || settled || child.pid === undefined) return;
      stopped = why;
      killGroup(child.pid, 'SIGTERM');
      const pid = child.pid;
      const t = setTimeout(() => killGroup(pid, 'SIGKILL'), grace);
      t.unref();
      timers.push(t);
    };
    const onAbort = (): void => stop('cancelled');

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text: string) => options.onOutput?.(text, 'stdout'));
    child.stderr.on('data', (text: string) => {
      stderrTail = (stderrTail + text).slice(-STDERR_TAIL);
      options.onOutput?.(text, 'stderr');
    });
    child.on('error', (err) => finish({ exitCode: null, status: 'failed', error: `could not start the command: ${err.message}` }));
    const done = (): void => {
      if (stopped === 'timeout') {
        finish({ exitCode, status: 'timeout', error: `timed out after ${prepared.timeoutMs / 1000}s; the command was killed` });
      } else if (stopped === 'cancelled') {
        finish({ exitCode, status: 'cancelled', error: 'cancelled; the command was killed' });
      } else if (exitCode === 0) {
        finish({ exitCode, status: 'ok' });
      } else if (statusOfExit(exitCode) === 'cancelled' || exitSignal === 'SIGINT') {
        finish({ exitCode, status: 'cancelled', error: 'interrupted (Ctrl+C)' });
      } else {
        const lastLine = stderrTail.trimEnd().split('\n').pop()?.trim();
        const how = exitCode === null ? `was killed by ${exitSignal ?? 'a signal'}` : `exited with code ${exitCode}`;
        finish({ exitCode, status: 'failed', error: `the command ${how}${lastLine ? `: ${lastLine}` : ''}` });
      }
    };
    child.on('exit', (code, sig) => {
      exitCode = code;
      exitSignal = sig;
      // Output may still be buffered: wait for the pipes to close, but not for a background process that keeps them.
      const t = setTimeout(done, 1000);
      t.unref();
      timers.push(t);
    });
    child.on('close', () => done());

    if (options.signal?.aborted) stop('cancelled');
    else options.signal?.addEventListener('abort', onAbort);
    const timeout = setTimeout(() => stop('timeout'), prepared.timeoutMs);
    timeout.unref();
    timers.push(timeout);
  });
}
