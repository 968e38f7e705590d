// The target of a diagnostic's code link: a `command:` URI of "Show Rule Documentation" with the rule's code. VS Code
// ignores a `#anchor` on a file link and opens Markdown as source, so the link goes through the command, which opens
// the rendered page at the rule's heading (see showRule.ts). The Problems panel and the hover open command links.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { ruleDocSections, type RuleDocSection } from '../../core/rules/ruleDocs';

let cached: { page: string; sections: Map<string, RuleDocSection> } | undefined;

/** docs/rules.md as shipped in the extension. */
export function rulesPage(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
}

/** The rule's section in the shipped page (read once per extension location); undefined for an undocumented code. */
export function ruleDocSection(extensionUri: vscode.Uri, code: string): RuleDocSection | undefined {
  const page = rulesPage(extensionUri);
  if (cached?.page !== page.toString()) {
    let text = '';
    try {
      text = fs.readFileSync(page.fsPath, 'utf8');
    } catch {
      // not shipped (a development copy without docs): the command opens the page at its top
    }
    cached = { page: page.toString(), sections: ruleDocSections(text) };
  }
  return cached.sections.get(code);
}

/** `command:mlproject.showRule?["<code>"]`: what a diagnostic's code links to. */
export function ruleDocTarget(code: string): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMANDS.showRule}?${encodeURIComponent(JSON.stringify([code]))}`);
}
