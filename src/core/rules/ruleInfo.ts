// Metadata of every diagnostic code: the rules' own, and the codes the parser and the brief check report.
// Used for hovers, documentation links, settings and `docs/rules.md`.
import type { RuleInfo } from './rule';
import { RULES } from './registry';

export type { RuleInfo };

const FILE_CODES: RuleInfo[] = [
  { code: 'yaml-syntax', category: 'file', severity: 'error', title: 'YAML syntax error', why: 'The plan must be valid YAML to be read at all; until the error is fixed, the checklist and the other rules see only what could be parsed.' },
  { code: 'schema', category: 'file', severity: 'error', title: 'Schema error', why: 'The plan follows a schema (schemas/mlproject.schema.json): an unknown key or a wrong type is usually a typo that silently hides a value from the checklist and the rules.' },
  { code: 'encoding', category: 'file', severity: 'error', title: 'Bad characters', why: 'The plan is read as UTF-8 text; undecodable bytes and control characters make values unreadable.' },
  { code: 'empty-file', category: 'file', severity: 'error', title: 'Empty plan', why: 'An empty plan has nothing to check: every project needs at least a version and a project name.' },
  { code: 'yaml-alias', category: 'file', severity: 'warning', title: 'Anchors and aliases', why: 'Aliases make one value appear in several places; edits from the editor change one place only, so the plan could silently say two things.' },
  { code: 'file-too-large', category: 'file', severity: 'error', title: 'Plan too large', why: 'A plan is read on every keystroke; one of millions of characters is almost certainly data pasted in by mistake.' },
  { code: 'brief-section-missing', category: 'process', severity: 'warning', title: 'Brief section missing', why: 'The brief is reviewed by technical and non-technical people; each required section answers a question the review needs.' },
  { code: 'brief-section-empty', category: 'process', severity: 'warning', title: 'Brief section empty', why: 'A section that still holds only the template prompt has not been written yet; the brief is not ready for review.' },
];

const BY_CODE = new Map<string, RuleInfo>([...FILE_CODES, ...RULES].map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return BY_CODE.get(code);
}

export function allRuleInfo(): RuleInfo[] {
  return [...BY_CODE.values()];
}
