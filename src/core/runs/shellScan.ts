// A scanner for `evaluation.command` that follows the POSIX shell grammar far enough to know, for each `${...}`,
// whether it stands in a plain, unquoted word of a command: the only place where a single-quoted value is one
// literal word piece. It understands single and double quotes, backslash escapes and line continuations, `#`
// comments (only at the start of a word), here-documents (`<<WORD`, `<<-WORD`, quoted delimiters), `$(...)`
// (nested, with its own quotes, comments and here-documents), backquotes, `$((...))` and `((...))`, and the shell's
// own `${...}` parameter expansions. What it does not understand it refuses, saying why; it never guesses.
//
// The result is the template cut into pieces: text to keep byte for byte, and the variables to substitute.

export type TemplatePiece = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

export class ShellScanError extends Error {
  constructor(message: string, readonly variable?: string) {
    super(message);
  }
}

/** `${NAME}` and `${env:...}` are mlproject's variables; any other `${...}` is the shell's own expansion. */
const OUR_VARIABLE = /\$\{(env:[^}]*|[A-Za-z_][A-Za-z0-9_]*)\}/y;
const OUR_VARIABLE_ANYWHERE = /\$\{(env:[^}]*|[A-Za-z_][A-Za-z0-9_]*)\}/;
/** Characters that end a word outside quotes (blanks, newline and the operator characters). */
const DELIMITER = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const UNQUOTED_HINT = 'write it without quotes, mlproject quotes substituted values itself';

/** Where a variable may not stand, for messages: "is inside ...". */
type Context = 'plain' | 'double quotes' | 'a shell parameter expansion ${...}' | 'an arithmetic expression';

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
  at: number;
}

class Scanner {
  private i = 0;
  private textStart = 0;
  private readonly pieces: TemplatePiece[] = [];
  private pending: PendingHeredoc[] = [];
  private pendingDepth = -1;
  /** how many `$(` the scanner is inside */
  private nesting = 0;

  constructor(private readonly s: string, private readonly check: (name: string) => void) {}

  run(): TemplatePiece[] {
    this.command(0);
    if (this.pending.length > 0) this.fail(`the here-document <<${this.pending[0].delimiter} has no body`, this.pending[0].at);
    if (this.textStart < this.s.length) this.pieces.push({ kind: 'text', text: this.s.slice(this.textStart) });
    return this.pieces;
  }

  private where(at: number): string {
    const before = this.s.slice(0, at);
    const line = before.split('\n').length;
    return `line ${line}, column ${at - before.lastIndexOf('\n')}`;
  }

  private fail(message: string, at: number, variable?: string): never {
    throw new ShellScanError(`${message} (${this.where(at)})`, variable);
  }

  /** Refuses the first variable of ours in s[start, end), after checking that it is a known one. */
  private refuseVariablesIn(start: number, end: number, inside: string, hint = ''): void {
    const m = OUR_VARIABLE_ANYWHERE.exec(this.s.slice(start, end));
    if (!m) return;
    this.check(m[1]);
    this.fail(`\${${m[1]}} is inside ${inside}${hint ? `; ${hint}` : ''}`, start + m.index, m[1]);
  }

  private newlineInside(what: string): void {
    if (this.pending.length > 0) {
      this.fail(`a line ends inside ${what} while the here-document <<${this.pending[0].delimiter} waits for its body; `
        + 'start the here-document on a line of its own', this.i);
    }
  }

  /** A command context: the whole template (depth 0) or the inside of `$(` (depth > 0), up to its `)`. */
  private command(depth: number): void {
    const s = this.s;
    const open = this.i - 2;
    let parens = 0;
    let wordStart = true;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\n') {
        this.i++;
        if (this.pending.length > 0) {
          if (this.pendingDepth !== depth) this.newlineInside('$(...)');
          this.heredocBodies();
        }
        wordStart = true;
      } else if (c === ' ' || c === '\t') {
        this.i++;
        wordStart = true;
      } else if (c === '#' && wordStart) {
        const nl = s.indexOf('\n', this.i);
        this.i = nl < 0 ? s.length : nl; // a comment is not executed: what it holds, variables too, stays as written
      } else if (c === '\\') {
        if (this.i + 1 >= s.length) this.fail('the command ends with a lone backslash', this.i);
        const continuation = s[this.i + 1] === '\n';
        this.i += 2;
        if (!continuation) wordStart = false;
      } else if (c === "'") {
        this.single('single quotes');
        wordStart = false;
      } else if (c === '"') {
        this.double();
        wordStart = false;
      } else if (c === '`') {
        this.backquote();
        wordStart = false;
      } else if (c === '$') {
        this.dollar('plain');
        wordStart = false;
      } else if (c === '<' && s[this.i + 1] === '<') {
        this.heredocOperator(depth);
        wordStart = false;
      } else if (c === '(' && wordStart && s[this.i + 1] === '(') {
        this.i += 2;
        this.arithmetic('((');
        wordStart = false;
      } else if (c === ')' && depth > 0 && parens === 0) {
        if (this.pending.length > 0 && this.pendingDepth === depth) this.fail(`the here-document <<${this.pending[0].delimiter} has no body`, this.pending[0].at);
        this.i++;
        return;
      } else if (DELIMITER.has(c)) {
        if (c === '(') parens++;
        if (c === ')' && parens > 0) parens--;
        this.i++;
        wordStart = true;
      } else {
        if (wordStart && depth > 0 && /^case(?=[\s;&|()<>]|$)/.test(s.slice(this.i, this.i + 5))) {
          this.fail('"case" inside $(...) is not supported (its patterns end with an unmatched ")"); move it to a script file', this.i);
        }
        this.i++;
        wordStart = false;
      }
    }
    if (depth > 0) this.fail('"$(" is never closed with ")"', open);
  }

  /** At `'`: skips to the closing quote. Nothing inside is special; a variable of ours there is refused. */
  private single(inside: string, hint = UNQUOTED_HINT): void {
    const start = this.i;
    const close = this.s.indexOf("'", start + 1);
    if (close < 0) this.fail('a single quote is never closed', start);
    this.refuseVariablesIn(start, close, inside, hint);
    if (this.pending.length > 0 && this.s.slice(start, close).includes('\n')) {
      this.i = start + this.s.slice(start, close).indexOf('\n');
      this.newlineInside(inside);
    }
    this.i = close + 1;
  }

  /** At `"`: up to the closing quote; `\` escapes only $ ` " \ and newline; `$` and backquotes still expand. */
  private double(): void {
    const s = this.s;
    const start = this.i++;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') this.i += '$`"\\\n'.includes(s[this.i + 1]) ? 2 : 1;
      else if (c === '$') this.dollar('double quotes');
      else if (c === '`') this.backquote();
      else {
        if (c === '\n') this.newlineInside('double quotes');
        this.i++;
      }
    }
    this.fail('a double quote is never closed', start);
  }

  /** At a backquote: its end is the next unescaped backquote. Variables of ours inside are refused. */
  private backquote(): void {
    const s = this.s;
    const start = this.i++;
    while (this.i < s.length && s[this.i] !== '`') {
      if (s[this.i] === '\n') this.newlineInside('backquotes');
      this.i += s[this.i] === '\\' ? 2 : 1;
    }
    if (this.i >= s.length) this.fail('a backquote (`) is never closed', start);
    this.refuseVariablesIn(start, this.i, 'backquotes `...`', 'write $(...) instead, where a variable can stand unquoted');
    this.i++;
  }

  /** At `$`. In `context` 'plain' a variable of ours becomes a piece; anywhere else it is refused. */
  private dollar(context: Context): void {
    const s = this.s;
    const at = this.i;
    const next = s[at + 1];
    if (next === '{') {
      OUR_VARIABLE.lastIndex = at;
      const ours = OUR_VARIABLE.exec(s);
      if (ours) {
        const name = ours[1];
        this.check(name); // an unknown name is reported before a quoting problem
        if (context !== 'plain') {
          this.fail(`\${${name}} is inside ${context}; ${context === 'double quotes' ? UNQUOTED_HINT : 'write it outside, in a plain word'}`, at, name);
        }
        if (this.textStart < at) this.pieces.push({ kind: 'text', text: s.slice(this.textStart, at) });
        this.pieces.push({ kind: 'variable', name });
        this.i = at + ours[0].length;
        this.textStart = this.i;
        return;
      }
      this.parameterExpansion(context);
    } else if (next === '(' && s[at + 2] === '(') {
      this.i += 3;
      this.arithmetic('$((');
    } else if (next === '(') {
      this.i += 2;
      this.nesting++;
      this.command(this.nesting);
      this.nesting--;
    } else if (next === "'" && context !== 'double quotes') {
      this.fail("$'...' quoting is not POSIX sh (dash, the usual /bin/sh, does not read it); use '...' instead", at);
    } else if (next === '[') {
      this.fail('$[...] is an obsolete bash arithmetic form; use $((...))', at);
    } else {
      this.i++;
    }
  }

  /** At `${` of a shell expansion such as `${HOME:-/tmp}` or `${#x}`: passed through untouched, up to its `}`. */
  private parameterExpansion(outer: Context): void {
    const s = this.s;
    const start = this.i;
    this.i += 2;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '}') {
        this.i++;
        return;
      }
      if (c === '\\') this.i += 2;
      else if (c === "'") {
        if (outer === 'double quotes') this.fail('a single quote inside "${...}" is read differently by different shells; move the expansion out of the double quotes', this.i);
        this.single('a shell parameter expansion ${...}', 'write it outside, in a plain word');
      } else if (c === '"') this.double();
      else if (c === '`') this.backquote();
      else if (c === '$') this.dollar('a shell parameter expansion ${...}');
      else {
        if (c === '\n') this.newlineInside('${...}');
        this.i++;
      }
    }
    this.fail('"${" is never closed with "}"', start);
  }

  /** After `$((` or `((`: up to the matching `))`. A value there would be evaluated as arithmetic: refused. */
  private arithmetic(opener: string): void {
    const s = this.s;
    const start = this.i - opener.length;
    let parens = 0;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ')') {
        if (parens > 0) {
          parens--;
          this.i++;
        } else if (s[this.i + 1] === ')') {
          this.i += 2;
          return;
        } else {
          this.fail(`"${opener}" is closed by a single ")"; for a subshell write "${opener.replace('((', '( (')}" with a space`, start);
        }
      } else if (c === '(') {
        parens++;
        this.i++;
      } else if (c === '\\') this.i += 2;
      else if (c === "'") this.single('an arithmetic expression', 'write it outside, in a plain word');
      else if (c === '"') this.double();
      else if (c === '`') this.backquote();
      else if (c === '$') this.dollar('an arithmetic expression');
      else {
        if (c === '\n') this.newlineInside(opener);
        this.i++;
      }
    }
    this.fail(`"${opener}" is never closed with "))"`, start);
  }

  /** At `<<`: reads `<<WORD` or `<<-WORD` and its delimiter; the body follows the next newline. */
  private heredocOperator(depth: number): void {
    const s = this.s;
    const at = this.i;
    if (s[at + 2] === '<') this.fail('here-strings (<<<) are not POSIX sh', at);
    this.i += 2;
    const stripTabs = s[this.i] === '-';
    if (stripTabs) this.i++;
    while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
    let delimiter = '';
    let quoted = false;
    while (this.i < s.length && !DELIMITER.has(s[this.i])) {
      const c = s[this.i];
      if (c === '$' || c === '`') this.fail('a here-document delimiter must be a plain word such as EOF', this.i);
      if (c === "'" || c === '"') {
        const close = s.indexOf(c, this.i + 1);
        if (close < 0) this.fail(`a quote in the here-document delimiter is never closed`, this.i);
        delimiter += s.slice(this.i + 1, close);
        quoted = true;
        this.i = close + 1;
      } else if (c === '\\') {
        delimiter += s[this.i + 1] ?? '';
        quoted = true;
        this.i += 2;
      } else {
        delimiter += c;
        this.i++;
      }
    }
    if (delimiter.length === 0 || delimiter.includes('\n')) this.fail('a here-document needs a delimiter word after <<', at);
    if (this.pending.length > 0 && this.pendingDepth !== depth) this.fail('here-documents started at different levels of $(...) on one line are not supported', at);
    this.pending.push({ delimiter, stripTabs, quoted, at });
    this.pendingDepth = depth;
  }

  /** Just after a newline: the bodies of the pending here-documents, each up to its delimiter line. */
  private heredocBodies(): void {
    const s = this.s;
    for (const doc of this.pending) {
      const bodyStart = this.i;
      for (;;) {
        if (this.i >= s.length) this.fail(`the here-document <<${doc.delimiter} is never closed by a line "${doc.delimiter}"`, doc.at);
        // One logical line: in an unquoted here-document a backslash-newline joins the next line to it.
        const lineStart = this.i;
        let line = '';
        for (;;) {
          const nl = s.indexOf('\n', this.i);
          const end = nl < 0 ? s.length : nl;
          let physical = s.slice(this.i, end);
          if (doc.stripTabs) physical = physical.replace(/^\t+/, '');
          this.i = nl < 0 ? s.length : nl + 1;
          const trailing = /\\*$/.exec(physical)![0].length;
          if (!doc.quoted && trailing % 2 === 1 && nl >= 0) {
            line += physical.slice(0, -1);
            continue;
          }
          line += physical;
          break;
        }
        if (line === doc.delimiter) {
          this.refuseVariablesIn(bodyStart, lineStart, `the here-document <<${doc.delimiter}`,
            'a here-document is quoted text, not a command; pass the value as an argument or with MLPROJECT_ environment variables');
          break;
        }
      }
    }
    this.pending = [];
    this.pendingDepth = -1;
  }
}

/**
 * Cuts a command template into text and variables, following the POSIX shell grammar. `check` is called with the
 * name of every variable of ours that is met outside comments (to report unknown names first); a variable that
 * does not stand in a plain, unquoted word, or a construct the scanner does not understand, is a ShellScanError.
 */
export function scanCommandTemplate(template: string, check: (name: string) => void): TemplatePiece[] {
  return new Scanner(template, check).run();
}
