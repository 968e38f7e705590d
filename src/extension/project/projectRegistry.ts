// The one model the extension's surfaces read: for each workspace folder with a `.mlproject.yaml`, the latest check
// result. It re-checks on edits (after a delay that adapts to what a check costs), saves, and file changes that can
// alter evidence (the brief written, a dataset added, a run recorded), and fires one change event; trees, diagnostics
// and the status bar only forward it.
import * as path from 'path';
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';
import { CONTEXT_KEYS } from '../commandIds';
import { createChecker, type CheckResult } from '../../core/check';
import { CheckCost } from '../../core/adaptiveDelay';
import { PLAN_FILE_NAME } from '../../core/model';
import { NodeFs } from '../../core/workspace/nodeFs';
import { MAX_PLAN_CHARS } from '../../core/parse/parsePlan';
import { WorkspacePathError } from '../../core/workspace/realPaths';
import { checkWorkspaceFile, readWorkspaceFile } from '../../core/workspace/safeRead';
import { readSettings } from '../common/settings';
import { briefReaderFor } from './briefReader';
import { foldersWithPlans } from '../common/files';
import { EDITOR_FRONT_END } from '../common/frontEnd';

export interface ProjectSnapshot {
  folder: vscode.WorkspaceFolder;
  planUri: vscode.Uri;
  /** the text that was checked (the editor's buffer when the plan is open, else the file on disk) */
  text: string;
  result: CheckResult;
}

type Checker = ReturnType<typeof createChecker>;

interface Entry {
  folder: vscode.WorkspaceFolder;
  planUri: vscode.Uri;
  checker: Checker;
  /** what its checks cost: the delay after a keystroke adapts to it, with the setting as the ceiling */
  cost: CheckCost;
  /** the folder's `mlproject.diagnostics.debounceMs`, read with the checker's settings (a change re-creates both) */
  debounceMs: number;
  snapshot?: ProjectSnapshot;
  timer?: ReturnType<typeof setTimeout>;
  /** why the plan was last refused by the real-path rules (said once until it changes) */
  refused?: string;
  /**
   * True once the open plan's real path passed the real-path rules, until the next file-system event on it or its
   * next opening: keystrokes, which cannot swap the file for a link, are then checked without that look at the disk.
   */
  pathVerified?: boolean;
  /** incremented per scheduled check, so a slow old check never overwrites a newer one */
  generation: number;
  /** the check of the latest generation, while it runs */
  inflight?: Promise<void>;
}

const IGNORED = /(^|\/)(\.git|node_modules|\.mlproject\/runs\/[^/]+)(\/|$)/;

export class ProjectRegistry extends DisposableOwner {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = this.own(new vscode.EventEmitter<ProjectSnapshot | undefined>());

  /** Fires with the project that changed, or undefined when the set of projects changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    const watcher = this.own(vscode.workspace.createFileSystemWatcher('**/*'));
    const onFile = (uri: vscode.Uri, created: boolean) => this.onFileEvent(uri, created);
    [
      watcher.onDidCreate((u) => onFile(u, true)),
      watcher.onDidDelete((u) => onFile(u, true)),
      watcher.onDidChange((u) => onFile(u, false)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocument(e.document, true)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDocument(d, false)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onDocument(d, false)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mlproject')) this.recheckAll();
      }),
    ].forEach((d) => this.own(d));
  }

  /** Finds the plans of every workspace folder and checks them. */
  async discover(): Promise<void> {
    const seen = new Set<string>();
    for (const { folder, planUri } of await foldersWithPlans()) {
      const key = planUri.toString();
      seen.add(key);
      if (!this.entries.has(key)) this.entries.set(key, this.newEntry(folder, planUri));
      this.entries.get(key)!.pathVerified = false;
    }
    for (const key of [...this.entries.keys()]) {
      if (!seen.has(key)) this.remove(key);
    }
    await Promise.all([...this.entries.values()].map((e) => this.check(e)));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasPlan, this.entries.size > 0);
    this.emitter.fire(undefined);
  }

  projects(): ProjectSnapshot[] {
    return [...this.entries.values()].flatMap((e) => (e.snapshot ? [e.snapshot] : []));
  }

  /** The project of a folder, a plan file, or any file inside a project's folder. */
  projectFor(uri: vscode.Uri): ProjectSnapshot | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return this.projects().find((p) => p.folder.uri.toString() === folder?.uri.toString());
  }

  /**
   * Checks a project now (e.g. after a command wrote a file) and returns a snapshot made after this call: when a newer
   * check overtakes this one, it waits for that one instead of returning a stale result.
   */
  async refresh(planUri: vscode.Uri, invalidateFacts = true): Promise<ProjectSnapshot | undefined> {
    const entry = this.entries.get(planUri.toString());
    if (!entry) return undefined;
    if (invalidateFacts) entry.checker.invalidate();
    await this.check(entry);
    while (entry.inflight) await entry.inflight;
    return this.entries.get(planUri.toString())?.snapshot;
  }

  private newEntry(folder: vscode.WorkspaceFolder, planUri: vscode.Uri): Entry {
    const fs = new NodeFs(folder.uri.fsPath);
    const settings = readSettings(folder.uri);
    const checker = createChecker({ fs, config: settings.rules, countEvidence: settings.countEvidence, readBrief: briefReaderFor(folder), frontEnd: EDITOR_FRONT_END });
    return { folder, planUri, checker, cost: new CheckCost(), debounceMs: settings.debounceMs, generation: 0 };
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (e?.timer) clearTimeout(e.timer);
    this.entries.delete(key);
  }

  private check(entry: Entry): Promise<void> {
    const generation = ++entry.generation;
    const run = this.runCheck(entry, generation).finally(() => {
      if (entry.inflight === run) entry.inflight = undefined;
    });
    entry.inflight = run;
    return run;
  }

  private async runCheck(entry: Entry, generation: number): Promise<void> {
    const verify = !entry.pathVerified;
    const text = await readPlanText(entry.planUri, verify);
    if (text instanceof WorkspacePathError) {
      // Refused by the core's real-path rules (a link leading outside, a FIFO, a huge file): said once, never
      // followed, and what an earlier check showed goes (no diagnostics, no quick fix edits through the link).
      if (generation !== entry.generation) return;
      if (entry.refused !== text.message) {
        entry.refused = text.message;
        void vscode.window.showErrorMessage(`ML Project: ${PLAN_FILE_NAME} in ${entry.folder.name} is not read: ${text.message}`);
      }
      if (entry.snapshot) {
        entry.snapshot = undefined;
        this.emitter.fire(undefined);
      }
      return;
    }
    entry.refused = undefined;
    if (verify) entry.pathVerified = true;
    if (text === undefined) {
      // The plan was deleted between the event and now: rediscover.
      void this.discover();
      return;
    }
    const started = performance.now();
    const result = await entry.checker.update(text);
    entry.cost.record(performance.now() - started);
    if (generation !== entry.generation) return;
    entry.snapshot = { folder: entry.folder, planUri: entry.planUri, text, result };
    this.emitter.fire(entry.snapshot);
  }

  private schedule(entry: Entry, delayMs: number): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.check(entry);
    }, delayMs);
  }

  private onDocument(document: vscode.TextDocument, edited: boolean): void {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return;
    if (!edited) entry.pathVerified = false;
    this.schedule(entry, edited ? entry.cost.keystroke(performance.now(), entry.debounceMs) : 0);
  }

  private onFileEvent(uri: vscode.Uri, createdOrDeleted: boolean): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const rel = vscode.workspace.asRelativePath(uri, false);
    if (IGNORED.test(rel)) return;
    if (uri.path.endsWith(`/${PLAN_FILE_NAME}`) && createdOrDeleted) {
      void this.discover();
      return;
    }
    for (const entry of this.entries.values()) {
      if (entry.folder.uri.toString() !== folder.uri.toString()) continue;
      if (uri.toString() !== entry.planUri.toString()) entry.checker.invalidate();
      else entry.pathVerified = false;
      this.schedule(entry, 150);
    }
  }

  private recheckAll(): void {
    for (const [key, entry] of this.entries) {
      const fresh = this.newEntry(entry.folder, entry.planUri);
      fresh.snapshot = entry.snapshot; // keep showing the project until the re-check with the new settings lands
      fresh.cost = entry.cost;
      if (entry.timer) clearTimeout(entry.timer);
      this.entries.set(key, fresh);
      void this.check(fresh);
    }
  }

  protected override onDispose(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.entries.clear();
  }
}

/**
 * The open document's text (it may be unsaved), else the file on disk; undefined when it is gone. A file on disk is
 * read with the core's safe reader (its folder is its workspace, as in the CLI); a refusal is returned, not thrown.
 */
async function readPlanText(uri: vscode.Uri, verify: boolean): Promise<string | undefined | WorkspacePathError> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && verify && uri.scheme === 'file') {
    // An open document is judged by the file it stands for: its edits and quick fixes would be saved through it.
    try {
      await checkWorkspaceFile(path.dirname(uri.fsPath), uri.fsPath);
    } catch (e) {
      if (e instanceof WorkspacePathError) return e;
    }
  }
  if (open) return open.getText();
  if (uri.scheme === 'file') {
    try {
      const bytes = await readWorkspaceFile(path.dirname(uri.fsPath), uri.fsPath, { maxBytes: MAX_PLAN_CHARS * 2 });
      return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
    } catch (e) {
      if (e instanceof WorkspacePathError) return e;
      return undefined;
    }
  }
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
