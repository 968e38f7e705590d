// `mlproject mark <step> <status>`: sets a step's status with the same minimal edit the editor applies.
import * as path from 'path';
import { PHASES, PLAN_FILE_NAME, STATUSES, type PhaseId, type StepStatus } from '../../core/model';
import { parsePlan } from '../../core/parse/parsePlan';
import { findStep, STEP_DEFINITIONS } from '../../core/process/catalog';
import { setStepStatus } from '../../core/edit/setStepStatus';
import { describePattern } from '../../core/schema/messages';
import { PLAN_SCHEMA } from '../../core/schema/schemaWalk';
import { didYouMean } from '../../core/text/suggest';
import { UsageError, type CliIO } from '../io';
import { parseOptions } from '../options';
import { readPlanForEdit, resolvePlanPath, writePlanEdits } from '../loadPlan';

export const help = `Usage: mlproject mark <step> <status> [path] [--reason text] [--phase id --title text]

Sets a checklist step's status (todo, in-progress, done, skipped) in ${PLAN_FILE_NAME}, changing only that value
(or adding the fewest lines). Comments and formatting elsewhere stay as they are.

Options:
  --reason <text>   why the step is skipped (required with "skipped")
  path              the plan file or its folder (default: the current folder); --plan <path> says the same
  --phase <id>      the phase of a new custom step (discover, define, develop, deliver, deployment)
  --title <text>    the title of a new custom step
  -h, --help        show this help`;

/** The step ids the schema accepts (the keys of a phase's mapping). */
const STEP_ID = new RegExp(PLAN_SCHEMA.definitions!.phaseSteps.propertyNames!.pattern!);

function phaseOf(stepId: string, checklist: Record<string, Record<string, unknown> | undefined> | undefined): PhaseId | undefined {
  const builtIn = findStep(stepId);
  if (builtIn) return builtIn.phase;
  return PHASES.find((p) => checklist?.[p] && stepId in checklist[p]!);
}

export async function mark(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    reason: { type: 'string' }, plan: { type: 'string' }, phase: { type: 'string' }, title: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(help + '\n');
    return 0;
  }
  if (positionals.length < 2 || positionals.length > 3) {
    throw new UsageError('mark takes a step id, a status and optionally the plan, e.g. `mlproject mark baseline done`');
  }
  const [stepId, statusArg, planArg] = positionals;
  if (planArg !== undefined && values.plan !== undefined) throw new UsageError('give the plan once: as the path or with --plan, not both');
  if (!STATUSES.includes(statusArg as StepStatus)) throw new UsageError(`status must be one of ${STATUSES.join(', ')}, not "${statusArg}"`);
  const status = statusArg as StepStatus;
  if (status === 'skipped' && !values.reason?.trim()) throw new UsageError('a skipped step needs --reason "why it is skipped"');
  if (values.phase !== undefined && !PHASES.includes(values.phase as PhaseId)) throw new UsageError(`--phase must be one of ${PHASES.join(', ')}`);

  const builtIn = findStep(stepId);
  if (builtIn && values.phase !== undefined && values.phase !== builtIn.phase) {
    throw new UsageError(`"${stepId}" is a step of ${builtIn.phase}, not ${values.phase}; leave out --phase`);
  }
  const file = await resolvePlanPath(planArg ?? values.plan, io.cwd);
  const planText = await readPlanForEdit(file);
  const text = planText.text;
  const parsed = parsePlan(text);
  if (parsed.diagnostics.some((d) => d.code === 'yaml-syntax' && d.severity === 'error')) {
    throw new UsageError(`${path.relative(io.cwd, file) || file} has YAML syntax errors; fix them first (mlproject check)`);
  }
  const phase = (values.phase as PhaseId | undefined) ?? phaseOf(stepId, parsed.plan.checklist as never);
  if (!phase) {
    const known = [...STEP_DEFINITIONS.map((s) => s.id), ...PHASES.flatMap((p) => Object.keys(parsed.plan.checklist?.[p] ?? {}))];
    throw new UsageError(`unknown step "${stepId}".${didYouMean(stepId, known)} A new custom step needs --phase and --title.`);
  }
  const before = parsed.plan.checklist?.[phase]?.[stepId];
  const previous = (typeof before === 'string' ? before : before?.status) ?? 'todo';
  const isCustom = !findStep(stepId);
  if (isCustom && !before && !STEP_ID.test(stepId)) {
    throw new UsageError(`"${stepId.length > 60 ? `${stepId.slice(0, 57)}...` : stepId}" is not a valid step id: use ${describePattern(STEP_ID.source)}`);
  }
  if (isCustom && !before && !values.title) throw new UsageError(`"${stepId}" is a new custom step: give it a --title`);
  const edits = setStepStatus(text, phase, stepId, status, {
    ...(values.reason ? { reason: values.reason } : {}),
    ...(values.title ? { title: values.title } : {}),
  });
  if (edits.length > 0) await writePlanEdits(file, planText, edits);
  io.stdout(`${phase}/${stepId}: ${previous} → ${status}${edits.length === 0 ? ' (unchanged)' : ''}\n`);
  return 0;
}
