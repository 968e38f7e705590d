// Whether a recorded command was produced by the plan's current `evaluation.command`, whatever the values that
// change from run to run (run folder, metrics file, workspace folder, seed, environment variables); `${candidate}`
// must be the run's own candidate and `${runId}` its own id.
import type { RunRecord } from './runRecord';
import { shellQuote, substituteCommand, SubstitutionError } from './substitute';

const MARK = '\u0000mlp:';
const SENTINEL = new RegExp(`'${MARK}(\\w+)\u0000'`, 'g');

function unmarked(s: string): boolean {
  return !s.includes(MARK);
}

/** The end of the shell-quoted word shellQuote writes ('abc' or 'it'\''s') that starts at `i`, or -1. */
function quotedWordEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== 39) return -1; // '
  for (;;) {
    const close = s.indexOf("'", i + 1);
    if (close < 0) return -1;
    if (s.startsWith("\\''", close + 1)) i = close + 3; // '\'' continues the word
    else return close + 1;
  }
}

/** True when c[start, end) is shellQuote(value); without allocating for a value with no quote in it. */
function isQuoted(c: string, start: number, end: number, value: string): boolean {
  if (value.includes("'")) return c.slice(start, end) === shellQuote(value);
  return end - start === value.length + 2 && c.startsWith(value, start + 1);
}

/** What a quoted word of the command must be: the run's candidate, its id, or any quoted word. */
type Word = 'candidate' | 'runId' | 'any';

/**
 * One piece of a command's shape: literal text, or a quoted word. Text may hold quoted words written in (a known
 * candidate's name); `wordEnds` are where they end, relative to the text. One shape for both kinds, so the loop
 * over them reads one hidden class.
 */
interface Part {
  word: Word | undefined;
  text: string;
  wordEnds: number[];
}

/** The test of recorded commands against a template's shape. */
export class CommandTest {
  constructor(private readonly parts: readonly Part[]) {}

  matches(run: RunRecord): boolean {
    const c = run.command;
    let pos = 0;
    for (const part of this.parts) {
      if (part.word === undefined) {
        if (!c.startsWith(part.text, pos)) return false;
        // A quoted word ends at its closing quote only when no '\'' follows: then the word would go on.
        for (const e of part.wordEnds) if (c.startsWith("\\''", pos + e)) return false;
        pos += part.text.length;
        continue;
      }
      const end = quotedWordEnd(c, pos);
      if (end < 0) return false;
      if (part.word === 'candidate' && !isQuoted(c, pos, end, run.candidate)) return false;
      if (part.word === 'runId' && !isQuoted(c, pos, end, run.id)) return false;
      pos = end;
    }
    return pos === c.length;
  }
}

/** A template substituted once with markers: the literal text between its quoted words, and what each word must be. */
export class CommandTemplate {
  private constructor(private readonly literals: readonly string[], private readonly words: readonly Word[]) {}

  /** Undefined when the template is missing or cannot be substituted: then runs are not told apart by command. */
  static parse(template: unknown): CommandTemplate | undefined {
    if (typeof template !== 'string' || template.trim().length === 0) return undefined;
    const mark = (name: string): string => `${MARK}${name}\u0000`;
    const env = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? mark('env') : undefined) });
    let shape: string;
    try {
      shape = substituteCommand(template, {
        candidate: mark('candidate'), runId: mark('runId'), runDir: mark('runDir'), metricsFile: mark('metricsFile'), workspaceFolder: mark('any'), seed: mark('any'),
      }, env);
    } catch (e) {
      if (e instanceof SubstitutionError) return undefined;
      throw e;
    }
    const literals: string[] = [];
    const words: Word[] = [];
    let last = 0;
    for (const m of shape.matchAll(SENTINEL)) {
      literals.push(shape.slice(last, m.index));
      words.push(m[1] === 'candidate' || m[1] === 'runId' ? m[1] : 'any');
      last = (m.index ?? 0) + m[0].length;
    }
    literals.push(shape.slice(last));
    if (!literals.every(unmarked)) return undefined; // cannot happen: substituteCommand refuses variables in quotes
    return new CommandTemplate(literals, words);
  }

  /** The test of any run's command. */
  test(): CommandTest {
    return this.testFor(undefined);
  }

  /**
   * The test of the commands of `candidate`'s runs: its quoted name is written into the text around it, so that
   * text is compared in one piece (no search for the word's end) — the pass over a long history does this per run.
   */
  testFor(candidate: string | undefined): CommandTest {
    const parts: Part[] = [];
    let text = this.literals[0];
    let wordEnds: number[] = [];
    this.words.forEach((word, i) => {
      if (word === 'candidate' && candidate !== undefined) {
        text += shellQuote(candidate);
        wordEnds.push(text.length);
      } else {
        parts.push({ word: undefined, text, wordEnds }, { word, text: '', wordEnds: [] });
        text = '';
        wordEnds = [];
      }
      text += this.literals[i + 1];
    });
    parts.push({ word: undefined, text, wordEnds });
    return new CommandTest(parts);
  }
}

/** A test of whether a recorded command was produced by `template` (see CommandTemplate.parse for undefined). */
export function commandMatcher(template: unknown): ((run: RunRecord) => boolean) | undefined {
  const test = CommandTemplate.parse(template)?.test();
  return test && ((run) => test.matches(run));
}
