// `mlproject check [path...]`: the editor's diagnostics, for terminals and CI.
import * as path from 'path';
import { UsageError, type CliIO } from '../io';
import { findPlanFiles } from '../loadPlan';
import { displayPath, loadAndCheck } from '../planContext';
import { parseRuleFlags } from '../ruleOptions';
import { FORMATS, formatDiagnostics, type FileDiagnostic, type Format } from '../format/formatDiagnostics';
import { VERSION } from '../version';
import { countOption, parseOptions, todayOption } from '../options';

export const help = `Usage: mlproject check [path...] [options]

Checks .mlproject.yaml plans (a file, or every plan in a folder) and prints their diagnostics as
file:line:col severity code message.

Options:
  --format <text|json|github|sarif>  output format (default: text)
  --max-warnings <n>                 exit 1 when there are more than n warnings (default: no limit)
  --rule <code=level>                turn a rule off or change its level (repeatable), e.g. --rule runway=off
  --today <YYYY-MM-DD>               the date rules compare against (default: today)
  --hints                            also print hints (e.g. steps ready to mark done), as the editor shows them
  --count-evidence                   a step whose evidence is seen counts as done, as the editor setting
                                     mlproject.progress.countEvidence (the plan's progress.count_evidence wins)
  -h, --help                         show this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage or unreadable input.`;

export async function check(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    format: { type: 'string', default: 'text' },
    'max-warnings': { type: 'string' },
    rule: { type: 'string', multiple: true },
    today: { type: 'string' },
    hints: { type: 'boolean' },
    'count-evidence': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(help + '\n');
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const maxWarnings = countOption('--max-warnings', values['max-warnings']) ?? Infinity;
  const today = todayOption(values.today);
  const config = parseRuleFlags(values.rule);

  const items: FileDiagnostic[] = [];
  for (const file of await findPlanFiles(positionals, io.cwd)) {
    const { root, result } = await loadAndCheck(file, { config, today, countEvidence: values['count-evidence'] === true });
    for (const d of result.diagnostics) {
      if (d.severity === 'hint' && !values.hints) continue;
      const shown = d.file ? displayPath(path.join(root, d.file), io.cwd) : displayPath(file, io.cwd);
      items.push({ file: shown, diagnostic: d });
    }
  }
  const errors = items.filter((i) => i.diagnostic.severity === 'error').length;
  const warnings = items.filter((i) => i.diagnostic.severity === 'warning').length;
  const out = formatDiagnostics(items, format, { color: io.isTTY && !io.env.NO_COLOR, version: VERSION });
  if (out) io.stdout(out + '\n');
  if (format === 'text') io.stdout(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
