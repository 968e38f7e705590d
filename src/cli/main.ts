#!/usr/bin/env node
// The `mlproject` command line: the same rules, brief and evaluation runs as the editor, for terminals and CI.
import { UsageError, EXIT_USAGE, type CliIO } from './io';
import { WorkspacePathError } from '../core/workspace/realPaths';
import { VERSION } from './version';
import { commands, type CommandEntry } from './commands/index';

const USAGE = `Usage: mlproject <command> [options]

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`).join('\n')}

Run \`mlproject <command> --help\` for a command's options. Exit codes: 0 ok, 1 problems found, 2 bad usage.`;

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(USAGE + '\n');
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`mlproject: unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.\n`);
    return EXIT_USAGE;
  }
  return runCommand(name, command, rest, io);
}

async function runCommand(name: string, command: CommandEntry, argv: string[], io: CliIO): Promise<number> {
  try {
    const run = await command.load();
    return await run(argv, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes: those are usage errors too.
    // A path refused by the workspace's real-path rules (a link leading outside, a FIFO, a huge file) is one too.
    // (The command runs from a bundle of its own; both classes come from the one dist/cli/shared.js, so instanceof
    // holds: see scripts/bundles.mjs.)
    if (e instanceof UsageError || e instanceof WorkspacePathError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mlproject ${name}: ${err.message.split('\n')[0]}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`mlproject ${name}: unexpected error: ${err.message?.split('\n')[0] ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  // A closed pipe (`mlproject status | head -1`) is not an error: stop writing to it and finish quietly.
  const closed = { stdout: false, stderr: false };
  process.stdout.on('error', () => { closed.stdout = true; });
  process.stderr.on('error', () => { closed.stderr = true; });
  const io: CliIO = {
    cwd: process.cwd(), env: process.env, isTTY: !!process.stdout.isTTY,
    stdout: (t) => { if (!closed.stdout) process.stdout.write(t); },
    stderr: (t) => { if (!closed.stderr) process.stderr.write(t); },
  };
  runCli(process.argv.slice(2), io).then((code) => { process.exitCode = code; });
}
