// The first-run confirmation of evaluation commands: once a user approves a command text in a workspace folder, the
// approval is remembered in the workspace state, keyed by a hash of the folder and the command text (the template
// from `evaluation.command`, so a new run id does not count as a new command; any change to the text does). No
// vscode import: the store takes anything with `get`/`update`, like `ExtensionContext.workspaceState`.
import { createHash } from 'crypto';

export interface StateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

export const APPROVALS_KEY = 'mlproject.approvedCommands';
/** keep the store bounded: the oldest approvals are forgotten first */
export const MAX_APPROVALS = 200;

/** sha256 of the folder and the exact command text (no normalisation: a changed space is a changed command). */
export function commandHash(commandText: string, folder = ''): string {
  return createHash('sha256').update(folder).update('\0').update(commandText).digest('hex');
}

export class CommandApprovals {
  constructor(private readonly state: StateLike) {}

  private list(): string[] {
    const v = this.state.get<unknown>(APPROVALS_KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  isApproved(commandText: string, folder = ''): boolean {
    return this.list().includes(commandHash(commandText, folder));
  }

  async approve(commandText: string, folder = ''): Promise<void> {
    const h = commandHash(commandText, folder);
    const list = this.list().filter((x) => x !== h);
    list.push(h);
    await this.state.update(APPROVALS_KEY, list.slice(-MAX_APPROVALS));
  }

  async forget(commandText: string, folder = ''): Promise<void> {
    const h = commandHash(commandText, folder);
    await this.state.update(APPROVALS_KEY, this.list().filter((x) => x !== h));
  }
}
