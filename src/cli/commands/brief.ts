// `mlproject brief`: creates the project brief from the plan, refreshes its generated blocks (--update), or checks
// that every required section has content (--check).
import { DEFAULT_BRIEF_PATH } from '../../core/model';
import { briefStatus, type BriefStatus } from '../../core/brief/completeness';
import { renderBrief } from '../../core/brief/generate';
import { PlanEditError, setProjectBrief } from '../../core/brief/planEdits';
import { BriefTemplateError, parseTemplate, type BriefTemplate } from '../../core/brief/template';
import { describeKept, updateBrief } from '../../core/brief/update';
import { CLI_FRONT_END } from '../frontEnd';
import { parseOptions, todayOption } from '../options';
import { MAX_DOCUMENT_BYTES, readWorkspaceText } from '../../core/workspace/safeRead';
import { replaceFile } from '../../core/workspace/safeWrite';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIO, type CommandHandler } from '../io';
import { localToday } from '../../core/text/dates';
import { insideRoot, readRuns, readTemplate, workspaceRelative, writeNewFile } from './briefSupport';
import { editPlanFile } from '../planEdit';
import { loadRunsWorkspace } from './runsWorkspace';

export const help = `Usage: mlproject brief [path] [--out file] [--update [--force | --force-block ID...]] [--template file] [--check]
                       [--today YYYY-MM-DD]

Writes the project brief (default: project.brief, else ${DEFAULT_BRIEF_PATH}) from .mlproject.yaml and sets
project.brief. The parts between <!-- mlproject:begin ID hash=H --> and <!-- mlproject:end ID --> markers are
generated; write your own text outside them. A generated block edited by hand (its text no longer matches the hash
H; without a hash: not what the generator writes) is kept by --update and listed, and replaced only when asked.

  path              the plan file or its folder (default: the current folder)
  --out file        where the brief is (relative to the current folder; must be inside the workspace)
  --update          refresh the generated blocks of an existing brief; text outside the markers is kept
  --force-block ID  with --update: replace block ID even though it was edited by hand (repeatable)
  --force           with --update: replace every block edited by hand
  --template file   a custom template: its headings are the required sections, its marker blocks are filled by id
  --check           print which required sections are missing or empty (after --update, when both are given)
  --today date      the date that says whether the runway has passed (default: today)

Exit codes: 0 done (and complete, with --check); 1 the brief is incomplete, could not be updated, or kept blocks
edited by hand; 2 bad usage, an existing brief (without --update), a broken template or plan.`;

interface BriefArgs {
  path?: string;
  out?: string;
  update: boolean;
  template?: string;
  check: boolean;
  today?: string;
  force: boolean;
  forceBlocks: string[];
  help: boolean;
}

function parse(argv: string[]): BriefArgs {
  const parsed = parseOptions(argv, {
    out: { type: 'string', short: 'o' },
    update: { type: 'boolean', short: 'u' },
    template: { type: 'string', short: 't' },
    check: { type: 'boolean' },
    today: { type: 'string' },
    force: { type: 'boolean' },
    'force-block': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected at most one path, got: ${positionals.join(' ')}`);
  todayOption(values.today);
  const forceBlocks = values['force-block'] ?? [];
  if ((values.force === true || forceBlocks.length > 0) && values.update !== true) throw new UsageError('--force and --force-block go with --update');
  return {
    path: positionals[0],
    out: values.out,
    update: values.update === true,
    template: values.template,
    check: values.check === true,
    today: values.today,
    force: values.force === true,
    forceBlocks,
    help: values.help === true,
  };
}

function printStatus(status: BriefStatus, io: CliIO): number {
  if (!status.exists) {
    io.stdout(`${status.path}: no brief yet (run \`mlproject brief\` to create it)\n`);
    return EXIT_FAILED;
  }
  io.stdout(`${status.path}: ${status.filledCount}/${status.requiredCount} sections filled\n`);
  for (const d of status.diagnostics) {
    io.stdout(`${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
  }
  return status.filledCount === status.requiredCount ? EXIT_OK : EXIT_FAILED;
}

function templateOf(text: string): BriefTemplate {
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof BriefTemplateError) throw new UsageError(e.message);
    throw e;
  }
}

export const brief: CommandHandler = async (argv, io) => {
  const args = parse(argv);
  if (args.help) {
    io.stdout(help + '\n');
    return EXIT_OK;
  }
  const { root, planFile, plan } = await loadRunsWorkspace(args.path, io.cwd);
  const template = templateOf(await readTemplate(args.template, io.cwd, root));
  const configured = typeof plan.project?.brief === 'string' && plan.project.brief.trim() !== '' ? plan.project.brief.trim() : undefined;
  const rel = args.out !== undefined ? workspaceRelative(args.out, io.cwd, root) : configured ?? DEFAULT_BRIEF_PATH;
  const abs = insideRoot(root, rel, 'project.brief');
  // Through the real-path reader: a link leading outside, a FIFO or a huge file is refused (exit 2), never followed.
  const existing = await readWorkspaceText(root, abs, { maxBytes: MAX_DOCUMENT_BYTES });

  if (args.check && !args.update) {
    const status = existing === undefined ? { ...briefStatus('', rel, template), exists: false, diagnostics: [] } : briefStatus(existing, rel, template);
    return printStatus(status, io);
  }

  const options = { today: args.today ?? localToday(), runs: await readRuns(root, plan), frontEnd: CLI_FRONT_END };
  if (args.update) {
    if (existing === undefined) throw new UsageError(`${rel} does not exist; run \`mlproject brief\` without --update to create it`);
    const result = updateBrief(existing, plan, template, { ...options, replaceEdited: args.force || args.forceBlocks });
    if (result.error) {
      io.stderr(`mlproject brief: ${rel}: ${result.error}\n`);
      return EXIT_FAILED;
    }
    if (result.changedBlocks.length > 0) {
      await replaceFile(root, abs, result.text);
      io.stdout(`Updated ${rel}: ${result.changedBlocks.join(', ')}\n`);
      if (result.replacedBlocks.length > 0) io.stdout(`Replaced blocks edited by hand, as asked: ${result.replacedBlocks.join(', ')}\n`);
    } else if (result.keptBlocks.length === 0) io.stdout(`${rel} is up to date\n`);
    let code = EXIT_OK;
    if (result.keptBlocks.length > 0) {
      const first = result.keptBlocks[0].id;
      io.stdout(
        `Kept blocks edited by hand in ${rel}: ${describeKept(result.keptBlocks)}. Their text differs from what the plan generates; `
          + `move your text outside the markers to keep it, or rerun with --force-block ${first} (or --force for all) to replace it.\n`,
      );
      code = EXIT_FAILED;
    }
    const checked = args.check ? printStatus(briefStatus(result.text, rel, template), io) : EXIT_OK;
    return Math.max(code, checked);
  }

  if (existing !== undefined) throw new UsageError(`${rel} already exists; use --update to refresh its generated blocks`);
  let text: string;
  try {
    text = renderBrief(plan, template, options);
  } catch (e) {
    if (e instanceof BriefTemplateError) throw new UsageError(e.message);
    throw e;
  }
  await writeNewFile(abs, text, rel, root);
  io.stdout(`Wrote ${rel}\n`);
  if (configured !== rel) {
    try {
      if (await editPlanFile(planFile, (t) => setProjectBrief(t, rel))) io.stdout(`Set project.brief to ${rel}\n`);
    } catch (e) {
      if (!(e instanceof PlanEditError)) throw e;
      io.stderr(`mlproject brief: could not set project.brief: ${e.message}\n`);
    }
  }
  return args.check ? printStatus(briefStatus(text, rel, template), io) : EXIT_OK;
};

export default brief;
