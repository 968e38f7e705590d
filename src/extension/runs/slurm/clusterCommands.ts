// The cluster runs' commands and wiring: Sync Cluster Runs (the Runs view's title while a job is pending), Cancel
// Cluster Job (a row action: scancel) and Show Log (an active cluster run's log as its job writes it, or a recorded
// run's `<runDir>/log.txt`). Registered from registerRunFeatures; returns the submitter Run Evaluation calls.
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandIds';
import { RUNS_DIR } from '../../../core/runs/prepare';
import { createSlurmClient } from '../../../core/runs/slurm/slurmProcess';
import { LOG_FILE_NAME } from '../../../core/runs/slurm/batchScript';
import { checkWorkspaceFile } from '../../../core/workspace/safeRead';
import { runsOf } from '../../project/commandArgs';
import type { ProjectRegistry, ProjectSnapshot } from '../../project/projectRegistry';
import type { ActiveRun, ActiveRuns } from '../activeRuns';
import { runRefOf, type RunRef } from './clusterRows';
import { ClusterRuns } from './clusterRuns';
import { ClusterSubmitter } from './clusterSubmit';

/** The run a command names, else (from the palette) one picked among the active cluster runs. */
async function pickRun(arg: unknown, cluster: ClusterRuns, what: string): Promise<RunRef | undefined> {
  const ref = runRefOf(arg);
  if (ref || arg !== undefined) return ref;
  const rows = cluster.rows();
  if (rows.length === 0) {
    void vscode.window.showInformationMessage('ML Project: no cluster run is queued or running.');
    return undefined;
  }
  const item = await vscode.window.showQuickPick(
    rows.map((r) => ({ label: r.label, description: `${r.phase}${r.jobId ? ` · job ${r.jobId}` : ''} · run ${r.id}`, ref: { id: r.id, folder: r.folder } })),
    { title: `ML Project: ${what}`, placeHolder: 'A cluster run' },
  );
  return item?.ref;
}

function projectOf(registry: ProjectRegistry, ref: RunRef): ProjectSnapshot | undefined {
  const projects = registry.projects();
  if (ref.folder) return projects.find((p) => p.folder.uri.toString() === ref.folder);
  return projects.find((p) => runsOf(p).some((r) => r.id === ref.id)) ?? (projects.length === 1 ? projects[0] : undefined);
}

async function showLog(registry: ProjectRegistry, row: ActiveRun | undefined, ref: RunRef): Promise<boolean> {
  const project = row ? registry.projects().find((p) => p.folder.uri.toString() === row.folder) : projectOf(registry, ref);
  if (!project) {
    void vscode.window.showWarningMessage(`ML Project: run ${ref.id} is not a run of an open project.`);
    return false;
  }
  const root = project.folder.uri.fsPath;
  const file = row?.logFile ?? path.join(root, RUNS_DIR, ref.id, LOG_FILE_NAME);
  // opened only when its real path is inside the workspace and it is a regular file
  const real = await checkWorkspaceFile(root, file).catch((e: Error) => e);
  if (real instanceof Error || !real.exists) {
    const why = real instanceof Error ? real.message
      : row ? (row.phase === 'queued' ? 'the job has not started yet; its log appears when it runs' : 'the job has not written it yet')
        : 'it has none (a run of Run Evaluation on this machine shows its output in its task\'s terminal)';
    void vscode.window.showInformationMessage(`ML Project: no log file for run ${ref.id}: ${why}.`);
    return false;
  }
  // a text editor follows the file as the job appends to it
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
  return true;
}

export interface ClusterFeatures {
  disposable: vscode.Disposable;
  submitter: ClusterSubmitter;
}

export function registerClusterFeatures(registry: ProjectRegistry, active: ActiveRuns): ClusterFeatures {
  // sbatch, squeue, scontrol and scancel from the extension host's environment (SLURM_CONF, PATH)
  const cluster = new ClusterRuns(registry, active, createSlurmClient({ env: process.env }));
  const submitter = new ClusterSubmitter(registry, cluster);
  const disposable = vscode.Disposable.from(
    cluster,
    vscode.commands.registerCommand(COMMANDS.syncClusterRuns, () => cluster.syncNow()),
    vscode.commands.registerCommand(COMMANDS.cancelClusterRun, async (arg?: unknown) => {
      const ref = await pickRun(arg, cluster, 'Cancel Cluster Job');
      const row = ref && active.get(ref.id);
      if (!ref || !row || row.executor !== 'slurm') {
        if (ref) void vscode.window.showInformationMessage(`ML Project: run ${ref.id} is not queued or running on the cluster any more.`);
        return false;
      }
      return cluster.cancel(vscode.Uri.parse(row.folder).fsPath, row.id);
    }),
    vscode.commands.registerCommand(COMMANDS.showRunLog, async (arg?: unknown) => {
      const ref = await pickRun(arg, cluster, 'Show Log');
      if (!ref) return false;
      return showLog(registry, active.get(ref.id), ref);
    }),
  );
  return { disposable, submitter };
}
