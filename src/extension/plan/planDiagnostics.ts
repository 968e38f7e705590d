// One DiagnosticCollection for every plan and the files its diagnostics point at (the brief). It only forwards the
// registry's change event: each snapshot replaces the diagnostics that project published before.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { diagnosticUri, toVsDiagnostic } from './vsDiagnostics';

export class PlanDiagnostics extends DisposableOwner {
  private readonly collection = this.own(vscode.languages.createDiagnosticCollection('mlproject'));
  /** plan URI -> the URIs that project published diagnostics on */
  private readonly published = new Map<string, vscode.Uri[]>();

  constructor(private readonly registry: ProjectRegistry) {
    super();
    this.own(registry.onDidChange((project) => (project ? this.publish(project) : this.publishAll())));
    this.publishAll();
  }

  private publishAll(): void {
    const projects = this.registry.projects();
    const live = new Set(projects.map((p) => p.planUri.toString()));
    for (const [plan, uris] of [...this.published]) {
      if (live.has(plan)) continue;
      for (const uri of uris) this.collection.delete(uri);
      this.published.delete(plan);
    }
    for (const p of projects) this.publish(p);
  }

  private publish(project: ProjectSnapshot): void {
    const ctx = { folder: project.folder.uri, planUri: project.planUri };
    const byUri = new Map<string, { uri: vscode.Uri; items: vscode.Diagnostic[] }>();
    byUri.set(project.planUri.toString(), { uri: project.planUri, items: [] });
    for (const d of project.result.diagnostics) {
      const uri = diagnosticUri(project.folder.uri, project.planUri, d.file);
      const slot = byUri.get(uri.toString()) ?? { uri, items: [] };
      slot.items.push(toVsDiagnostic(d, ctx));
      byUri.set(uri.toString(), slot);
    }
    const key = project.planUri.toString();
    for (const old of this.published.get(key) ?? []) {
      if (!byUri.has(old.toString())) this.collection.delete(old);
    }
    for (const { uri, items } of byUri.values()) this.collection.set(uri, items);
    this.published.set(key, [...byUri.values()].map((s) => s.uri));
  }
}
