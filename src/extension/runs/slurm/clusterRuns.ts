// The workspace's pending cluster runs in this window: each is a row of the active-runs registry (queued or running,
// executor slurm, its job id and log file) until the core's sync records it in the history. Synced on activation,
// on Refresh (the registry rediscovering its projects), when a pending file appears (e.g. `mlproject eval` in a
// terminal), after a submission or a cancel, and then with backoff while any run is pending. A finished run is
// recorded by the core (appendRunOnce: exactly once, whoever syncs), the registry is refreshed, and only then its
// row goes, so the run is never missing from the view. Nothing is synced in Restricted Mode.
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../../commandIds';
import { DisposableOwner } from '../../common/disposableOwner';
import { listPending, type PendingRun } from '../../../core/runs/pendingStore';
import type { RunRecord } from '../../../core/runs/runRecord';
import { cancelPendingRuns } from '../../../core/runs/slurm/cancel';
import { SlurmCommandError, type SlurmClient } from '../../../core/runs/slurm/slurmProcess';
import { syncPendingRuns } from '../../../core/runs/slurm/sync';
import type { ProjectRegistry, ProjectSnapshot } from '../../project/projectRegistry';
import type { ActiveRuns } from '../activeRuns';
import { clusterRow, phaseOf, summaryOf, type ClusterRowSummary } from './clusterRows';
import { announceRecorded } from './clusterMessages';
import { PendingPoller, type TickResult } from './pendingPoller';

export class ClusterRuns extends DisposableOwner {
  private readonly poller: PendingPoller;
  /** runs submitted from this window: their end is announced with the verdict */
  private readonly mine = new Set<string>();
  /** problems already shown (an unreachable controller is said once, not every poll) */
  private readonly warned = new Set<string>();

  constructor(
    private readonly registry: ProjectRegistry,
    private readonly active: ActiveRuns,
    readonly slurm: SlurmClient,
  ) {
    super();
    this.poller = new PendingPoller(() => this.syncAll(), { onError: (e) => this.warn(`cannot sync the cluster runs: ${(e as Error).message}`) });
    this.own({ dispose: () => this.poller.dispose() });
    // undefined: the set of projects changed (activation's discovery, Refresh, a folder added). The first sync is
    // the one after activation's discovery: before it there is no project to sync.
    this.own(registry.onDidChange((p) => p === undefined && this.poller.kick()));
    const watcher = this.own(vscode.workspace.createFileSystemWatcher('**/.mlproject/pending/*.json', false, true, true));
    this.own(watcher.onDidCreate(() => this.poller.kick()));
    this.own(vscode.workspace.onDidGrantWorkspaceTrust(() => this.poller.kick()));
  }

  /** Syncs now; returns the cluster rows afterwards. */
  async syncNow(): Promise<ClusterRowSummary[]> {
    this.poller.kick();
    await this.poller.idle();
    return this.rows().map(summaryOf);
  }

  rows(folder?: string) {
    return this.active.list(folder).filter((r) => r.executor === 'slurm');
  }

  /** A run this window just submitted: shown at once, announced when recorded. */
  track(project: ProjectSnapshot, pending: PendingRun): void {
    this.mine.add(pending.prepared.runId);
    this.active.set(this.row(project, pending));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.clusterRunsPending, true);
    this.poller.kick();
  }

  /** scancel for one pending run; it is recorded as cancelled once Slurm reports the job ended. */
  async cancel(root: string, runId: string): Promise<boolean> {
    let cancelled: string[];
    try {
      cancelled = await cancelPendingRuns(root, [runId], this.slurm);
    } catch (e) {
      if (!(e instanceof SlurmCommandError)) throw e;
      void vscode.window.showErrorMessage(`ML Project: could not cancel run ${runId}: ${e.message}`);
      return false;
    } finally {
      this.poller.kick();
    }
    if (cancelled.length === 0) {
      vscode.window.setStatusBarMessage(`$(circle-slash) Run ${runId} has no job yet: it is cancelled as soon as sbatch returns`, 5000);
    }
    return true;
  }

  private row(project: ProjectSnapshot, p: PendingRun) {
    const root = project.folder.uri.fsPath;
    return clusterRow(p, project.folder.uri.toString(), async () => void (await this.cancel(root, p.prepared.runId)));
  }

  private warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    void vscode.window.showWarningMessage(`ML Project: ${message}`);
  }

  private async syncAll(): Promise<TickResult> {
    // Restricted Mode: a cloned repository's pending files are not acted on (no Slurm tool runs, nothing is recorded)
    if (!vscode.workspace.isTrusted) return { pending: 0, changed: false };
    const projects = this.registry.projects();
    const folders = new Set(projects.map((p) => p.folder.uri.toString()));
    let changed = false;
    for (const r of this.rows()) {
      if (!folders.has(r.folder)) {
        this.active.delete(r.id); // its folder left the workspace; its pending file stays for later
        changed = true;
      }
    }
    let pending = 0;
    for (const project of projects) {
      const r = await this.syncProject(project);
      pending += r.pending;
      changed ||= r.changed;
    }
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.clusterRunsPending, pending > 0);
    return { pending, changed };
  }

  private async syncProject(project: ProjectSnapshot): Promise<TickResult> {
    const root = project.folder.uri.fsPath;
    const rows = this.rows(project.folder.uri.toString());
    const listed = await listPending(root);
    for (const m of listed.problems) this.warn(m);
    if (listed.runs.length === 0 && rows.length === 0) return { pending: 0, changed: false };
    let finished: RunRecord[] = [];
    let pending = listed.runs;
    if (listed.runs.length > 0) {
      try {
        ({ finished, pending } = await syncPendingRuns(root, this.slurm));
      } catch (e) {
        if (!(e instanceof SlurmCommandError)) throw e;
        this.warn(`cannot ask Slurm about the pending runs of ${project.folder.name}: ${e.message}`); // the rows stay as stored
      }
    }
    let changed = finished.length > 0;
    const seen = new Set<string>();
    for (const p of pending) {
      const id = p.prepared.runId;
      seen.add(id);
      const row = this.active.get(id);
      if (!row) {
        this.active.set(this.row(project, p));
        changed = true;
      } else if (row.phase !== phaseOf(p)) {
        this.active.setPhase(id, phaseOf(p));
        changed = true;
      }
    }
    // recorded now, or by another process (`mlproject runs --sync`): in the history before the row goes
    const gone = rows.filter((r) => !seen.has(r.id));
    if (finished.length > 0 || gone.length > 0) await this.registry.refresh(project.planUri);
    for (const r of gone) this.active.delete(r.id);
    if (finished.length > 0) {
      const fresh = this.registry.projects().find((p) => p.planUri.toString() === project.planUri.toString()) ?? project;
      announceRecorded(fresh, finished, this.mine);
    }
    return { pending: pending.length, changed: changed || gone.length > 0 };
  }
}
