// How a front end names its actions. Core messages (rule findings, parser diagnostics, the brief's header comment)
// refer to an action by id; each front end renders it its own way: the CLI as `mlproject brief`, the editor as
// "ML Project" plus the command title. A message built without a front end uses the action's plain title.

export type ActionId = 'createPlan' | 'createBrief' | 'updateBrief' | 'runEvaluation';

export interface FrontEnd {
  /** how a person starts the action, ready to put in a sentence (quoted or code-formatted by the front end) */
  action(id: ActionId): string;
}

/** Each action's title, front-end neutral (the editor prefixes its category). */
export const ACTION_TITLES: Readonly<Record<ActionId, string>> = {
  createPlan: 'Create .mlproject.yaml',
  createBrief: 'Create Project Brief',
  updateBrief: 'Update Project Brief',
  runEvaluation: 'Run Evaluation',
};

export const ACTION_IDS = Object.keys(ACTION_TITLES) as ActionId[];

/** The fallback when no front end is given (library use, tests): the plain title in quotes. */
export const PLAIN_FRONT_END: FrontEnd = { action: (id) => `"${ACTION_TITLES[id]}"` };
