// `mlproject init [folder]`: writes a commented starter plan (never overwrites one) and the .gitattributes entry that
// merges the run history by union.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { DEFAULT_HISTORY_PATH, PLAN_FILE_NAME } from '../../core/model';
import { attributePattern, ensureHistoryMergeUnion, GITATTRIBUTES } from '../../core/runs/gitattributes';
import { starterPlan } from '../../core/starter';
import { createNewFile } from '../../core/workspace/safeWrite';
import { CLI_FRONT_END } from '../frontEnd';
import { UsageError, type CliIO } from '../io';
import { parseOptions } from '../options';

export const help = `Usage: mlproject init [folder] [--name <project name>] [--lead <name>]

Writes a commented starter ${PLAN_FILE_NAME} in the folder (default: the current one), and a
${GITATTRIBUTES} entry \`${DEFAULT_HISTORY_PATH} merge=union\` so that runs recorded on two branches merge
without a conflict (appended to an existing ${GITATTRIBUTES}; never duplicated).
Refuses to overwrite an existing plan.`;

export async function init(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, { name: { type: 'string' }, lead: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(help + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('init takes at most one folder');
  const folder = path.resolve(io.cwd, positionals[0] ?? '.');
  const st = await fsp.stat(folder).catch(() => undefined);
  if (st && !st.isDirectory()) throw new UsageError(`${positionals[0]} is not a folder`);
  await fsp.mkdir(folder, { recursive: true });
  const file = path.join(folder, PLAN_FILE_NAME);
  const name = values.name ?? path.basename(folder);
  let made: 'created' | 'exists';
  try {
    made = await createNewFile(folder, file, starterPlan({ name, lead: values.lead, frontEnd: CLI_FRONT_END })); // exclusive, never through a link
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
  }
  if (made === 'exists') throw new UsageError(`${path.relative(io.cwd, file) || file} already exists; not overwriting it`);
  const attributes = await ensureHistoryMergeUnion(folder, DEFAULT_HISTORY_PATH).catch((e: Error) => e);
  io.stdout(`Wrote ${path.relative(io.cwd, file) || file}. Next: fill in goal and run \`mlproject check\`.\n`);
  const where = path.relative(io.cwd, path.join(folder, GITATTRIBUTES)) || GITATTRIBUTES;
  if (attributes === 'added') io.stdout(`Added \`${attributePattern(DEFAULT_HISTORY_PATH)} merge=union\` to ${where}: runs recorded on two branches merge without a conflict.\n`);
  else if (attributes === 'other') io.stderr(`note: ${where} already sets a merge driver for ${DEFAULT_HISTORY_PATH}; left as it is (merge=union merges runs from two branches without a conflict)\n`);
  else if (attributes instanceof Error) io.stderr(`warning: could not update ${where}: ${attributes.message}\n`);
  return 0;
}
