// The target of a diagnostic's code link: docs/rules.md shipped in the extension, at the line of the rule's heading
// (`#L<line>`: VS Code ignores a `#anchor` on a file, but opens a `#L12` fragment at that line). The page is read
// once per extension location.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ruleDocLines } from '../../core/rules/ruleDocs';

let cached: { page: string; lines: Map<string, number> } | undefined;

function linesOf(page: vscode.Uri): Map<string, number> {
  if (cached?.page !== page.toString()) {
    let text = '';
    try {
      text = fs.readFileSync(page.fsPath, 'utf8');
    } catch {
      // not shipped (a development copy without docs): the link opens nothing more precise than the file
    }
    cached = { page: page.toString(), lines: ruleDocLines(text) };
  }
  return cached.lines;
}

export function ruleDocTarget(extensionUri: vscode.Uri, code: string): vscode.Uri {
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  const line = linesOf(page).get(code);
  return line ? page.with({ fragment: `L${line}` }) : page;
}
