// The "Design an ML model without the classic pitfalls" walkthrough: the command that opens it (the welcome view's
// link uses it too), and the context keys its steps complete on, set from the registry's latest snapshots on every
// change, so a project already past a step (brief written, candidates listed, baseline run recorded) shows it done.
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

const KEYS: Record<keyof Milestones, string> = {
  brief: CONTEXT_KEYS.hasBrief,
  candidates: CONTEXT_KEYS.hasCandidates,
  baselineRun: CONTEXT_KEYS.hasBaselineRun,
};

/** Keeps the walkthrough's context keys in step with the registry. */
export class WalkthroughContext extends DisposableOwner {
  private last = new Map<string, boolean>();

  constructor(private readonly registry: ProjectRegistry) {
    super();
    this.own(registry.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const reached = anyMilestones(this.registry.projects().map((p) => milestones(p.result.parsed.plan, p.result.facts)));
    for (const name of Object.keys(KEYS) as (keyof Milestones)[]) {
      const key = KEYS[name];
      if (this.last.get(key) === reached[name]) continue;
      this.last.set(key, reached[name]);
      void vscode.commands.executeCommand('setContext', key, reached[name]);
    }
  }
}
