// The editor's names for the actions core messages refer to: the command palette entry, "ML Project: <title>"
// (the titles are the commands' titles in package.json; a unit test keeps the two in sync).
import { ACTION_TITLES, type ActionId, type FrontEnd } from '../../core/frontEnd';
import { COMMANDS } from '../commandIds';

/** The command each action runs, for the package.json check. */
export const ACTION_COMMANDS: Readonly<Record<ActionId, string>> = {
  createPlan: COMMANDS.createPlan,
  createBrief: COMMANDS.createBrief,
  updateBrief: COMMANDS.updateBrief,
  runEvaluation: COMMANDS.runEvaluation,
};

export const EDITOR_FRONT_END: FrontEnd = { action: (id) => `"ML Project: ${ACTION_TITLES[id]}"` };
