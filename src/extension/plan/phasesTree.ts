// The Phases view: Design (Discover, Define, Develop, Deliver) and Deployment, each with its steps; one folder node
// per project when several workspace folders have a plan. It only forwards the registry's change event.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { VIEWS } from '../commandIds';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import type { PhasesNode } from './treeNodes';
import { folderItem, phaseItem, stageItem, stepItem } from './phaseItems';
import { pitfallsByStep } from '../../core/pitfallsByStep';

export class PhasesTreeProvider extends DisposableOwner implements vscode.TreeDataProvider<PhasesNode> {
  private readonly emitter = this.own(new vscode.EventEmitter<PhasesNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<PhasesNode>;

  constructor(private readonly registry: ProjectRegistry) {
    super();
    this.view = this.own(vscode.window.createTreeView(VIEWS.phases, { treeDataProvider: this, showCollapseAll: true }));
    this.own(registry.onDidChange(() => this.emitter.fire(undefined)));
  }

  private project(planUri: string): ProjectSnapshot | undefined {
    return this.registry.projects().find((p) => p.planUri.toString() === planUri);
  }

  getChildren(node?: PhasesNode): PhasesNode[] {
    if (!node) {
      const projects = this.registry.projects();
      if (projects.length === 1) return this.projectChildren(projects[0]);
      return projects.map((p) => ({ kind: 'folder', planUri: p.planUri.toString(), name: p.folder.name }));
    }
    const project = this.project(node.planUri);
    if (!project) return [];
    const planUri = node.planUri;
    switch (node.kind) {
      case 'folder':
        return this.projectChildren(project);
      case 'stage':
        return project.result.state.phases.filter((p) => p.stage === 'design').map((p) => ({ kind: 'phase', planUri, phase: p.id }));
      case 'phase': {
        const phase = project.result.state.phases.find((p) => p.id === node.phase);
        return (phase?.steps ?? []).map((s) => ({ kind: 'step', planUri, phase: s.phase, stepId: s.id }));
      }
      default:
        return [];
    }
  }

  private projectChildren(project: ProjectSnapshot): PhasesNode[] {
    const planUri = project.planUri.toString();
    const rest = project.result.state.phases.filter((p) => p.stage !== 'design');
    return [{ kind: 'stage', planUri, stage: 'design' }, ...rest.map((p) => ({ kind: 'phase' as const, planUri, phase: p.id }))];
  }

  getTreeItem(node: PhasesNode): vscode.TreeItem {
    const project = this.project(node.planUri);
    if (!project) return new vscode.TreeItem('(plan closed)');
    const state = project.result.state;
    switch (node.kind) {
      case 'folder':
        return folderItem(node, state);
      case 'stage':
        return stageItem(node, state.phases);
      case 'phase': {
        const phase = state.phases.find((p) => p.id === node.phase)!;
        return phaseItem(node, phase, state.currentPhase === node.phase);
      }
      case 'step': {
        const step = state.phases.find((p) => p.id === node.phase)?.steps.find((s) => s.id === node.stepId);
        if (!step) return new vscode.TreeItem(node.stepId);
        return stepItem(node, step, pitfallsByStep(project.result).get(step.id) ?? []);
      }
    }
  }

  getParent(node: PhasesNode): PhasesNode | undefined {
    const several = this.registry.projects().length > 1;
    const folder = (): PhasesNode | undefined => {
      const p = this.project(node.planUri);
      return several && p ? { kind: 'folder', planUri: node.planUri, name: p.folder.name } : undefined;
    };
    switch (node.kind) {
      case 'step':
        return { kind: 'phase', planUri: node.planUri, phase: node.phase };
      case 'phase':
        return node.phase === 'deployment' ? folder() : { kind: 'stage', planUri: node.planUri, stage: 'design' };
      case 'stage':
        return folder();
      default:
        return undefined;
    }
  }
}
