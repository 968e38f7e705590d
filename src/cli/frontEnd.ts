// The CLI's names for the actions core messages refer to: the command that does it.
import type { ActionId, FrontEnd } from '../core/frontEnd';

const COMMANDS: Readonly<Record<ActionId, string>> = {
  createPlan: 'mlproject init',
  createBrief: 'mlproject brief',
  updateBrief: 'mlproject brief --update',
  runEvaluation: 'mlproject eval --candidate <id>',
};

export const CLI_FRONT_END: FrontEnd = { action: (id) => `\`${COMMANDS[id]}\`` };
