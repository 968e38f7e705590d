// Whether the Red Hat YAML extension (redhat.vscode-yaml) is installed and enabled. It reads the plan's schema
// through the manifest's `yamlValidation`, so it completes the schema's keys and enumerations and shows their
// descriptions on hover; our completion and hover then leave those out. Re-checked whenever extensions change
// (installed, enabled, disabled, removed). `getExtension` sees only enabled extensions.
import * as vscode from 'vscode';
import { DisposableOwner } from '../common/disposableOwner';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

export class RedHatYamlPresence extends DisposableOwner {
  private present: boolean;

  /** `lookup` and `onChange` are injectable for tests; by default they ask VS Code. */
  constructor(
    private readonly lookup: () => boolean = () => vscode.extensions.getExtension(RED_HAT_YAML) !== undefined,
    onChange: vscode.Event<unknown> = vscode.extensions.onDidChange,
  ) {
    super();
    this.present = lookup();
    this.own(onChange(() => {
      this.present = this.lookup();
    }));
  }

  /** True when the Red Hat extension offers the schema's items. */
  readonly active = (): boolean => this.present;
}
