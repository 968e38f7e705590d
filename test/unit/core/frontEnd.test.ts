// Each front end names actions its own way: core messages refer to an action by id, the CLI renders the command
// (`mlproject brief`), the editor the palette entry ("ML Project: Create Project Brief").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { checkPlanText } from '../../../src/core/check';
import { ACTION_IDS, ACTION_TITLES } from '../../../src/core/frontEnd';
import { MemoryFs } from '../../../src/core/workspace/memoryFs';
import { starterPlan } from '../../../src/core/starter';
import { CLI_FRONT_END } from '../../../src/cli/frontEnd';
import { ACTION_COMMANDS, EDITOR_FRONT_END } from '../../../src/extension/common/frontEnd';

const NO_BRIEF = 'version: 1\nproject: { name: X, lead: Dana }\n';

async function message(text: string, code: string, frontEnd?: typeof CLI_FRONT_END): Promise<string> {
  const r = await checkPlanText(text, { fs: new MemoryFs({}), today: '2026-11-26', ...(frontEnd ? { frontEnd } : {}) });
  const d = r.diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code}`);
  return d.message;
}

test('a rule message names the action the way the front end showing it does', async () => {
  assert.equal(await message(NO_BRIEF, 'no-brief', CLI_FRONT_END), 'No project brief: run `mlproject brief`, which writes it and sets `project.brief`.');
  assert.equal(await message(NO_BRIEF, 'no-brief', EDITOR_FRONT_END), 'No project brief: run "ML Project: Create Project Brief", which writes it and sets `project.brief`.');
  assert.equal(await message(NO_BRIEF, 'no-brief'), 'No project brief: run "Create Project Brief", which writes it and sets `project.brief`.');
  assert.match(await message('', 'empty-file', CLI_FRONT_END), /or run `mlproject init`\.$/);
  assert.match(await message('', 'empty-file', EDITOR_FRONT_END), /or run "ML Project: Create \.mlproject\.yaml"\.$/);
});

test('the starter plan says which front end writes the brief', () => {
  assert.match(starterPlan({ name: 'X', frontEnd: CLI_FRONT_END }), /# written by `mlproject brief`\n/);
  assert.match(starterPlan({ name: 'X', frontEnd: EDITOR_FRONT_END }), /# written by "ML Project: Create Project Brief"\n/);
});

test('the editor names each action by its command title in package.json', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: { commands: { command: string; title: string; category?: string }[] } };
  for (const id of ACTION_IDS) {
    const c = pkg.contributes.commands.find((x) => x.command === ACTION_COMMANDS[id]);
    assert.ok(c, `${ACTION_COMMANDS[id]} is not a contributed command`);
    assert.equal(EDITOR_FRONT_END.action(id), `"${c.category}: ${c.title}"`);
    assert.equal(c.title, ACTION_TITLES[id]);
  }
});

test('the core and the CLI never name an editor command', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
  const src = join(__dirname, '../../../src');
  const offenders = [...files(join(src, 'core')), ...files(join(src, 'cli'))]
    .filter((f) => readFileSync(f, 'utf8').split('\n').some((l) => l.includes('ML Project:') && !/^\s*\/\//.test(l)));
  assert.deepEqual(offenders, []);
});
