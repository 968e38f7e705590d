// Converts between offsets and zero-based line/character positions of one text. Lines end at \n; a \r before it
// belongs to the line break, so CRLF files get the same columns as LF files.
import type { Position, Range } from '../types';

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.starts[Math.max(0, position.line)];
    return Math.min(lineStart + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset of the end of a line's content (before \r\n or \n). */
  lineEnd(line: number): number {
    const isLast = line + 1 >= this.starts.length;
    let end = isLast ? this.text.length : this.starts[line + 1] - 1;
    if (!isLast && end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  range(startOffset: number, endOffset: number): Range {
    const s = Math.max(0, Math.min(startOffset, this.text.length));
    const e = Math.max(s, Math.min(endOffset, this.text.length));
    return { start: this.positionAt(s), end: this.positionAt(e), startOffset: s, endOffset: e };
  }
}
