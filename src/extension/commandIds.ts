// Every id the extension shares with package.json: its commands, its views (and their focus commands) and its
// context keys. Written once here; test/unit/extension/commandIds.test.ts checks the table against package.json.

/** The commands of `contributes.commands`, by name. */
export const COMMANDS = {
  createPlan: 'mlproject.createPlan',
  refresh: 'mlproject.refresh',
  revealStep: 'mlproject.revealStep',
  markTodo: 'mlproject.markTodo',
  markInProgress: 'mlproject.markInProgress',
  markDone: 'mlproject.markDone',
  markSkipped: 'mlproject.markSkipped',
  openEvidence: 'mlproject.openEvidence',
  createBrief: 'mlproject.createBrief',
  updateBrief: 'mlproject.updateBrief',
  recordDecision: 'mlproject.recordDecision',
  addLiterature: 'mlproject.addLiterature',
  addCandidate: 'mlproject.addCandidate',
  addRealityCheck: 'mlproject.addRealityCheck',
  runEvaluation: 'mlproject.runEvaluation',
  rerun: 'mlproject.rerun',
  openMetrics: 'mlproject.openMetrics',
  copyCommand: 'mlproject.copyCommand',
  deleteRun: 'mlproject.deleteRun',
  openDashboard: 'mlproject.openDashboard',
  groupRunsByCandidate: 'mlproject.groupRunsByCandidate',
  listRuns: 'mlproject.listRuns',
  showStatus: 'mlproject.showStatus',
  configureEvaluation: 'mlproject.configureEvaluation',
  markEvidenceDone: 'mlproject.markEvidenceDone',
} as const;

/** The views of `contributes.views`. */
export const VIEWS = {
  phases: 'mlproject.phases',
  pitfalls: 'mlproject.pitfalls',
  runs: 'mlproject.runs',
} as const;

/** The command VS Code adds to focus a view. */
export function focusCommand(view: (typeof VIEWS)[keyof typeof VIEWS]): string {
  return `${view}.focus`;
}

/** The context keys the `when` clauses of package.json read. */
export const CONTEXT_KEYS = {
  hasPlan: 'mlproject.hasPlan',
  runsGrouped: 'mlproject.runsGrouped',
} as const;
