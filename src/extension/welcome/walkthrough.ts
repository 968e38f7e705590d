// The "Design an ML model without the classic pitfalls" walkthrough: the command that opens it (the welcome view's
// link uses it too), and the context keys its steps complete on, set from the registry's latest snapshots on every
// change, so a project already past a step (plan, brief, candidates, a baseline run) shows it done.
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../commandIds';
import { DisposableOwner } from '../common/disposableOwner';
import type { ProjectRegistry } from '../project/projectRegistry';
import { anyMilestones, milestones, type Milestones } from '../../core/milestones';

/** The walkthrough's id as VS Code knows it: `<publisher>.<name>#<walkthrough id>`. */
export function walkthroughCategory(context: vscode.ExtensionContext): string {
  return `${context.extension.id}#mlproject.gettingStarted`;
}

/**
 * Opens the walkthrough, also while the Welcome editor in front shows another walkthrough. VS Code 1.100's
 * `workbench.action.openWalkthrough` does nothing then (it returns early when the active Getting Started editor already
 * has a selected walkthrough and step); `welcome.goBack` first brings that editor back to its list of walkthroughs (or
 * closes it when it shows the list), and does nothing in any other editor.
 */
export async function openWalkthrough(context: vscode.ExtensionContext, step?: string): Promise<void> {
  const category = walkthroughCategory(context);
  const active = vscode.window.tabGroups.activeTabGroup.activeTab;
  // The Getting Started editor has no public tab input type: only such a tab can be one.
  if (active && active.input === undefined) {
    await vscode.commands.executeCommand('welcome.goBack').then(undefined, () => undefined);
  }
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', step ? { category, step } : category, false);
}

/** Each milestone: the context key its step's `completionEvents` name (package.json), and the step's id. */
const STEPS: Record<keyof Milestones, { key: string; step: string }> = {
  brief: { key: CONTEXT_KEYS.hasBrief, step: 'writeBrief' },
  candidates: { key: CONTEXT_KEYS.hasCandidates, step: 'literatureAndCandidates' },
  baselineRun: { key: CONTEXT_KEYS.hasBaselineRun, step: 'runBaseline' },
};
/** The first step completes on the hasPlan context key, which the registry sets itself. */
const PLAN_STEP = 'createPlan';

/**
 * Keeps the walkthrough's context keys in step with the registry, and marks a step complete when its milestone is
 * reached. Marking is needed besides the keys: VS Code 1.100 counts an `onContext` completion event only when the key
 * changes after the walkthrough is registered, and an extension's walkthrough can be registered after activation set
 * the keys (registration first waits, up to 5 s, on an experiment-service lookup): the step would then never tick,
 * as seen in code-server. `welcome.markStepComplete` records the step as done even before the walkthrough is there.
 */
export class WalkthroughContext extends DisposableOwner {
  private readonly last = new Map<string, boolean>();
  private readonly marked = new Set<string>();

  constructor(private readonly registry: ProjectRegistry, private readonly category: string) {
    super();
    this.own(registry.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const projects = this.registry.projects();
    const reached = anyMilestones(projects.map((p) => milestones(p.result.parsed.plan, p.result.facts)));
    if (projects.length > 0) this.markDone(PLAN_STEP);
    for (const name of Object.keys(STEPS) as (keyof Milestones)[]) {
      const { key, step } = STEPS[name];
      if (reached[name]) this.markDone(step);
      if (this.last.get(key) === reached[name]) continue;
      this.last.set(key, reached[name]);
      void vscode.commands.executeCommand('setContext', key, reached[name]);
    }
  }

  private markDone(step: string): void {
    if (this.marked.has(step)) return;
    this.marked.add(step);
    // Before the walkthrough is registered the command records the step and then throws: nothing to report.
    void vscode.commands.executeCommand('welcome.markStepComplete', `${this.category}#${step}`).then(undefined, () => undefined);
  }
}
