// What the editor says about cluster runs: a submission, and a run recorded when its job ended. A run submitted from
// this window gets the same verdict message as a local run; runs recorded that this window did not submit (a job
// that ended while the editor was closed, one submitted with the CLI) are said in one message.
import * as vscode from 'vscode';
import { COMMANDS, VIEWS, focusCommand } from '../../commandIds';
import { compareRun } from '../../../core/runs/compare';
import type { PendingRun } from '../../../core/runs/pendingStore';
import type { RunRecord } from '../../../core/runs/runRecord';
import { runsOf } from '../../project/commandArgs';
import type { ProjectSnapshot } from '../../project/projectRegistry';
import { STATUS_TEXT, verdictMessage } from '../runText';

const DASHBOARD = 'Open Dashboard';
const SHOW_RUNS = 'Show Runs';
const SHOW_LOG = 'Show Log';

function follow(project: ProjectSnapshot, choice: string | undefined, runId: string): void {
  if (choice === DASHBOARD) void vscode.commands.executeCommand(COMMANDS.openDashboard, { folder: project.folder.uri.toString() });
  if (choice === SHOW_RUNS) void vscode.commands.executeCommand(focusCommand(VIEWS.runs));
  if (choice === SHOW_LOG) void vscode.commands.executeCommand(COMMANDS.showRunLog, { id: runId, folder: project.folder.uri.toString() });
}

export function announceSubmitted(project: ProjectSnapshot, p: PendingRun): void {
  void vscode.window
    .showInformationMessage(
      `ML Project: ${p.prepared.candidate} submitted to Slurm as job ${p.jobId} (run ${p.prepared.runId}). It is recorded in the run history when the job ends, also if the editor is closed meanwhile.`,
      SHOW_LOG,
      SHOW_RUNS,
    )
    .then((c) => follow(project, c, p.prepared.runId));
}

/** Announces the runs a sync recorded; `mine` are the ids submitted from this window (removed once announced). */
export function announceRecorded(project: ProjectSnapshot, records: readonly RunRecord[], mine: Set<string>): void {
  const plan = project.result.parsed.plan;
  const runs = runsOf(project);
  const others: RunRecord[] = [];
  for (const record of records) {
    if (!mine.delete(record.id)) {
      others.push(record);
      continue;
    }
    const cmp = compareRun(record, runs, plan);
    const show = record.status === 'ok' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(`ML Project: ${verdictMessage(cmp)}`, DASHBOARD, SHOW_LOG, SHOW_RUNS).then((c) => follow(project, c, record.id));
  }
  if (others.length === 0) return;
  const list = others.slice(0, 5).map((r) => `${r.candidate} ${STATUS_TEXT[r.status]}`).join(', ');
  const more = others.length > 5 ? ` and ${others.length - 5} more` : '';
  void vscode.window
    .showInformationMessage(`ML Project: ${others.length} cluster run${others.length === 1 ? '' : 's'} of ${project.folder.name} recorded in the run history: ${list}${more}.`, SHOW_RUNS)
    .then((c) => follow(project, c, others[0].id));
}
