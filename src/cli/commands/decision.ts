// `mlproject decision`: records the model decision meeting: writes the decision record (never over an earlier one)
// and the `decision` block of `.mlproject.yaml`.
import * as path from 'path';
import { PlanEditError, setDecision } from '../../core/brief/planEdits';
import { DECISIONS_DIR, decisionRecordPath, defaultAttendees, isIsoDate, renderDecisionRecord } from '../../core/decision/record';
import { betterRankedThan } from '../../core/process/ranking';
import { readWorkspaceFolder } from '../../core/workspace/safeRead';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandHandler } from '../io';
import { parseOptions } from '../options';
import { readPlanForEdit } from '../loadPlan';
import { localToday } from '../../core/text/dates';
import { insideRoot, readRuns, writeNewFile } from './briefSupport';
import { editPlanFile } from '../planEdit';
import { loadRunsWorkspace } from './runsWorkspace';

export const help = `Usage: mlproject decision [path] --chosen id --rationale text [--date YYYY-MM-DD] [--attendee name]...

Records the model decision: writes ${DECISIONS_DIR}/<date>-model.md (adding -2, -3… rather than overwriting an
earlier record) with every candidate's expected gain, cost, risk, source and latest metrics, and sets the
decision block (chosen, date, rationale, attendees, record) in .mlproject.yaml.

  path               the plan file or its folder (default: the current folder)
  --chosen id        the chosen candidate's id
  --rationale text   why it was chosen over the alternatives
  --date date        the meeting's date (default: today)
  --attendee name    who attended (repeatable; default: the project lead and the team)

Exit codes: 0 recorded; 1 the record was written but .mlproject.yaml could not be edited; 2 bad usage or plan.`;

function parse(argv: string[]) {
  const parsed = parseOptions(argv, {
    chosen: { type: 'string', short: 'c' },
    rationale: { type: 'string', short: 'r' },
    date: { type: 'string' },
    attendee: { type: 'string', multiple: true, short: 'a' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected at most one path, got: ${positionals.join(' ')}`);
  return { path: positionals[0], ...values };
}

async function existingRecords(root: string): Promise<Set<string>> {
  const dir = insideRoot(root, DECISIONS_DIR, 'decisions folder');
  const names = (await readWorkspaceFolder(root, dir)) ?? []; // refuses a link leading outside, or a non-folder
  return new Set(names.map((n) => `${DECISIONS_DIR}/${n}`));
}

export const decision: CommandHandler = async (argv, io) => {
  const args = parse(argv);
  if (args.help) {
    io.stdout(help + '\n');
    return EXIT_OK;
  }
  const chosen = args.chosen?.trim();
  const rationale = args.rationale?.trim();
  if (!chosen) throw new UsageError('--chosen <candidate id> is required');
  if (!rationale) throw new UsageError('--rationale <text> is required: say why this candidate over the alternatives');
  const date = args.date ?? localToday();
  if (!isIsoDate(date)) throw new UsageError(`--date takes a date as YYYY-MM-DD, not "${date}"`);

  const { root, planFile, plan } = await loadRunsWorkspace(args.path, io.cwd);
  await readPlanForEdit(planFile); // refuses a plan that is not UTF-8 before the record is written
  const candidates = (plan.candidates ?? []).filter((c) => c && typeof c.id === 'string');
  if (!candidates.some((c) => c.id === chosen)) {
    const ids = candidates.map((c) => c.id).join(', ') || 'none; add candidates to .mlproject.yaml first';
    throw new UsageError(`"${chosen}" is not a candidate id (candidates: ${ids})`);
  }
  const attendees = args.attendee && args.attendee.length > 0 ? args.attendee.map((a) => a.trim()).filter(Boolean) : defaultAttendees(plan);
  const runs = await readRuns(root, plan);
  const record = decisionRecordPath(date, await existingRecords(root));
  const text = renderDecisionRecord(plan, { chosen, rationale, date, attendees, runs });
  await writeNewFile(insideRoot(root, record, 'decision record'), text, record, root);
  io.stdout(`Wrote ${record}\n`);

  const better = betterRankedThan(candidates.filter((c) => c.baseline !== true), chosen);
  if (better.length > 0) {
    io.stdout(`Note: ${better.map((c) => c.id).join(', ')} rank${better.length === 1 ? 's' : ''} better by expected gain per cost; the rationale should say why ${chosen} was chosen.\n`);
  }
  try {
    await editPlanFile(planFile, (t) => setDecision(t, { chosen, date, rationale, attendees, record }));
    io.stdout(`Set decision in ${path.basename(planFile)}\n`);
  } catch (e) {
    if (!(e instanceof PlanEditError)) throw e;
    io.stderr(`mlproject decision: the record was written but the plan was not edited: ${e.message}\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
};

export default decision;
