// The one way the extension's long-lived objects own what they create: each `own(...)`ed disposable (an event
// subscription, an emitter, a view, a status bar item) is disposed with its owner, once, in the order it was owned.
import * as vscode from 'vscode';

export abstract class DisposableOwner implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Takes ownership of `disposable` and returns it; an owner already disposed disposes it at once. */
  protected own<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  /** What to do before the owned disposables go (clear timers, ...). */
  protected onDispose(): void {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDispose();
    vscode.Disposable.from(...this.owned.splice(0)).dispose();
  }
}
