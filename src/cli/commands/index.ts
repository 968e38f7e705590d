// The CLI's commands, with a one-line summary each (shown by `mlproject --help`). A command's code is loaded only when
// it runs: the build (scripts/bundles.mjs) gives every module imported here its own file, dist/cli/<name>.js, so that
// `mlproject check` does not load and compile the evaluation runner, the run history or the brief writer, and
// `--help` loads none of them.
import type { CommandHandler } from '../io';

export interface CommandEntry {
  summary: string;
  /** loads the command's module and gives its handler */
  load(): Promise<CommandHandler>;
}

export const commands: Record<string, CommandEntry> = {
  check: { summary: 'check plans and print diagnostics (text, json, github, sarif)', load: async () => (await import('./check')).check },
  status: { summary: 'show phases, steps, evidence, progress and open pitfalls', load: async () => (await import('./status')).status },
  init: { summary: 'write a commented starter .mlproject.yaml', load: async () => (await import('./init')).init },
  mark: { summary: 'set a checklist step\'s status with a minimal edit', load: async () => (await import('./mark')).mark },
  brief: { summary: 'create, update or check the project brief', load: async () => (await import('./brief')).brief },
  decision: { summary: 'record the model decision (plan + Markdown record)', load: async () => (await import('./decision')).decision },
  eval: { summary: 'run the evaluation pipeline for a candidate (or a sweep) and record the runs', load: async () => (await import('./eval')).evalCommand },
  runs: { summary: 'show the run history with Δ vs baseline and ✓/✗ per criterion', load: async () => (await import('./runs')).runs },
};
