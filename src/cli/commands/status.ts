// `mlproject status [path]`: phases, steps, evidence, progress, current phase and open pitfalls in a terminal.
import type { PhaseState, StepState } from '../../core/state/projectState';
import { ruleInfo } from '../../core/rules/ruleInfo';
import { byPitfallNumber, pitfallsByStep } from '../../core/pitfallsByStep';
import type { Diagnostic } from '../../core/types';
import { UsageError, type CliIO } from '../io';
import { findPlanFiles } from '../loadPlan';
import { displayPath, loadAndCheck, type PlanContext } from '../planContext';
import { parseOptions, todayOption } from '../options';

export const help = `Usage: mlproject status [path] [--format text|json] [--today YYYY-MM-DD] [--count-evidence]

Shows the plan's phases and steps with their status and evidence, the progress, the current phase and the
open pitfalls.

  --count-evidence  a step whose evidence is seen counts as done in the progress, unless the checklist declares
                    its status (the plan's \`progress.count_evidence\` wins over this flag)

Exit codes: 0 shown; 1 a plan has errors in how it is written (YAML, schema, encoding), as \`mlproject check\`
reports them; 2 bad usage or unreadable input.`;

const ICON: Record<StepState['status'], string> = { done: '✓', 'in-progress': '◐', todo: '○', skipped: '–' };

function stepLine(s: StepState, pitfalls: readonly Diagnostic[]): string {
  const evidence = s.evidence ? `  [${s.evidence.seen ? 'seen' : 'not seen'}: ${s.evidence.detail}]` : '';
  const reason = s.status === 'skipped' && s.reason ? `  (skipped: ${s.reason})` : s.doneByEvidence ? '  (done by evidence)' : '';
  const numbers = [...new Set(pitfalls.map((d) => ruleInfo(d.code)?.pitfall).filter((n) => n !== undefined))].sort();
  const marker = numbers.length ? `  ⚠ pitfall ${numbers.join(', ')}` : '';
  return `      ${s.doneByEvidence ? '✓' : ICON[s.status]} ${s.id.padEnd(24)} ${s.title}${s.custom ? ' (custom)' : ''}${reason}${evidence}${marker}`;
}

function phaseLine(p: PhaseState, current: boolean): string {
  const icon = p.complete ? '✓' : current ? '▶' : p.started ? '◐' : '○';
  return `  ${icon} ${p.title.padEnd(11)} ${p.closed}/${p.total}${current ? '   ← current phase' : ''}`;
}

function render(ctx: PlanContext, cwd: string): string {
  const { state, parsed, diagnostics } = ctx.result;
  const plan = parsed.plan;
  const out: string[] = [];
  const head = [plan.project?.name ?? '(unnamed project)', plan.project?.lead && `lead ${plan.project.lead}`, plan.project?.runway && `runway ${plan.project.runway}`];
  out.push(`${head.filter(Boolean).join(' · ')}  (${displayPath(ctx.file, cwd)})`);
  const current = state.phases.find((p) => p.id === state.currentPhase);
  out.push(`Current phase: ${current ? current.title : 'all phases complete'} · progress ${state.closed}/${state.total} steps`, '');
  const byStep = pitfallsByStep(ctx.result);
  let stage = '';
  for (const p of state.phases) {
    if (p.stage !== stage) {
      stage = p.stage;
      out.push(stage === 'design' ? 'Design' : 'Deployment');
    }
    out.push(phaseLine(p, p.id === state.currentPhase));
    for (const s of p.steps) out.push(stepLine(s, byStep.get(s.id) ?? []));
  }
  const pitfalls = byPitfallNumber(diagnostics.filter((d) => ruleInfo(d.code)?.category === 'pitfall'), (d) => d.code);
  out.push('', pitfalls.length ? `Open pitfalls (${pitfalls.length}):` : 'Open pitfalls: none');
  for (const d of pitfalls) {
    const info = ruleInfo(d.code)!;
    out.push(`  ⚠ ${info.pitfall}. ${info.title} [${d.code}] line ${d.range.start.line + 1}: ${d.message}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  out.push('', `${errors} error(s), ${warnings} warning(s): run \`mlproject check\` for the full list.`);
  return out.join('\n');
}

export async function status(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, { format: { type: 'string', default: 'text' }, today: { type: 'string' }, 'count-evidence': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(help + '\n');
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const today = todayOption(values.today);
  const files = await findPlanFiles(positionals, io.cwd);
  const contexts = [];
  for (const f of files) contexts.push(await loadAndCheck(f, { today, countEvidence: values['count-evidence'] === true }));
  if (values.format === 'json') {
    io.stdout(JSON.stringify(contexts.map((c) => ({
      file: displayPath(c.file, io.cwd), currentPhase: c.result.state.currentPhase ?? null,
      closed: c.result.state.closed, total: c.result.state.total,
      phases: c.result.state.phases.map((p) => ({ id: p.id, closed: p.closed, total: p.total, complete: p.complete, steps: p.steps.map((s) => ({ id: s.id, title: s.title, status: s.status, custom: s.custom, evidence: s.evidence ?? null, ...(s.doneByEvidence ? { doneByEvidence: true } : {}) })) })),
      pitfalls: c.result.diagnostics.filter((d) => ruleInfo(d.code)?.category === 'pitfall').map((d) => ({ code: d.code, line: d.range.start.line + 1, message: d.message })),
    })), null, 2) + '\n');
  } else {
    io.stdout(contexts.map((c) => render(c, io.cwd)).join('\n\n') + '\n');
  }
  // The plan as written is broken (YAML, schema, encoding, too large): what is shown is partial, as with `check`.
  const broken = contexts.some(({ result }) => {
    const fromParser = new Set(result.parsed.diagnostics.map((d) => d.code));
    return result.diagnostics.some((d) => d.severity === 'error' && fromParser.has(d.code));
  });
  return broken ? 1 : 0;
}
