// Runs the rules over a parsed plan and turns findings into diagnostics: resolves paths to ranges, applies the
// rule configuration (off / re-levelled), attaches each rule's why. Parser diagnostics get the same treatment.
import type { Diagnostic, Range, RuleConfig } from '../types';
import type { Finding, Rule, RuleContext } from './rule';
import { ruleInfo } from './ruleInfo';

function isRange(at: Finding['at']): at is Range {
  return !Array.isArray(at);
}

/** Merges configurations; later ones win (defaults < the plan's `rules:` < editor settings / CLI flags). */
export function mergeRuleConfig(...configs: (RuleConfig | undefined)[]): RuleConfig {
  return Object.assign({}, ...configs.filter(Boolean));
}

/** Applies the configuration to a diagnostic: undefined when the rule is off. */
export function configure(d: Diagnostic, config: RuleConfig): Diagnostic | undefined {
  const level = config[d.code];
  if (level === 'off') return undefined;
  const info = ruleInfo(d.code);
  return { ...d, severity: level ?? d.severity, why: d.why ?? info?.why };
}

export function runRules(rules: readonly Rule[], ctx: RuleContext, config: RuleConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const level = config[rule.code];
    if (level === 'off') continue;
    let findings: Finding[];
    try {
      findings = rule.check(ctx);
    } catch (e) {
      // A rule bug must not take the other diagnostics down with it; report it where it can be seen.
      findings = [{ at: [], message: `Internal error in rule ${rule.code}: ${(e as Error).message}. Please report it.`, severity: 'info' }];
    }
    if (findings.length === 0) continue;
    // What configure() would give, built once per finding: the configured level, and the rule's why.
    const why = rule.why ?? ruleInfo(rule.code)?.why;
    for (const f of findings) {
      const range = isRange(f.at)
        ? f.at
        : (f.onValue ? ctx.parsed.source.valueRange(f.at) : undefined) ?? ctx.parsed.source.rangeOf(f.at)!;
      out.push({
        code: rule.code, severity: level ?? f.severity ?? rule.severity, message: f.message, range, why,
        ...(f.file ? { file: f.file } : {}), ...(f.related ? { related: f.related } : {}), ...(f.fixes ? { fixes: f.fixes } : {}),
      });
    }
  }
  return out;
}
