// Run Evaluation with `evaluation.executor: slurm`: the prepared run is submitted as a batch job (the core's
// submitSlurmRuns) instead of running as a task. Called only after the same Workspace Trust check and first-run
// confirmation as a local run (EvaluationRunner.run). A submission sbatch refuses is a finished, failed run at once.
import * as vscode from 'vscode';
import { compareRun, type RunComparison } from '../../../core/runs/compare';
import type { ProjectPlan } from '../../../core/model';
import { discardPreparedRun, type PreparedRun } from '../../../core/runs/prepare';
import type { PendingRunState } from '../../../core/runs/pendingStore';
import type { RunRecord } from '../../../core/runs/runRecord';
import { slurmSettings, SlurmSettingsError } from '../../../core/runs/slurm/settings';
import { submitSlurmRuns, type SubmitResult } from '../../../core/runs/slurm/submit';
import { runsOf } from '../../project/commandArgs';
import type { ProjectRegistry, ProjectSnapshot } from '../../project/projectRegistry';
import type { ClusterRuns } from './clusterRuns';
import { announceSubmitted } from './clusterMessages';
import { logFileOf } from './clusterRows';

/** A run handed to Slurm: pending until its job ends. */
export interface SubmittedRun {
  submitted: { runId: string; candidate: string; executor: 'slurm'; jobId?: string; state: PendingRunState; logFile: string };
}

/** A submission sbatch refused: recorded as failed (the shape of a local run's result). */
export interface RefusedRun {
  record: RunRecord;
  comparison: RunComparison;
}

export class ClusterSubmitter {
  constructor(
    private readonly registry: ProjectRegistry,
    private readonly cluster: ClusterRuns,
  ) {}

  /** Submits one prepared run (Run Evaluation). */
  async submit(project: ProjectSnapshot, plan: ProjectPlan, prepared: PreparedRun): Promise<SubmittedRun | RefusedRun | undefined> {
    return (await this.submitAll(project, plan, [prepared]))?.[0];
  }

  /**
   * Submits prepared runs, one job each (a sweep on Slurm). Undefined when the plan's `evaluation.slurm` is unusable:
   * then nothing was submitted and the run folders are removed.
   */
  async submitAll(project: ProjectSnapshot, plan: ProjectPlan, prepared: readonly PreparedRun[]): Promise<(SubmittedRun | RefusedRun)[] | undefined> {
    if (!vscode.workspace.isTrusted) return undefined; // the caller refused already; never submit untrusted
    let settings;
    try {
      settings = slurmSettings(plan);
    } catch (e) {
      if (!(e instanceof SlurmSettingsError)) throw e;
      await Promise.allSettled(prepared.map(discardPreparedRun));
      const open = 'Open .mlproject.yaml';
      void vscode.window.showErrorMessage(`ML Project: cannot submit the evaluation to Slurm: ${e.message}`, open).then((c) => {
        if (c === open) void vscode.window.showTextDocument(project.planUri);
      });
      return undefined;
    }
    const title = prepared.length === 1 ? `Submitting ${prepared[0].candidate} to Slurm` : `Submitting ${prepared.length} runs to Slurm`;
    const results = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
      submitSlurmRuns(prepared, settings, this.cluster.slurm));
    const refused = results.some((r) => r.record);
    const fresh = refused ? ((await this.registry.refresh(project.planUri)) ?? project) : project;
    return results.map((r) => this.outcome(fresh, plan, r));
  }

  private outcome(project: ProjectSnapshot, plan: ProjectPlan, r: SubmitResult): SubmittedRun | RefusedRun {
    if (r.record) {
      const runs = runsOf(project);
      const comparison = compareRun(r.record, runs, plan);
      void vscode.window.showErrorMessage(`ML Project: run ${r.record.id} (${r.record.candidate}) ${r.record.error ?? 'was not submitted'}`);
      return { record: r.record, comparison };
    }
    const p = r.pending;
    this.cluster.track(project, p);
    announceSubmitted(project, p);
    return {
      submitted: { runId: p.prepared.runId, candidate: p.prepared.candidate, executor: 'slurm', ...(p.jobId ? { jobId: p.jobId } : {}), state: p.state, logFile: logFileOf(p) },
    };
  }
}
