// Completion in `.mlproject.yaml`: schema keys with their descriptions, enumeration values, the catalog's step ids,
// rule codes, candidate ids for `decision.chosen` and literature titles for a candidate's `source`. The items come
// from the core (core/complete); this adapter only converts them. With the Red Hat YAML extension present, the
// schema's keys and values are left to it, so that nothing appears twice.
import * as vscode from 'vscode';
import { completionsAt, type CompletionKind, type PlanCompletion } from '../../core/complete/completionsAt';
import { parsePlan } from '../../core/parse/parsePlan';
import type { ProjectPlan } from '../../core/model';
import type { ProjectRegistry } from '../project/projectRegistry';

export const PLAN_SELECTOR: vscode.DocumentSelector = { pattern: '**/.mlproject.yaml' };
export const TRIGGER_CHARACTERS = [':', ' ', '-'];

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  step: vscode.CompletionItemKind.Field,
  rule: vscode.CompletionItemKind.Property,
  candidate: vscode.CompletionItemKind.Reference,
  literature: vscode.CompletionItemKind.Reference,
};

function toVsItem(document: vscode.TextDocument, item: PlanCompletion): vscode.CompletionItem {
  const out = new vscode.CompletionItem(item.label, KINDS[item.kind]);
  out.detail = item.detail;
  out.documentation = item.documentation; // plain text: it may come from the plan
  out.insertText = item.snippet ? new vscode.SnippetString(item.insertText) : item.insertText;
  out.keepWhitespace = true; // nested lines carry their own (absolute) indentation
  out.filterText = item.filterText;
  out.sortText = item.sortText;
  out.range = new vscode.Range(document.positionAt(item.range.start), document.positionAt(item.range.end));
  return out;
}

export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  /** `schemaOfferedElsewhere` is true when another extension (Red Hat YAML) completes the schema's keys and values. */
  constructor(
    private readonly registry: Pick<ProjectRegistry, 'projectFor'>,
    private readonly schemaOfferedElsewhere: () => boolean,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const text = document.getText();
    const plan = (): ProjectPlan => {
      const project = this.registry.projectFor(document.uri);
      return project?.planUri.toString() === document.uri.toString() && project.text === text ? project.result.parsed.plan : parsePlan(text).plan;
    };
    const items = completionsAt(text, document.offsetAt(position), plan, { schemaItems: !this.schemaOfferedElsewhere() });
    return items.map((item) => toVsItem(document, item));
  }
}

export function registerPlanCompletion(registry: ProjectRegistry, schemaOfferedElsewhere: () => boolean): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(PLAN_SELECTOR, new PlanCompletionProvider(registry, schemaOfferedElsewhere), ...TRIGGER_CHARACTERS);
}
