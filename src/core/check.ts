// The one entry point the extension, the CLI and the benchmark share: text + workspace -> state + diagnostics.
// `checkPlanText` does everything; `createChecker` keeps the workspace facts between keystrokes so a re-check
// after an edit pays only for parsing and rules.
import type { Diagnostic, RuleConfig } from './types';
import { parsePlan, type ParsedPlan } from './parse/parsePlan';
import { configure, mergeRuleConfig, runRules } from './rules/engine';
import { RULES } from './rules/registry';
import { deriveState, type ProjectState } from './state/projectState';
import type { BriefFact, WorkspaceFacts } from './state/facts';
import { factsKey, gatherFacts } from './state/gatherFacts';
import type { WorkspaceFs } from './workspace/workspaceFs';
import { readBriefFact } from './brief/briefFact';
import { PLAIN_FRONT_END, type FrontEnd } from './frontEnd';

export interface CheckOptions {
  fs: WorkspaceFs;
  /** editor settings or CLI flags; they override the plan's own `rules:` block */
  config?: RuleConfig;
  /** YYYY-MM-DD; default: today (UTC) */
  today?: string;
  /** a step whose evidence is seen counts as done (editor setting, CLI flag); the plan's `progress` key wins */
  countEvidence?: boolean;
  /** reads the brief's completeness; default: the built-in brief template */
  readBrief?: (fs: WorkspaceFs, briefPath: string) => Promise<BriefFact>;
  /** names the actions messages suggest (default: their plain titles) */
  frontEnd?: FrontEnd;
}

export interface CheckResult {
  parsed: ParsedPlan;
  facts: WorkspaceFacts;
  state: ProjectState;
  diagnostics: Diagnostic[];
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Rules over an already parsed plan and gathered facts: synchronous and cheap. */
export function checkParsed(parsed: ParsedPlan, facts: WorkspaceFacts, options: Pick<CheckOptions, 'config' | 'today' | 'frontEnd' | 'countEvidence'> = {}): CheckResult {
  const config = mergeRuleConfig(parsed.plan.rules as RuleConfig | undefined, options.config);
  const state = deriveState(parsed.plan, facts, { countEvidence: options.countEvidence });
  // Nothing to judge when the plan could not be read (too large, empty, an alias bomb) or is not a mapping of keys
  // (a scalar, a list, binary garbage): only the reason is reported.
  const data = parsed.data;
  const notMapping = data === null || typeof data !== 'object' || Array.isArray(data);
  const blocked = notMapping || parsed.diagnostics.some((d) => d.code === 'file-too-large' || d.code === 'empty-file');
  const fromParser = parsed.diagnostics.map((d) => configure(d, config)).filter((d): d is Diagnostic => !!d);
  const fromBrief = (facts.brief?.diagnostics ?? []).map((d) => configure(d, config)).filter((d): d is Diagnostic => !!d);
  const fromRules = blocked ? [] : runRules(RULES, { parsed, plan: parsed.plan, state, facts, today: options.today ?? todayUtc(), frontEnd: options.frontEnd ?? PLAIN_FRONT_END }, config);
  const diagnostics = [...fromParser, ...fromRules].sort((a, b) => a.range.startOffset - b.range.startOffset || a.code.localeCompare(b.code));
  return { parsed, facts, state, diagnostics: [...diagnostics, ...fromBrief] };
}

export async function checkPlanText(text: string, options: CheckOptions): Promise<CheckResult> {
  const parsed = parsePlan(text, { frontEnd: options.frontEnd });
  const facts = await gatherFacts(parsed.plan, options.fs, { readBrief: options.readBrief ?? readBriefFact });
  return checkParsed(parsed, facts, options);
}

/** A checker for one plan file that reuses the workspace facts until `invalidate()` (a file changed on disk). */
export function createChecker(options: CheckOptions) {
  let facts: WorkspaceFacts | undefined;
  let gatheredFor = '';
  return {
    async update(text: string): Promise<CheckResult> {
      const parsed = parsePlan(text, { frontEnd: options.frontEnd });
      // Facts depend on the paths the plan references and the history path: re-gather when those change.
      const key = factsKey(parsed.plan);
      if (!facts || key !== gatheredFor) {
        facts = await gatherFacts(parsed.plan, options.fs, { readBrief: options.readBrief ?? readBriefFact });
        gatheredFor = key;
      }
      return checkParsed(parsed, facts, options);
    },
    invalidate(): void {
      facts = undefined;
    },
  };
}
