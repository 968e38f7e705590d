// Evaluation runs in the editor: the Run Evaluation command (palette, Runs view, Phases tree, CodeLens), the Runs
// view and its row actions, and the dashboard. Everything reads the project registry; nothing here keeps its own
// copy of the history.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { PLAN_FILE_NAME } from '../../core/model';
import { deleteRuns, resolveHistoryPath } from '../../core/runs/history';
import { checkWorkspaceFile } from '../../core/workspace/safeRead';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { EvaluationCodeLens } from './codeLens';
import { Dashboards } from './dashboardPanel';
import { exists } from '../common/files';
import { pickProject } from '../project/pickProject';
import { runArgsOf, runsOf } from '../project/commandArgs';
import { EvaluationRunner } from './runEvaluation';
import { registerClusterFeatures } from './slurm/clusterCommands';
import { isActiveNode, isRunNode, RunsView, type RunNode, type RunsViewNode } from './runsView';
import { metricsFileOf, STATUS_TEXT } from './runText';
import type { ActiveRuns } from './activeRuns';

/** The run node a row command was invoked on (the view passes its node; the palette passes nothing). */
function nodeArg(arg: unknown, view: vscode.TreeView<RunsViewNode>): RunNode | undefined {
  if (isRunNode(arg)) return arg;
  const sel = view.selection.find(isRunNode);
  if (!sel) void vscode.window.showInformationMessage('ML Project: select a run in the Runs view first.');
  return sel;
}

async function openMetrics(project: ProjectSnapshot, runId: string): Promise<void> {
  const run = runsOf(project).find((r) => r.id === runId);
  if (!run) {
    void vscode.window.showWarningMessage(`ML Project: run ${runId} is no longer in the history.`);
    return;
  }
  const rel = metricsFileOf(run, project.result.parsed.plan);
  const uri = rel ? vscode.Uri.joinPath(project.folder.uri, ...rel.split('/')) : undefined;
  // Opened only when its real path is inside the workspace and it is a regular file (the core's check).
  const safe = uri ? await checkWorkspaceFile(project.folder.uri.fsPath, uri.fsPath).then((rp) => rp.exists, () => false) : false;
  if (uri && safe && (await exists(uri))) {
    await vscode.window.showTextDocument(uri, { preview: true });
    return;
  }
  const metrics = Object.entries(run.metrics).map(([k, v]) => `${k}=${v}`).join(', ') || 'no metrics';
  void vscode.window.showInformationMessage(
    `ML Project: the metrics file of run ${run.id} (${rel ?? 'unknown path'}) is gone${run.status !== 'ok' ? ` (the run: ${STATUS_TEXT[run.status]})` : ''}. Recorded: ${metrics}.`,
  );
}

/** Cancels the active run a row command was invoked on (a sweep's run: the whole sweep), or says what to select. */
async function cancelRow(arg: unknown, active: ActiveRuns, view: vscode.TreeView<RunsViewNode>): Promise<boolean> {
  const id = isActiveNode(arg) ? arg.run.id : typeof (arg as { runId?: unknown })?.runId === 'string' ? (arg as { runId: string }).runId : view.selection.find(isActiveNode)?.run.id;
  const run = id === undefined ? undefined : active.get(id);
  if (!run) {
    void vscode.window.showInformationMessage('ML Project: select a queued or running run in the Runs view first.');
    return false;
  }
  await run.cancel();
  return true;
}

export function registerRunFeatures(context: vscode.ExtensionContext, registry: ProjectRegistry, active: ActiveRuns): vscode.Disposable & { runsView: RunsView } {
  const cluster = registerClusterFeatures(registry, active);
  const runner = new EvaluationRunner(context, registry, active, cluster.submitter);
  const runsView = new RunsView(registry, context.workspaceState, active);
  const dashboards = new Dashboards(context.extensionUri, registry, (project, id) => void openMetrics(project, id));
  const codeLens = new EvaluationCodeLens(registry);

  const freshProject = (node: RunNode): ProjectSnapshot =>
    registry.projects().find((p) => p.folder.uri.toString() === node.project.folder.uri.toString()) ?? node.project;

  const disposables: vscode.Disposable[] = [
    cluster.disposable,
    runsView,
    dashboards,
    codeLens,
    vscode.languages.registerCodeLensProvider({ scheme: 'file', pattern: `**/${PLAN_FILE_NAME}` }, codeLens),

    vscode.commands.registerCommand(COMMANDS.runEvaluation, (arg?: unknown) => runner.run(arg)),
    vscode.commands.registerCommand(COMMANDS.evaluateAll, (arg?: unknown) => runner.evaluateAll(arg)),
    // Stops every run of this window that is queued or running (each through its own cancel: a sweep stops whole).
    vscode.commands.registerCommand(COMMANDS.cancelRuns, async () => {
      const n = active.list().length;
      if (n === 0) void vscode.window.showInformationMessage('ML Project: no evaluation is running.');
      await active.cancelAll();
      return n;
    }),
    vscode.commands.registerCommand(COMMANDS.cancelRun, (arg?: unknown) => cancelRow(arg, active, runsView.view)),

    vscode.commands.registerCommand(COMMANDS.rerun, (arg?: unknown) => {
      const node = nodeArg(arg, runsView.view);
      if (!node) return undefined;
      return runner.run({ folder: node.project.folder.uri, candidate: node.run.candidate, note: node.run.note ?? '' });
    }),

    vscode.commands.registerCommand(COMMANDS.openMetrics, async (arg?: unknown) => {
      const node = nodeArg(arg, runsView.view);
      if (node) await openMetrics(freshProject(node), node.run.id);
    }),

    vscode.commands.registerCommand(COMMANDS.copyCommand, async (arg?: unknown) => {
      const node = nodeArg(arg, runsView.view);
      if (!node) return;
      await vscode.env.clipboard.writeText(node.run.command);
      vscode.window.setStatusBarMessage('$(copy) Evaluation command copied', 3000);
    }),

    vscode.commands.registerCommand(COMMANDS.deleteRun, async (arg?: unknown) => {
      const node = nodeArg(arg, runsView.view);
      if (!node) return false;
      const project = freshProject(node);
      const run = node.run;
      const del = 'Delete';
      const choice = await vscode.window.showWarningMessage(
        `Delete run ${run.id} of ${run.candidate} from the run history?`,
        { modal: true, detail: `${run.note ? `"${run.note}"\n` : ''}${run.start.replace('T', ' ').slice(0, 19)} UTC, ${STATUS_TEXT[run.status]}. The line is removed from the history file; its run folder stays. This cannot be undone from the editor.` },
        del,
      );
      if (choice !== del) return false;
      let removed: number;
      try {
        removed = await deleteRuns(resolveHistoryPath(project.folder.uri.fsPath, project.result.parsed.plan), [run.id], { root: project.folder.uri.fsPath });
      } catch (e) {
        void vscode.window.showErrorMessage(`ML Project: could not delete run ${run.id}: ${(e as Error).message}`);
        return false;
      }
      await registry.refresh(project.planUri);
      if (removed === 0) void vscode.window.showWarningMessage(`ML Project: run ${run.id} was not in the history any more.`);
      return removed > 0;
    }),

    vscode.commands.registerCommand(COMMANDS.openDashboard, async (arg?: unknown) => {
      const project = await pickProject(registry, runArgsOf(arg).folder ?? (isRunNode(arg) ? arg.project.folder.uri : undefined), 'to show');
      if (project) dashboards.open(project);
      return project !== undefined;
    }),

    vscode.commands.registerCommand(COMMANDS.groupRunsByCandidate, () => runsView.setGrouped(true)),
    vscode.commands.registerCommand(COMMANDS.listRuns, () => runsView.setGrouped(false)),
  ];
  return Object.assign(vscode.Disposable.from(...disposables), { runsView });
}
