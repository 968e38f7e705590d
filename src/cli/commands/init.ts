// `mlproject init [folder]`: writes a commented starter plan; never overwrites one.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { PLAN_FILE_NAME } from '../../core/model';
import { starterPlan } from '../../core/starter';
import { CLI_FRONT_END } from '../frontEnd';
import { UsageError, type CliIO } from '../io';
import { parseOptions } from '../options';

export const help = `Usage: mlproject init [folder] [--name <project name>] [--lead <name>]

Writes a commented starter ${PLAN_FILE_NAME} in the folder (default: the current one).
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
  try {
    await fsp.writeFile(file, starterPlan({ name, lead: values.lead, frontEnd: CLI_FRONT_END }), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path.relative(io.cwd, file) || file} already exists; not overwriting it`);
    throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
  }
  io.stdout(`Wrote ${path.relative(io.cwd, file) || file}. Next: fill in goal and run \`mlproject check\`.\n`);
  return 0;
}
