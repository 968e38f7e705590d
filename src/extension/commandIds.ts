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
  rankCandidate: 'mlproject.rankCandidate',
  addCitedLiterature: 'mlproject.addCitedLiterature',
  pickSource: 'mlproject.pickSource',
  runEvaluation: 'mlproject.runEvaluation',
  rerun: 'mlproject.rerun',
  openMetrics: 'mlproject.openMetrics',
  copyCommand: 'mlproject.copyCommand',
  deleteRun: 'mlproject.deleteRun',
  openDashboard: 'mlproject.openDashboard',
  groupRunsByCandidate: 'mlproject.groupRunsByCandidate',
  listRuns: 'mlproject.listRuns',
  showStatus: 'mlproject.showStatus',
  syncClusterRuns: 'mlproject.syncClusterRuns',
  cancelClusterRun: 'mlproject.cancelClusterRun',
  showRunLog: 'mlproject.showRunLog',
  evaluateAll: 'mlproject.evaluateAll',
  cancelRuns: 'mlproject.cancelRuns',
  cancelRun: 'mlproject.cancelRun',
  openWalkthrough: 'mlproject.openWalkthrough',
  configureEvaluation: 'mlproject.configureEvaluation',
  markEvidenceDone: 'mlproject.markEvidenceDone',
  showRule: 'mlproject.showRule',
} as const;

/** The activity-bar view container of `contributes.viewsContainers` (its views are below). */
export const VIEW_CONTAINER = 'mlproject';

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
  clusterRunsPending: 'mlproject.clusterRunsPending',
  /** true while this window has runs that are queued or running (the Runs view's Cancel) */
  runsActive: 'mlproject.runsActive',
  hasBrief: 'mlproject.hasBrief',
  hasCandidates: 'mlproject.hasCandidates',
  hasBaselineRun: 'mlproject.hasBaselineRun',
} as const;
