// What a rule is: a stable code, a default severity, the why behind it, and a check over the parsed plan, the
// derived state and the workspace facts. Rules return findings; the engine (engine.ts) applies configuration.
import type { ProjectPlan } from '../model';
import type { ParsedPlan } from '../parse/parsePlan';
import type { WorkspaceFacts } from '../state/facts';
import type { ProjectState } from '../state/projectState';
import type { Fix, Range, RelatedInformation, Severity } from '../types';
import type { YamlPath } from '../yamlPath';
import type { FrontEnd } from '../frontEnd';

export type RuleCategory = 'pitfall' | 'process' | 'file';

export interface RuleContext {
  parsed: ParsedPlan;
  plan: ProjectPlan;
  state: ProjectState;
  facts: WorkspaceFacts;
  /** today's date, YYYY-MM-DD (injected so tests and CI are deterministic) */
  today: string;
  /** names the actions a message suggests, the way the front end showing it does */
  frontEnd: FrontEnd;
}

export interface Finding {
  /** where: a YAML path (resolved through the source map) or an explicit range */
  at: YamlPath | Range;
  /** prefer the value's range over the key's (e.g. a wrong status value) */
  onValue?: boolean;
  message: string;
  /** overrides the rule's severity for this finding (e.g. a past runway is an error, a near one a warning) */
  severity?: Severity;
  related?: RelatedInformation[];
  fixes?: Fix[];
  /** workspace-relative file the finding is on, when not the plan */
  file?: string;
}

/** What every diagnostic code has: the rules' own, and the codes the parser and the brief check report. */
export interface RuleInfo {
  code: string;
  category: RuleCategory;
  /** 1-5 for the five pitfalls */
  pitfall?: number;
  /** the default severity */
  severity: Severity;
  title: string;
  /** why it matters: shown in hovers and tooltips, from the process */
  why: string;
}

export interface Rule extends RuleInfo {
  check(ctx: RuleContext): Finding[];
}
