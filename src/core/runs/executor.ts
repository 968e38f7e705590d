// How a prepared run is executed. The sweep scheduler only knows this interface: the local executor runs the
// command on this machine (executeRun) and keeps its output in `<runDir>/log.txt`; another executor (e.g. a cluster
// queue) can submit the run and resolve when it has ended, without the scheduler caring how.
import { createWriteStream } from 'fs';
import * as path from 'path';
import { executeRun, type RunOutcome } from './execute';
import type { PreparedRun } from './prepare';
import type { Env } from './substitute';

/** The file in each run folder that holds the command's stdout and stderr, interleaved as they arrived. */
export const RUN_LOG_FILE = 'log.txt';

export type OutputStream = 'stdout' | 'stderr';

export interface ExecutorStartOptions {
  /** aborting it stops the run; the outcome is then `cancelled` */
  signal?: AbortSignal;
  /** the command's output as it arrives */
  onOutput?: (text: string, stream: OutputStream) => void;
}

export interface Executor {
  /** e.g. `local` */
  readonly name: string;
  /** Runs a prepared run to its end; never rejects for a failure of the command itself (that is the outcome). */
  start(prepared: PreparedRun, options: ExecutorStartOptions): Promise<RunOutcome>;
}

export interface LocalExecutorOptions {
  /** the base environment of the commands (default process.env) */
  env?: Env;
  /** how long to wait after SIGTERM before SIGKILL (default 3 s) */
  killGraceMs?: number;
  shell?: string;
}

/** Runs commands on this machine, each in its own process group, teeing the output into `<runDir>/log.txt`. */
export function localExecutor(options: LocalExecutorOptions = {}): Executor {
  return {
    name: 'local',
    async start(prepared, { signal, onOutput }) {
      const log = createWriteStream(path.join(prepared.runDir, RUN_LOG_FILE), { flags: 'a' });
      let logFailed = false;
      log.on('error', () => { logFailed = true; }); // a log that cannot be written never fails the run
      try {
        return await executeRun(prepared, {
          signal,
          env: options.env,
          killGraceMs: options.killGraceMs,
          shell: options.shell,
          onOutput: (text, stream) => {
            if (!logFailed) log.write(text);
            onOutput?.(text, stream);
          },
        });
      } finally {
        await new Promise<void>((resolve) => (logFailed ? resolve() : log.end(() => resolve())));
      }
    },
  };
}
