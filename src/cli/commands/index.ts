// The CLI's commands, with a one-line summary each (shown by `mlproject --help`).
import type { CommandHandler } from '../io';
import { check } from './check';
import { status } from './status';
import { init } from './init';
import { mark } from './mark';
import { brief } from './brief';
import { decision } from './decision';
import { evalCommand } from './eval';
import { runs } from './runs';

export interface CommandEntry {
  summary: string;
  run: CommandHandler;
}

export const commands: Record<string, CommandEntry> = {
  check: { summary: 'check plans and print diagnostics (text, json, github, sarif)', run: check },
  status: { summary: 'show phases, steps, evidence, progress and open pitfalls', run: status },
  init: { summary: 'write a commented starter .mlproject.yaml', run: init },
  mark: { summary: 'set a checklist step\'s status with a minimal edit', run: mark },
  brief: { summary: 'create, update or check the project brief', run: brief },
  decision: { summary: 'record the model decision (plan + Markdown record)', run: decision },
  eval: { summary: 'run the evaluation pipeline for a candidate (or a sweep) and record the runs', run: evalCommand },
  runs: { summary: 'show the run history with Δ vs baseline and ✓/✗ per criterion', run: runs },
};
