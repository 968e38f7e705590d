// "ML Project: Show Rule Documentation": docs/rules.md rendered in VS Code's Markdown preview, scrolled to the rule's
// heading. A diagnostic's code link calls it with the code; from the Command Palette it asks which rule. Without the
// built-in Markdown extension (disabled), the page opens as text with the heading line selected.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { allRuleInfo, ruleInfo } from '../../core/rules/ruleInfo';
import { ruleDocSection, rulesPage } from './ruleDocLinks';

const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';
const MARKDOWN_PREVIEW = 'markdown.showPreview';

async function pickRule(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    allRuleInfo().map((r) => ({ label: r.code, description: r.pitfall ? `Pitfall ${r.pitfall}: ${r.title}` : r.title, detail: r.why })),
    { title: 'Show Rule Documentation', placeHolder: 'Which rule?', matchOnDescription: true },
  );
  return picked?.label;
}

export async function showRule(extensionUri: vscode.Uri, code: unknown): Promise<void> {
  const chosen = typeof code === 'string' && ruleInfo(code) ? code : await pickRule();
  if (!chosen) return;
  const page = rulesPage(extensionUri);
  const section = ruleDocSection(extensionUri, chosen);
  // The built-in Markdown extension registers its preview command on activation, which this command triggers.
  if (vscode.extensions.getExtension(MARKDOWN_EXTENSION)) {
    try {
      // the preview scrolls to the element whose id is the URI's fragment: the heading's anchor
      await vscode.commands.executeCommand(MARKDOWN_PREVIEW, section ? page.with({ fragment: section.anchor }) : page);
      return;
    } catch {
      // disabled or failing: the source below
    }
  }
  const at = section ? new vscode.Position(section.line - 1, 0) : new vscode.Position(0, 0);
  await vscode.window.showTextDocument(page, { selection: new vscode.Range(at, at), preview: true });
}

export function registerShowRule(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.showRule, (code?: unknown) => showRule(extensionUri, code));
}
