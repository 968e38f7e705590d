// Record Model Decision before a baseline run: the process fits a baseline first, so the decision can compare the
// candidates with a number. A modal warning offers to record anyway or to run the baseline (or add one) instead.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { ProjectPlan } from '../../core/model';
import type { RunRecord } from '../../core/runs/runRecord';
import { baselineGap } from '../../core/decision/baselineCheck';

/** The answer to the warning, given by a test or another command instead of asking. */
export type WithoutBaseline = 'record' | 'run' | 'cancel';

export function isWithoutBaseline(v: unknown): v is WithoutBaseline {
  return v === 'record' || v === 'run' || v === 'cancel';
}

/** True to go on recording: a baseline has a successful run, or the user chose to record anyway. */
export async function confirmWithoutBaseline(plan: ProjectPlan, runs: readonly RunRecord[], folder: vscode.Uri, answer?: WithoutBaseline): Promise<boolean> {
  const gap = baselineGap(plan, runs);
  if (!gap) return true;
  const record = 'Record Anyway';
  const run = gap.baselines.length ? 'Run Baseline' : 'Add Baseline…';
  const choice = answer ?? await vscode.window.showWarningMessage(`ML Project: ${gap.message}`, {
    modal: true,
    detail: 'A decision without a baseline number cannot say how much better the chosen candidate has to be. Run the baseline through the evaluation pipeline, then record the decision.',
  }, record, run).then((c) => (c === record ? 'record' : c === run ? 'run' : 'cancel'));
  if (choice === 'record') return true;
  if (choice === 'run') {
    void (gap.baselines.length
      ? vscode.commands.executeCommand(COMMANDS.runEvaluation, { folder, candidate: gap.baselines[0] })
      : vscode.commands.executeCommand(COMMANDS.addCandidate, { folder, baseline: true }));
  }
  return false;
}
