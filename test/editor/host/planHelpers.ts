// Helpers of the plan-surface host tests (plan*.test.ts): reset the workspace to an example, wait for conditions,
// read this extension's diagnostics and the CLI's. Bundled next to the tests; index.ts loads only *.test.js.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ACTION_IDS } from '../../../src/core/frontEnd';
import { CLI_FRONT_END } from '../../../src/cli/frontEnd';
import { EDITOR_FRONT_END } from '../../../src/extension/common/frontEnd';

export const EXTENSION_ID = 'mlproject.mlproject';

export function extensionPath(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} not installed`);
  return ext.extensionPath;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri.fsPath;
}

export const planUri = () => vscode.Uri.file(path.join(workspaceRoot(), '.mlproject.yaml'));

/** Polls `check` until it returns a truthy value; fails with `what` (and the last value) after `ms`. */
export async function until<T>(check: () => T | Promise<T>, what: string, ms = 30_000, describe?: () => string): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}${describe ? `\n${describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function activated(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  await until(() => ext.isActive, `${EXTENSION_ID} to activate`);
}

const documentOf = (file: string) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file && !d.isClosed);

/**
 * Makes `file` hold exactly `text` on disk, and any document of it in the extension host show it; shared by every
 * host suite. A document of the file (an editor an earlier test left open, or one that lingers after closing) is
 * edited and saved, as a person would: a write on disk alone relies on the file watcher to reload that document,
 * which on a loaded machine can take longer than a test's timeout. A text whose bytes an editor's save could change
 * (a BOM, CR line endings) is written on disk, and the document waited for.
 */
export async function writeWorkspaceFile(file: string, text: string): Promise<void> {
  const doc = documentOf(file);
  if (doc && !text.includes('\r') && !text.startsWith('\ufeff') && doc.eol === vscode.EndOfLine.LF) {
    if (doc.getText() !== text) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
      assert.ok(await vscode.workspace.applyEdit(edit), `${path.basename(file)}: the edit was not applied`);
    }
    if (doc.isDirty) assert.ok(await doc.save(), `${path.basename(file)}: not saved`);
    // the document shows the text; the disk can still hold another when the document was not edited here
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
    return;
  }
  fs.writeFileSync(file, text);
  await until(() => {
    const open = documentOf(file);
    return !open || open.getText() === text.replace(/^\ufeff/, '');
  }, `${path.basename(file)} to reload from disk`);
}

/**
 * Makes the workspace folder hold exactly the files of `dir` (the workspace is a temp copy made for the run). The
 * plan is overwritten in place, so the extension sees one change rather than a deleted project.
 */
async function useFolder(source: string): Promise<string> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // A plan left dirty by an earlier test would win over the file on disk: revert it first.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === planUri().toString());
  if (open?.isDirty) {
    await vscode.window.showTextDocument(open);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  const root = workspaceRoot();
  for (const entry of fs.readdirSync(root)) {
    if (entry !== '.mlproject.yaml') fs.rmSync(path.join(root, entry), { recursive: true, force: true });
  }
  for (const entry of fs.readdirSync(source)) {
    if (entry !== '.mlproject.yaml') fs.cpSync(path.join(source, entry), path.join(root, entry), { recursive: true });
  }
  const text = fs.readFileSync(path.join(source, '.mlproject.yaml'), 'utf8');
  await writeWorkspaceFile(path.join(root, '.mlproject.yaml'), text);
  return text;
}

/** Makes the workspace hold exactly `examples/<name>`; returns the plan's text. */
export function useExample(name: string): Promise<string> {
  return useFolder(path.join(extensionPath(), 'examples', name));
}

/** Makes the workspace hold exactly `test/editor/fixtures/<name>`; returns the plan's text. */
export function useFixture(name: string): Promise<string> {
  return useFolder(path.join(extensionPath(), 'test', 'editor', 'fixtures', name));
}

/**
 * Copies the workspace aside; the returned function puts it back. Each plan suite restores the workspace it found,
 * so the suites that run after it see what they expect.
 */
export function keepWorkspace(): { save: () => void; restore: () => Promise<void> } {
  let saved: string | undefined;
  return {
    save: () => {
      saved = fs.mkdtempSync(path.join(os.tmpdir(), 'mlproject-plan-tests-'));
      fs.cpSync(workspaceRoot(), saved, { recursive: true });
    },
    restore: async () => {
      if (!saved) return;
      await useFolder(saved);
      fs.rmSync(saved, { recursive: true, force: true });
    },
  };
}

export interface Item {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

export const key = (i: Item) => `${i.file}:${i.line}:${i.column}-${i.endLine}:${i.endColumn} ${i.severity} ${i.code} ${i.message}`;

/** This extension's diagnostics in the workspace, in the CLI's JSON shape (1-based, workspace-relative files). */
export function editorItems(): Item[] {
  const root = workspaceRoot();
  const out: Item[] = [];
  for (const [uri, list] of vscode.languages.getDiagnostics()) {
    for (const d of list) {
      if (d.source !== 'mlproject') continue;
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      out.push({
        file: path.relative(root, uri.fsPath).split(path.sep).join('/'),
        line: d.range.start.line + 1, column: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: SEVERITY[d.severity], code, message: d.message,
      });
    }
  }
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}

/** A CLI message in the editor's words: each front end names actions its own way (`mlproject brief` in the CLI). */
export function inEditorWords(message: string): string {
  return ACTION_IDS.reduce((m, id) => m.split(CLI_FRONT_END.action(id)).join(EDITOR_FRONT_END.action(id)), message);
}

/** `mlproject check <workspace> --format json --hints` (every severity, as the editor shows them), run with the CLI shipped beside the extension. */
export function cliItems(): Item[] {
  const root = workspaceRoot();
  const cli = path.join(extensionPath(), 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', root, '--format', 'json', '--hints'], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed (exit ${r.status}): ${r.stderr}`);
  const items = JSON.parse(r.stdout || '[]') as Item[];
  return items.map((i) => ({ file: i.file, line: i.line, column: i.column, endLine: i.endLine, endColumn: i.endColumn, severity: i.severity, code: i.code, message: inEditorWords(i.message) }))
    .sort((a, b) => key(a).localeCompare(key(b)));
}

/** Waits until the editor shows exactly the CLI's diagnostics; returns them. */
export async function diagnosticsMatchCli(): Promise<Item[]> {
  const expected = cliItems().map(key);
  let actual: string[] = [];
  await until(() => {
    actual = editorItems().map(key);
    return JSON.stringify(actual) === JSON.stringify(expected);
  }, 'the editor diagnostics to match `mlproject check`', 20_000, () => `editor:\n  ${actual.join('\n  ')}\ncli:\n  ${expected.join('\n  ')}`);
  return editorItems();
}

export async function openPlan(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(planUri());
  return vscode.window.showTextDocument(document, { preview: false });
}

export const onDisk = () => fs.readFileSync(planUri().fsPath, 'utf8');
