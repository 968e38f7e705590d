// "Run Evaluation": which candidate, what the run is trying to show, then `evaluation.command` as a VS Code task
// (visible, cancellable, ended by `evaluation.timeout`), then the same record the CLI writes, appended to the run
// history, and a verdict against the baseline and the success criteria. Never runs in an untrusted workspace; asks
// before the first run of a command text in a workspace.
import * as vscode from 'vscode';
import { COMMANDS, VIEWS, focusCommand } from '../commandIds';
import type { ProjectPlan } from '../../core/model';
import { rankCandidates } from '../../core/process/ranking';
import { baselineFirst } from '../../core/process/pickOrder';
import { compareRun, type RunComparison } from '../../core/runs/compare';
import { finishRun } from '../../core/runs/finish';
import { readHistory } from '../../core/runs/history';
import { prepareRun, RunSetupError, type PreparedRun } from '../../core/runs/prepare';
import type { RunRecord } from '../../core/runs/runRecord';
import { formatDuration } from '../../core/runs/timeout';
import { removeTree } from '../../core/workspace/safeWrite';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { runArgsOf, runsOf } from '../project/commandArgs';
import { readSettings } from '../common/settings';
import { CommandApprovals } from './approval';
import { freshSnapshot, pickProject } from '../project/pickProject';
import { runAsTask } from './taskRunner';
import { verdictMessage } from './runText';

export interface RunResult {
  record: RunRecord;
  comparison: RunComparison;
}

export function refuseUntrusted(): void {
  const manage = 'Manage Workspace Trust';
  void vscode.window
    .showWarningMessage(
      'ML Project never runs evaluation commands in Restricted Mode: this workspace is not trusted. Trust it to run evaluations; the plan is still read and checked.',
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
}

interface CandidateItem extends vscode.QuickPickItem {
  id: string;
}

/** Candidates for the quick pick: a baseline without a run first, then the chosen one, then by expected gain per cost. */
export function candidateItems(plan: ProjectPlan, runs: readonly RunRecord[]): CandidateItem[] {
  const chosen = plan.decision?.chosen;
  const all = (plan.candidates ?? []).filter((c) => typeof c?.id === 'string' && c.id !== '');
  const ranked = rankCandidates(all.filter((c) => c.baseline !== true)).map((r) => r.candidate);
  const baselines = all.filter((c) => c.baseline === true);
  const ordered = baselineFirst([...all.filter((c) => c.id === chosen), ...ranked.filter((c) => c.id !== chosen), ...baselines.filter((c) => c.id !== chosen)],
    (id) => runs.some((r) => r.candidate === id && r.status === 'ok'));
  const lastRun = new Map<string, RunRecord>();
  for (const r of runs) {
    const prev = lastRun.get(r.candidate);
    if (!prev || r.start > prev.start) lastRun.set(r.candidate, r);
  }
  return ordered.map((c) => {
    const tags = [c.id === chosen ? 'chosen' : undefined, c.baseline ? 'baseline' : undefined].filter(Boolean).join(', ');
    const facts = [c.expected_gain && `gain ${c.expected_gain}`, c.cost && `cost ${c.cost}`, c.risk && `risk ${c.risk}`].filter(Boolean).join(', ');
    const last = lastRun.get(c.id!);
    return {
      id: c.id!,
      label: c.id!,
      description: [tags && `(${tags})`, c.name].filter(Boolean).join(' '),
      detail: [facts, last ? `last run ${last.start.slice(0, 16).replace('T', ' ')} ${last.status}` : 'never run'].filter(Boolean).join(' · '),
      ...(c.baseline ? { iconPath: new vscode.ThemeIcon('milestone') } : c.id === chosen ? { iconPath: new vscode.ThemeIcon('star-full') } : {}),
    };
  });
}

export class EvaluationRunner {
  private readonly approvals: CommandApprovals;

  constructor(
    context: vscode.ExtensionContext,
    private readonly registry: ProjectRegistry,
  ) {
    this.approvals = new CommandApprovals(context.workspaceState);
  }

  async run(arg?: unknown): Promise<RunResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      refuseUntrusted();
      return undefined;
    }
    const args = runArgsOf(arg);
    const picked = await pickProject(this.registry, args.folder, 'to evaluate');
    if (!picked) return undefined;
    // The plan as it is now (the editor's buffer when it is open).
    const project = await freshSnapshot(this.registry, picked);
    const plan = project.result.parsed.plan;

    let candidate = args.candidate;
    let note = args.note;
    if (candidate === undefined) {
      const items = candidateItems(plan, runsOf(project));
      if (items.length === 0) {
        this.setupError(project, new RunSetupError('the plan has no candidates; add one under `candidates:` (e.g. `- { id: logreg, baseline: true }`)'));
        return undefined;
      }
      const item = await vscode.window.showQuickPick(items, {
        title: 'ML Project: Run Evaluation (1/2): which candidate?',
        placeHolder: 'The candidate to evaluate with evaluation.command',
        ignoreFocusOut: true,
        matchOnDescription: true,
      });
      if (!item) return undefined;
      candidate = item.id;
      if (note === undefined) {
        note = await vscode.window.showInputBox({
          title: `ML Project: Run Evaluation (2/2): ${candidate}`,
          prompt: 'What is this run trying to show? (optional; Enter to skip)',
          placeHolder: 'e.g. does k=7 beat k=3 on jazz?',
          ignoreFocusOut: true,
        });
        if (note === undefined) return undefined; // Escape: no run
      }
    }
    note = note?.trim() || undefined;

    let prepared: PreparedRun;
    try {
      prepared = await prepareRun(plan, { root: project.folder.uri.fsPath, candidateId: candidate, note, env: process.env, source: 'editor' });
    } catch (e) {
      if (e instanceof RunSetupError) {
        this.setupError(project, e);
        return undefined;
      }
      throw e;
    }

    if (!(await this.confirm(project, plan, prepared))) {
      await removeTree(prepared.root, prepared.runDir).catch(() => undefined); // never through a link leading outside
      return undefined;
    }
    return this.execute(project, plan, prepared);
  }

  /** The first-run confirmation; true when the command may run. */
  private async confirm(project: ProjectSnapshot, plan: ProjectPlan, prepared: PreparedRun): Promise<boolean> {
    if (!readSettings(project.folder.uri).confirmNewCommands) return true;
    const template = plan.evaluation?.command ?? prepared.command;
    const key = project.folder.uri.toString();
    if (this.approvals.isApproved(template, key)) return true;
    const run = 'Run';
    const choice = await vscode.window.showWarningMessage(
      `Run this evaluation command in ${project.folder.name}?`,
      {
        modal: true,
        detail: `This command text from .mlproject.yaml (evaluation.command) has not run in this workspace before. It runs in a shell in ${prepared.root}:\n\n${prepared.command}\n\nYou are asked again whenever the command text changes.`,
      },
      run,
    );
    if (choice !== run) return false;
    await this.approvals.approve(template, key);
    return true;
  }

  private async execute(project: ProjectSnapshot, plan: ProjectPlan, prepared: PreparedRun): Promise<RunResult> {
    const task = runAsTask(prepared, project.folder);
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Evaluating ${prepared.candidate}`,
        cancellable: true,
      },
      async (progress, token) => {
        progress.report({ message: `running evaluation.command (times out after ${formatDuration(prepared.timeoutMs)})` });
        const sub = token.onCancellationRequested(() => task.cancel());
        try {
          return await task.done;
        } finally {
          sub.dispose();
        }
      },
    );
    let record: RunRecord;
    try {
      record = await finishRun(prepared, outcome);
    } catch (e) {
      void vscode.window.showErrorMessage(`ML Project: the run ${outcome.status === 'ok' ? 'finished' : 'ended'} but could not be recorded in the run history: ${(e as Error).message}`);
      throw e;
    }
    // Compared with the history just read (as the CLI does), not with a re-check of the whole plan; then the views
    // are refreshed once, with the facts re-gathered so that they show the new run.
    const history = await readHistory(prepared.historyFile);
    const comparison = compareRun(record, history.runs.some((r) => r.id === record.id) ? history.runs : [...history.runs, record], plan);
    await this.registry.refresh(project.planUri);
    this.announce(project, comparison);
    return { record, comparison };
  }

  private announce(project: ProjectSnapshot, cmp: RunComparison): void {
    const dashboard = 'Open Dashboard';
    const showRuns = 'Show Runs';
    const text = verdictMessage(cmp);
    const show = cmp.run.status === 'ok' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(`ML Project: ${text}`, dashboard, showRuns).then((choice) => {
      if (choice === dashboard) void vscode.commands.executeCommand(COMMANDS.openDashboard, { folder: project.folder.uri.toString() });
      if (choice === showRuns) void vscode.commands.executeCommand(focusCommand(VIEWS.runs));
    });
  }

  private setupError(project: ProjectSnapshot, e: Error): void {
    const open = 'Open .mlproject.yaml';
    void vscode.window.showErrorMessage(`ML Project: cannot run the evaluation: ${e.message}`, open).then((c) => {
      if (c === open) void vscode.window.showTextDocument(project.planUri);
    });
  }
}

