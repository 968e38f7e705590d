// Hovers in `.mlproject.yaml`: on a checklist step, its why, roles, status and evidence; on a phase, its summary
// and progress; on any other key, the schema's description; on a diagnostic's range, why the rule matters.
// With the Red Hat YAML extension present, it shows the schema's descriptions itself: the schema section and the
// phase summary (the phase's schema description) are left out, the rest (which it cannot know) stays.
// Markdown is rendered without HTML and untrusted (every text here may come from the plan), except for one command:
// a rule's section ends with a link to its documentation (Show Rule Documentation, which only opens that page).
import * as vscode from 'vscode';
import { parsePlan } from '../../core/parse/parsePlan';
import type { YamlPath } from '../../core/yamlPath';
import { ruleInfo } from '../../core/rules/ruleInfo';
import { describePath } from '../../core/schema/describe';
import type { StepState } from '../../core/state/projectState';
import type { Range } from '../../core/types';
import { toVsRange } from './vsDiagnostics';
import { ruleDocTarget } from './ruleDocLinks';
import { COMMANDS } from '../commandIds';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { escapeMarkdown } from '../common/markdown';

const contains = (r: Range, offset: number) => r.startOffset <= offset && offset <= r.endOffset;
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function stepSection(md: vscode.MarkdownString, step: StepState): void {
  md.appendMarkdown(`**${escapeMarkdown(step.title)}** ${code(step.id)}: ${step.status}${step.custom ? ' (custom step)' : ''}\n\n`);
  md.appendMarkdown(`${step.custom ? escapeMarkdown(step.why) : step.why}\n\n`);
  if (step.roles.length) md.appendMarkdown(`*Roles:* ${step.roles.map(escapeMarkdown).join(', ')}\n\n`);
  if (step.evidence) md.appendMarkdown(`*Evidence:* ${step.evidence.seen ? 'seen' : 'not seen'}: ${step.evidence.detail}\n\n`);
  if (step.reason) md.appendMarkdown(`*Reason skipped:* ${escapeMarkdown(step.reason)}\n\n`);
}

export class PlanHoverProvider implements vscode.HoverProvider {
  /** `schemaOfferedElsewhere` is true when another extension (Red Hat YAML) shows the schema's descriptions. */
  constructor(private readonly registry: ProjectRegistry, private readonly schemaOfferedElsewhere: () => boolean = () => false) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const project = this.registry.projectFor(document.uri);
    if (!project || project.planUri.toString() !== document.uri.toString()) return undefined;
    const text = document.getText();
    const current = text === project.text;
    const parsed = current ? project.result.parsed : parsePlan(text);
    const offset = document.offsetAt(position);
    const path = parsed.source.pathAt(offset);
    const md = new vscode.MarkdownString('', false);
    md.isTrusted = false;
    md.supportHtml = false;
    let range: Range | undefined;

    if (path) range = this.pathSection(md, project, path, parsed.source.keyRange(path), offset, current);
    if (current) {
      for (const d of project.result.diagnostics) {
        if (d.file || !contains(d.range, offset)) continue;
        const info = ruleInfo(d.code);
        const why = d.why ?? info?.why;
        if (!why) continue;
        const title = info?.pitfall ? `Pitfall ${info.pitfall}: ${info.title}` : info?.title ?? d.code;
        md.appendMarkdown(`---\n\n**${escapeMarkdown(title)}** ${code(d.code)}\n\n*Why it matters:* ${why}\n\n`);
        if (info) {
          md.appendMarkdown(`[Rule documentation](${ruleDocTarget(d.code).toString()} "Open the rule's section of docs/rules.md")\n\n`);
          md.isTrusted = { enabledCommands: [COMMANDS.showRule] };
        }
        range ??= d.range;
      }
    }
    if (!md.value) return undefined;
    return new vscode.Hover(md, range ? toVsRange(range) : undefined);
  }

  private pathSection(md: vscode.MarkdownString, project: ProjectSnapshot, path: YamlPath, keyRange: Range | undefined, offset: number, current: boolean): Range | undefined {
    const state = project.result.state;
    if (current && path[0] === 'checklist' && path.length >= 3) {
      const step = state.phases.find((p) => p.id === path[1])?.steps.find((s) => s.id === path[2]);
      if (step) {
        stepSection(md, step);
        return project.result.parsed.source.keyRange(path.slice(0, 3));
      }
    }
    if (current && path[0] === 'checklist' && path.length === 2 && keyRange && contains(keyRange, offset)) {
      const phase = state.phases.find((p) => p.id === path[1]);
      if (phase) {
        const summary = this.schemaOfferedElsewhere() ? '' : `${phase.summary}\n\n`;
        md.appendMarkdown(`**${phase.title}**: ${phase.closed} of ${phase.total} steps closed${state.currentPhase === phase.id ? ' (current phase)' : ''}\n\n${summary}`);
        return keyRange;
      }
    }
    if (!keyRange || !contains(keyRange, offset) || this.schemaOfferedElsewhere()) return undefined;
    const description = describePath(path);
    if (!description) return undefined;
    md.appendMarkdown(`${code(path.filter((s) => typeof s === 'string').join('.'))}${description.title ? `: **${escapeMarkdown(description.title)}**` : ''}\n\n`);
    if (description.description) md.appendMarkdown(`${description.description}\n\n`);
    if (description.allowed?.length) md.appendMarkdown(`*Allowed:* ${description.allowed.map(code).join(', ')}\n\n`);
    return keyRange;
  }
}

export function registerPlanHover(registry: ProjectRegistry, schemaOfferedElsewhere: () => boolean): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ pattern: '**/.mlproject.yaml' }, new PlanHoverProvider(registry, schemaOfferedElsewhere));
}
