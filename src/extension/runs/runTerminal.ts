// The terminal of an evaluation task: a pseudoterminal that shows what the extension writes (the command's output,
// a sweep's `[label]`-prefixed lines) and tells the owner when a person interrupts it (Ctrl+C) or closes it (the
// trash can, "Terminate Task"). The extension spawns the command itself (the core's executor), so it knows the real
// exit status and how the run ended; a shell task's terminal reports 0 for a command interrupted with Ctrl+C.
// Text written before the terminal opens is kept and shown when it does.
import * as vscode from 'vscode';

export interface RunTerminalHandlers {
  /** Ctrl+C typed in the terminal */
  onInterrupt(): void;
  /** the terminal was closed, or its task terminated, before `end` */
  onClose(): void;
}

/** Line ends for a terminal: every lone `\n` becomes `\r\n`. */
export function terminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export class RunTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private opened = false;
  private ended = false;
  private pending: string[] = [];

  constructor(private readonly handlers: RunTerminalHandlers) {}

  open(): void {
    this.opened = true;
    for (const t of this.pending.splice(0)) this.writeEmitter.fire(t);
    if (this.ended) this.closeEmitter.fire(this.exitCode);
  }

  private exitCode: number | undefined;

  /** Shows `text` (plain `\n` line ends). */
  write(text: string): void {
    const t = terminalText(text);
    if (this.opened) this.writeEmitter.fire(t);
    else this.pending.push(t);
  }

  handleInput(data: string): void {
    if (!this.ended && data.includes('\x03')) this.handlers.onInterrupt();
  }

  /** VS Code closes the terminal (the user, or the task's termination). */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.handlers.onClose();
  }

  /** The run is over: the task ends with this exit code (its terminal stays open to be read). */
  end(exitCode: number): void {
    if (this.ended) return;
    this.ended = true;
    this.exitCode = exitCode;
    if (this.opened) this.closeEmitter.fire(exitCode);
  }
}

/** A task whose execution is `terminal`, in a dedicated panel that is shown but does not take the focus. */
export function terminalTask(
  definition: vscode.TaskDefinition,
  folder: vscode.WorkspaceFolder,
  name: string,
  source: string,
  terminal: RunTerminal,
): vscode.Task {
  const task = new vscode.Task(definition, folder, name, source, new vscode.CustomExecution(async () => terminal), []);
  task.presentationOptions = {
    reveal: vscode.TaskRevealKind.Always,
    focus: false,
    panel: vscode.TaskPanelKind.Dedicated,
    showReuseMessage: false,
    clear: false,
    echo: false,
  };
  task.isBackground = false;
  return task;
}
