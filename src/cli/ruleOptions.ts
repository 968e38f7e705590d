// `--rule code=level` flags, the CLI's twin of the editor's `mlproject.rules` setting.
import type { RuleConfig, RuleLevel } from '../core/types';
import { ruleInfo } from '../core/rules/ruleInfo';
import { didYouMean } from '../core/text/suggest';
import { allRuleInfo } from '../core/rules/ruleInfo';
import { UsageError } from './io';

const LEVELS: RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];

export function parseRuleFlags(flags: readonly string[] | undefined): RuleConfig {
  const config: RuleConfig = {};
  for (const flag of flags ?? []) {
    const m = /^([a-z][a-z0-9-]*)=([a-z]+)$/.exec(flag);
    if (!m) throw new UsageError(`--rule takes code=level (e.g. --rule runway=off), not "${flag}"`);
    const [, code, level] = m;
    if (!ruleInfo(code)) throw new UsageError(`--rule: unknown rule "${code}".${didYouMean(code, allRuleInfo().map((r) => r.code))}`);
    if (!LEVELS.includes(level as RuleLevel)) throw new UsageError(`--rule ${code}: level must be one of ${LEVELS.join(', ')}`);
    config[code] = level as RuleLevel;
  }
  return config;
}
