// What a CLI command sees of the outside world, so commands are testable without spawning a process.
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** true when stdout is a terminal (colours, progress) */
  isTTY: boolean;
}

/** Bad usage or unreadable input: the CLI prints the message on one line and exits 2. */
export class UsageError extends Error {}

/** A command: parses its own arguments, returns the exit code. */
export type CommandHandler = (argv: string[], io: CliIO) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
