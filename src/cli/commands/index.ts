// The CLI's commands, with a one-line summary each (shown by `mlproject --help`).
import type { CommandHandler } from '../io';
import { check } from './check';
import { status } from './status';
import { init } from './init';
import { mark } from './mark';

export interface CommandEntry {
  summary: string;
  run: CommandHandler;
}

export const commands: Record<string, CommandEntry> = {
  check: { summary: 'check plans and print diagnostics (text, json, github, sarif)', run: check },
  status: { summary: 'show phases, steps, evidence, progress and open pitfalls', run: status },
  init: { summary: 'write a commented starter .mlproject.yaml', run: init },
  mark: { summary: 'set a checklist step\'s status with a minimal edit', run: mark },
};
