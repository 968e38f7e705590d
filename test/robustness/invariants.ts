// What every check result must satisfy, whatever the input: the properties the fuzz tests and the regression replays
// assert. Positions are recomputed here independently of src/core/text/lineIndex.ts: a line ends at "\n" (a "\r"
// before it belongs to the line break), and a character is a UTF-16 code unit, as LSP and VS Code count them.
import { MemoryFs } from '../../src/core/workspace/memoryFs';
import type { Diagnostic, Range } from '../../src/core/types';
import type { WorkspaceFs } from '../../src/core/workspace/workspaceFs';

export interface CheckResultLike {
  diagnostics: Diagnostic[];
}
export type CheckPlanText = (text: string, options: { fs: WorkspaceFs; today?: string }) => Promise<CheckResultLike>;

/** Loads src/core/check.ts at run time, so this suite reports "not available" instead of failing to compile. */
export function loadCheckPlanText(): CheckPlanText | string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('../../src/core/check') as { checkPlanText?: CheckPlanText };
    return typeof m.checkPlanText === 'function' ? m.checkPlanText : 'src/core/check.ts does not export checkPlanText';
  } catch (e) {
    return `src/core/check.ts is not available: ${(e as Error).message.split('\n')[0]}`;
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function checkRange(where: string, r: Range | undefined, text: string, problems: string[]): void {
  if (!r || typeof r !== 'object') return void problems.push(`${where}: no range`);
  const { startOffset: s, endOffset: e } = r;
  if (!Number.isInteger(s) || !Number.isInteger(e)) return void problems.push(`${where}: offsets ${s}..${e} are not integers`);
  if (s < 0 || e < s || e > text.length) return void problems.push(`${where}: offsets ${s}..${e} outside [0, ${text.length}] or reversed`);
  for (const [name, off, pos] of [['start', s, r.start], ['end', e, r.end]] as const) {
    const want = positionOf(text, off);
    if (!pos || pos.line !== want.line || pos.character !== want.character) {
      problems.push(`${where}: ${name} ${JSON.stringify(pos)} does not match offset ${off} (${JSON.stringify(want)})`);
    }
    // An offset between "\r" and "\n" gives a character one past the line's content; VS Code clamps it, so it is
    // not counted as a problem here.
  }
}

/** Every problem with a check result, as readable strings (empty when the result is sound). */
export async function resultProblems(text: string, result: CheckResultLike, fs: WorkspaceFs): Promise<string[]> {
  const problems: string[] = [];
  if (!result || !Array.isArray(result.diagnostics)) return ['result has no diagnostics array'];
  const textOf = async (file: string | undefined): Promise<string | undefined> => (file === undefined ? text : fs.readText(file));
  for (const [i, d] of result.diagnostics.entries()) {
    const where = `diagnostic ${i} (${d?.code})`;
    if (typeof d.code !== 'string' || d.code.length === 0) problems.push(`${where}: no code`);
    if (!SEVERITIES.has(d.severity)) problems.push(`${where}: severity ${d.severity}`);
    if (typeof d.message !== 'string' || d.message.trim().length === 0) problems.push(`${where}: empty message`);
    const own = await textOf(d.file);
    if (own === undefined) {
      problems.push(`${where}: on file ${d.file}, which does not exist`);
      continue;
    }
    checkRange(where, d.range, own, problems);
    for (const [j, rel] of (d.related ?? []).entries()) {
      const relText = await textOf(rel.file ?? d.file);
      if (relText === undefined) problems.push(`${where} related ${j}: file ${rel.file} does not exist`);
      else checkRange(`${where} related ${j}`, rel.range, relText, problems);
    }
    for (const [j, fix] of (d.fixes ?? []).entries()) {
      // Fixes are actions on the plan's structure (src/core/types.ts FixAction), turned into text edits by the edits
      // module and tested there; here they only have to be well formed. Text edits, if a fix carries any, must lie
      // inside the document and not overlap.
      const w = `${where} fix ${j}`;
      const f = fix as unknown as { title?: unknown; action?: { kind?: unknown; path?: unknown }; edits?: Array<{ start: number; end: number; newText: unknown }> };
      if (typeof f.title !== 'string' || f.title.trim().length === 0) problems.push(`${w}: no title`);
      if (f.action !== undefined) {
        if (typeof f.action?.kind !== 'string') problems.push(`${w}: action without a kind`);
        if (f.action?.path !== undefined && !Array.isArray(f.action.path)) problems.push(`${w}: action path is not an array`);
      } else if (!Array.isArray(f.edits)) problems.push(`${w}: neither an action nor edits`);
      let prevEnd = -1;
      for (const [k, edit] of [...(f.edits ?? [])].sort((a, b) => a.start - b.start).entries()) {
        if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end < edit.start || edit.end > own.length) {
          problems.push(`${w} edit ${k}: ${edit.start}..${edit.end} outside [0, ${own.length}]`);
        }
        if (edit.start < prevEnd) problems.push(`${w} edit ${k}: overlaps the previous edit`);
        if (typeof edit.newText !== 'string') problems.push(`${w} edit ${k}: newText is not a string`);
        prevEnd = Math.max(prevEnd, edit.end);
      }
    }
  }
  return problems;
}

/** Time bound for one check of `text`: generous, as the suite may share the machine with other work. */
export function timeBoundMs(text: string): number {
  return 3_000 + text.length / 1_000;
}

export interface Verdict {
  ok: boolean;
  ms: number;
  problems: string[];
}

/** Runs the check on `text` and returns what is wrong: a throw, a time over the bound, or unsound diagnostics. */
export async function verify(checkPlanText: CheckPlanText, text: string, files: Record<string, string>): Promise<Verdict> {
  const fs = new MemoryFs({ ...files, '.mlproject.yaml': text });
  const t0 = performance.now();
  let result: CheckResultLike;
  try {
    result = await checkPlanText(text, { fs, today: '2026-06-01' });
  } catch (e) {
    return { ok: false, ms: performance.now() - t0, problems: [`threw: ${(e as Error)?.stack ?? String(e)}`] };
  }
  const ms = performance.now() - t0;
  const problems = await resultProblems(text, result, fs);
  if (ms > timeBoundMs(text)) problems.push(`took ${ms.toFixed(0)} ms, over the bound of ${timeBoundMs(text).toFixed(0)} ms for ${text.length} chars`);
  return { ok: problems.length === 0, ms, problems };
}
