// Shared helpers for the core and CLI unit tests: checking a plan text against an in-memory workspace, finding
// diagnostics by code, asserting ranges, run-history lines, a fake CLI IO and temporary folders.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkPlanText, type CheckResult } from '../../../src/core/check';
import { MemoryFs } from '../../../src/core/workspace/memoryFs';
import type { Diagnostic, Range, RuleConfig } from '../../../src/core/types';
import { UsageError, type CliIO, type CommandHandler } from '../../../src/cli/io';

/** Lines joined with \n, with a final line break. */
export const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

/** The fixed date every rule test runs against. */
export const TODAY = '2026-11-26';

export async function check(text: string, files: Record<string, string> = {}, options: { config?: RuleConfig; today?: string } = {}): Promise<CheckResult> {
  return checkPlanText(text, { fs: new MemoryFs(files), config: options.config, today: options.today ?? TODAY });
}

/** Diagnostics with a code. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** The one diagnostic with a code (fails when there are none or several). */
export function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = withCode(diagnostics, code);
  assert.equal(found.length, 1, `expected exactly one ${code}, got ${found.length}: ${JSON.stringify(found.map((d) => d.message))}`);
  return found[0];
}

export function none(diagnostics: readonly Diagnostic[], code: string): void {
  const found = withCode(diagnostics, code);
  assert.deepEqual(found.map((d) => d.message), [], `expected no ${code}`);
}

/** [line, character, endLine, endCharacter] of a range (zero-based). */
export function span(r: Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** Asserts positions and offsets of a range. */
export function assertRange(r: Range, lc: [number, number, number, number], offsets?: [number, number]): void {
  assert.deepEqual(span(r), lc);
  if (offsets) assert.deepEqual([r.startOffset, r.endOffset], offsets);
}

/** The text a range covers. */
export function textOf(text: string, r: Range): string {
  return text.slice(r.startOffset, r.endOffset);
}

/** One run-history line (JSON Lines) for the given candidate. */
export function runLine(candidate: string, over: Record<string, unknown> = {}): string {
  const n = String(over.n ?? 1).padStart(2, '0');
  const { n: _n, ...rest } = over;
  return JSON.stringify({
    id: `20261120-1200${n}-aaaa`, candidate,
    start: `2026-11-20T12:00:${n}.000Z`, end: `2026-11-20T12:00:${n}.500Z`,
    durationMs: 500, exitCode: 0, status: 'ok', command: `python3 eval.py --model ${candidate}`,
    metrics: { macro_f1: 0.5 }, source: 'cli', ...rest,
  });
}

/** A run history file from run lines. */
export const history = (...lines: string[]): string => lines.join('\n') + '\n';

export interface FakeIO extends CliIO {
  out: string[];
  err: string[];
  readonly stdoutText: string;
  readonly stderrText: string;
}

export function fakeIO(cwd: string, env: NodeJS.ProcessEnv = {}): FakeIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd, env, isTTY: false, out, err,
    stdout: (t) => { out.push(t); },
    stderr: (t) => { err.push(t); },
    get stdoutText() { return out.join(''); },
    get stderrText() { return err.join(''); },
  };
}

/** What a CLI command handler returned and printed; a UsageError counts as exit code 2, its message on stderr. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command handler in-process with a fake IO (PATH only in its environment unless `env` is given). */
export async function invokeCli(handler: CommandHandler, argv: string[], cwd: string, env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): Promise<CliResult> {
  const io = fakeIO(cwd, env);
  try {
    return { code: await handler(argv, io), stdout: io.stdoutText, stderr: io.stderrText };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: io.stdoutText, stderr: io.stderrText + e.message };
    throw e;
  }
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'mlproject-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Wraps a test body so that it runs in a fresh temporary folder (named `prefix…`), removed afterwards. */
export function withTempDir(prefix: string): (fn: (dir: string) => Promise<void>) => () => Promise<void> {
  return (fn) => async () => {
    const { dir, cleanup } = tempDir(prefix);
    try {
      await fn(dir);
    } finally {
      cleanup();
    }
  };
}

/** A plan with nothing for the process rules to say before Develop: lead, brief, criteria with why. */
export const HEALTHY_HEAD = [
  'version: 1',
  'project:',
  '  name: Demo',
  '  lead: Dana',
  '  brief: brief.md',
  'goal:',
  '  problem: Tag songs',
  '  business_metric: sessions using genre browsing',
  '  success_criteria:',
  '    - { metric: f1, target: 0.8, direction: maximize, why: users trust tags above 0.8 }',
];

/** A brief with every section of the built-in template filled. */
export const FULL_BRIEF = [
  '# Brief', '', '## Problem', 'Tag songs.', '', '## Success criteria', 'F1 of 0.8.', '', '## Data', '800 songs.', '',
  '## Baseline and candidates', 'Nearest centroid; a CNN.', '', '## Literature', 'Tzanetakis 2002.', '', '## Risks', 'Jazz is rare.', '',
  '## Reality check', 'A focus group.', '', '## Team and runway', 'Dana, by March.', '',
].join('\n');

/** Applies a diagnostic's preferred fix (or its first, or the one whose title matches) and re-checks the result. */
export async function applyFix(
  text: string, d: Diagnostic, files: Record<string, string> = {}, title?: RegExp,
): Promise<{ text: string; result: CheckResult }> {
  const { fixEdits } = await import('../../../src/core/edit/fixEdits');
  const { applyEdits } = await import('../../../src/core/edit/applyEdits');
  assert.ok(d.fixes && d.fixes.length > 0, `${d.code} offers no fix`);
  const fix = title ? d.fixes.find((f) => title.test(f.title)) : d.fixes.find((f) => f.preferred) ?? d.fixes[0];
  assert.ok(fix, `no fix matching ${title}`);
  const next = applyEdits(text, fixEdits(text, fix.action));
  return { text: next, result: await check(next, files) };
}
