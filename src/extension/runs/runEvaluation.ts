// "Run Evaluation": which candidate, what the run is trying to show, how many times; then `evaluation.command` as a
// VS Code task (visible, cancellable, ended by `evaluation.timeout`), then the same record the CLI writes, appended to
// the run history, and a verdict against the baseline and the success criteria. More than one run (a repeat count,
// "Evaluate All Candidates") is a sweep (sweepTask.ts). Never runs in an untrusted workspace; asks before the first
// run of a command text in a workspace.
import * as vscode from 'vscode';
import { COMMANDS, VIEWS, focusCommand } from '../commandIds';
import type { ProjectPlan } from '../../core/model';
import { rankCandidates } from '../../core/process/ranking';
import { baselineFirst } from '../../core/process/pickOrder';
import { compareRun, hasSuccessfulRunIn, type RunComparison } from '../../core/runs/compare';
import { finishRun } from '../../core/runs/finish';
import { readHistory } from '../../core/runs/history';
import { discardPreparedRun, prepareRun, RunSetupError, type PreparedRun } from '../../core/runs/prepare';
import type { RunRecord } from '../../core/runs/runRecord';
import { executorOf } from '../../core/runs/slurm/settings';
import { formatDuration } from '../../core/runs/timeout';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { runArgsOf, runsOf, type RunArgs } from '../project/commandArgs';
import { readSettings } from '../common/settings';
import { CommandApprovals } from './approval';
import { freshSnapshot, pickProject } from '../project/pickProject';
import { runAsTask } from './taskRunner';
import { verdictMessage } from './runText';
import type { ClusterSubmitter, SubmittedRun } from './slurm/clusterSubmit';
import type { ActiveRuns } from './activeRuns';
import { planSweep, type SweepRequest, type SweepSpec } from '../../core/runs/sweep';
import { prepareSweepRuns } from '../../core/runs/sweepPrepare';
import { startSweepTask } from './sweepTask';
import { sweepMessage, sweepProgressText } from './sweepText';

export interface RunResult {
  record: RunRecord;
  comparison: RunComparison;
}

/** What a sweep returns to its caller (tests, other commands). */
export interface SweepOutcome {
  sweepId?: string;
  /** every recorded run, in sweep order */
  records: RunRecord[];
  cancelled: boolean;
  /** ids of runs that finished but could not be recorded */
  unrecorded: string[];
}

/** The repeat count: asked with the plan's `evaluation.repeats` (else 1) as the default; undefined on Escape. */
export async function askRepeats(plan: ProjectPlan, title: string): Promise<number | undefined> {
  const configured = plan.evaluation?.repeats;
  const initial = typeof configured === 'number' && Number.isSafeInteger(configured) && configured >= 1 ? configured : 1;
  const answer = await vscode.window.showInputBox({
    title,
    prompt: 'How many runs per candidate? Each run gets its own seed (${seed}: 0, 1, …); more runs give a statistics interval.',
    value: String(initial),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\s*\d+\s*$/.test(v) && Number(v) >= 1 && Number(v) <= 1000 ? undefined : 'a whole number from 1 to 1000'),
  });
  return answer === undefined ? undefined : Number(answer.trim());
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
    hasSuccessfulRunIn(runs));
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
    private readonly active: ActiveRuns,
    private readonly cluster: ClusterSubmitter,
  ) {
    this.approvals = new CommandApprovals(context.workspaceState);
  }

  /**
   * What every entry point does first: refuses in an untrusted workspace, reads the command's arguments, picks the
   * project and checks it now, so the plan is the one as it is now (the editor's buffer when it is open). Undefined
   * when there is nothing to evaluate (untrusted, no project, the pick dismissed).
   */
  private async projectToEvaluate(arg: unknown): Promise<{ args: RunArgs; project: ProjectSnapshot; plan: ProjectPlan } | undefined> {
    if (!vscode.workspace.isTrusted) {
      refuseUntrusted();
      return undefined;
    }
    const args = runArgsOf(arg);
    const picked = await pickProject(this.registry, args.folder, 'to evaluate');
    if (!picked) return undefined;
    const project = await freshSnapshot(this.registry, picked);
    return { args, project, plan: project.result.parsed.plan };
  }

  /** Evaluate All Candidates: every candidate (baselines first), the repeat count each, as one sweep. */
  async evaluateAll(arg?: unknown): Promise<SweepOutcome | undefined> {
    const target = await this.projectToEvaluate(arg);
    if (!target) return undefined;
    const { args, project, plan } = target;
    const repeats = args.repeats ?? (await askRepeats(plan, 'ML Project: Evaluate All Candidates'));
    if (repeats === undefined) return undefined;
    return this.sweep(project, plan, { all: true, repeats, ...(args.parallel !== undefined ? { parallel: args.parallel } : {}) }, args.note);
  }

  /** One run (returns its record and comparison) or, with a repeat count above 1, a sweep of the candidate. */
  async run(arg?: unknown): Promise<RunResult | SweepOutcome | SubmittedRun | undefined> {
    const target = await this.projectToEvaluate(arg);
    if (!target) return undefined;
    const { args, project, plan } = target;

    let candidate = args.candidate;
    let note = args.note;
    let repeats = args.repeats;
    if (candidate === undefined) {
      const items = candidateItems(plan, runsOf(project));
      if (items.length === 0) {
        this.setupError(project, new RunSetupError('the plan has no candidates; add one under `candidates:` (e.g. `- { id: logreg, baseline: true }`)'));
        return undefined;
      }
      const item = await vscode.window.showQuickPick(items, {
        title: 'ML Project: Run Evaluation (1/3): which candidate?',
        placeHolder: 'The candidate to evaluate with evaluation.command',
        ignoreFocusOut: true,
        matchOnDescription: true,
      });
      if (!item) return undefined;
      candidate = item.id;
      if (note === undefined) {
        note = await vscode.window.showInputBox({
          title: `ML Project: Run Evaluation (2/3): ${candidate}`,
          prompt: 'What is this run trying to show? (optional; Enter to skip)',
          placeHolder: 'e.g. does k=7 beat k=3 on jazz?',
          ignoreFocusOut: true,
        });
        if (note === undefined) return undefined; // Escape: no run
      }
      if (repeats === undefined) {
        repeats = await askRepeats(plan, `ML Project: Run Evaluation (3/3): ${candidate}`);
        if (repeats === undefined) return undefined;
      }
    }
    note = note?.trim() || undefined;
    // A candidate given by the caller (rerun, CodeLens) without a repeat count is one run.
    if ((repeats ?? 1) !== 1 || args.parallel !== undefined) {
      return this.sweep(project, plan, { candidates: [candidate], repeats, ...(args.parallel !== undefined ? { parallel: args.parallel } : {}) }, note);
    }

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

    if (!(await this.confirm(project, plan.evaluation?.command ?? prepared.command, prepared.command, prepared.root))) {
      await discardPreparedRun(prepared).catch(() => undefined);
      return undefined;
    }
    if (executorOf(plan) === 'slurm') return this.cluster.submit(project, plan, prepared);
    return this.execute(project, plan, prepared);
  }

  /** The first-run confirmation of a command text (`template`, shown as `shown`); true when the command may run. */
  private async confirm(project: ProjectSnapshot, template: string, shown: string, root: string, times = 1): Promise<boolean> {
    if (!readSettings(project.folder.uri).confirmNewCommands) return true;
    const key = project.folder.uri.toString();
    if (this.approvals.isApproved(template, key)) return true;
    const run = 'Run';
    const choice = await vscode.window.showWarningMessage(
      `Run this evaluation command in ${project.folder.name}?`,
      {
        modal: true,
        detail: `This command text from .mlproject.yaml (evaluation.command) has not run in this workspace before. It runs in a shell in ${root}${times > 1 ? `, ${times} times (each variable filled in for its run)` : ''}:\n\n${shown}\n\nYou are asked again whenever the command text changes.`,
      },
      run,
    );
    if (choice !== run) return false;
    await this.approvals.approve(template, key);
    return true;
  }

  private async execute(project: ProjectSnapshot, plan: ProjectPlan, prepared: PreparedRun): Promise<RunResult> {
    const task = runAsTask(prepared, project.folder);
    this.active.set({
      id: prepared.runId, folder: project.folder.uri.toString(), candidate: prepared.candidate, label: prepared.candidate,
      executor: 'local', phase: 'running', since: new Date(), logFile: task.logFile, cancel: () => task.cancel(),
    });
    try {
      return await this.watch(project, plan, prepared, task);
    } finally {
      this.active.delete(prepared.runId); // after the refresh below: the history's row takes the active row's place
    }
  }

  private async watch(project: ProjectSnapshot, plan: ProjectPlan, prepared: PreparedRun, task: ReturnType<typeof runAsTask>): Promise<RunResult> {
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
    const history = await readHistory(prepared.historyFile, prepared.root);
    const comparison = compareRun(record, history.runs, plan);
    await this.registry.refresh(project.planUri);
    this.announce(project, comparison);
    return { record, comparison };
  }

  /** A sweep on Slurm: every run prepared now (owned by no process while it waits), one batch job each. */
  private async submitSweep(project: ProjectSnapshot, plan: ProjectPlan, spec: SweepSpec, note: string | undefined): Promise<undefined> {
    let prepared: PreparedRun[];
    try {
      prepared = await prepareSweepRuns(plan, spec, { root: project.folder.uri.fsPath, note: note?.trim() || undefined, env: process.env, source: 'editor' });
    } catch (e) {
      if (e instanceof RunSetupError) return void this.setupError(project, e);
      throw e;
    }
    const submitted = await this.cluster.submitAll(project, plan, prepared);
    if (submitted) void vscode.window.showInformationMessage(`ML Project: ${submitted.length} evaluation job(s) submitted to Slurm; the Runs view follows them.`);
    return undefined;
  }

  /** A sweep: planned, confirmed once for its command text, run in one task terminal, then summarised. */
  private async sweep(project: ProjectSnapshot, plan: ProjectPlan, request: SweepRequest, note: string | undefined): Promise<SweepOutcome | undefined> {
    let spec;
    try {
      spec = planSweep(plan, request);
    } catch (e) {
      if (e instanceof RunSetupError) return void this.setupError(project, e);
      throw e;
    }
    const template = plan.evaluation?.command;
    if (template !== undefined && !(await this.confirm(project, template, template, project.folder.uri.fsPath, spec.items.length))) return undefined;
    if (executorOf(plan) === 'slurm') return this.submitSweep(project, plan, spec, note);
    const task = startSweepTask(plan, spec, {
      folder: project.folder, note: note?.trim() || undefined, active: this.active,
      onRecorded: () => this.registry.refresh(project.planUri),
    });
    const total = spec.items.length;
    const what = request.all ? 'all candidates' : spec.items[0]?.candidate ?? 'the sweep';
    let result;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Evaluating ${what}`, cancellable: true },
        async (progress, token) => {
          const sub = token.onCancellationRequested(() => task.cancel());
          const report = (): void => {
            const p = task.runner.progress();
            const running = task.runner.runs.filter((r) => r.phase === 'running').map((r) => r.item.label);
            progress.report({ message: `${sweepProgressText(p.finished, total)}${running.length ? `: ${running.join(', ')} running` : ''}` });
          };
          task.runner.onEvent((e) => { if (e.type !== 'output') report(); });
          report();
          try {
            return await task.done;
          } finally {
            sub.dispose();
          }
        },
      );
    } catch (e) {
      if (e instanceof RunSetupError) return void this.setupError(project, e);
      throw e;
    }
    const fresh = (await this.registry.refresh(project.planUri)) ?? project;
    const outcome: SweepOutcome = {
      ...(result.sweepId ? { sweepId: result.sweepId } : {}), records: result.records, cancelled: result.cancelled,
      unrecorded: result.unrecorded.map((r) => r.prepared.runId),
    };
    const text = sweepMessage(outcome, total, runsOf(fresh), fresh.result.parsed.plan);
    const ok = !result.cancelled && result.unrecorded.length === 0 && result.records.every((r) => r.status === 'ok');
    this.offerViews(project, text, ok);
    return outcome;
  }

  private announce(project: ProjectSnapshot, cmp: RunComparison): void {
    this.offerViews(project, verdictMessage(cmp), cmp.run.status === 'ok');
  }

  private offerViews(project: ProjectSnapshot, text: string, ok: boolean): void {
    const dashboard = 'Open Dashboard';
    const showRuns = 'Show Runs';
    const show = ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
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

