// The one place where a plan file's bytes become text and edited text becomes bytes again. The text is UTF-8
// without its byte-order mark, as VS Code's documents show it, so that every front end computes edits on the same
// offsets; the mark is put back on writing. Valid UTF-8 decodes and re-encodes byte for byte, so every byte outside
// an edit is kept. A file that is not valid UTF-8 is decoded for diagnostics only (bad bytes become U+FFFD) and is
// never written back: that would replace the bad bytes everywhere in the file.
import type { TextEdit } from '../types';
import { applyEdits } from './applyEdits';

export interface PlanText {
  /** the decoded text, without a leading byte-order mark */
  text: string;
  /** the file started with a UTF-8 byte-order mark (EF BB BF) */
  bom: boolean;
  /** every byte was valid UTF-8; when false the text is for diagnostics only and must not be written back */
  valid: boolean;
  /** when not valid: the line and column (1-based, in bytes) of the first invalid byte */
  invalidAt?: { line: number; column: number };
}

/** Refused edit of a file that is not valid UTF-8. */
export class NotUtf8Error extends Error {
  override name = 'NotUtf8Error';
}

/** The byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return -1;
  } catch {
    // find it: the longest valid prefix (the decoder is linear; this only runs for broken files)
  }
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return -1;
}

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A plan file's bytes as text for reading and editing. */
export function decodePlan(bytes: Uint8Array): PlanText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  const bad = firstInvalidByte(body);
  if (bad < 0) return { text, bom, valid: true };
  const at = lineAndColumn(body, bad);
  return { text, bom, valid: false, invalidAt: bom && at.line === 1 ? { line: 1, column: at.column + 3 } : at };
}

/** Why a decoded plan may not be edited, or undefined when it may. */
export function editRefusal(plan: PlanText): string | undefined {
  if (plan.valid) return undefined;
  const where = plan.invalidAt ? ` (line ${plan.invalidAt.line}, byte ${plan.invalidAt.column} of the line)` : '';
  return `the file is not valid UTF-8${where}: it was not edited, because writing it back would change the bytes that are not text. Save it as UTF-8 first.`;
}

/**
 * Why a document's text (already decoded by an editor, which shows bad bytes as U+FFFD) may not be edited, or
 * undefined when it may. The parser reports such a file as not valid UTF-8 as well.
 */
export function textEditRefusal(text: string): string | undefined {
  return text.includes('\uFFFD')
    ? 'the file is not valid UTF-8 (it shows replacement characters, U+FFFD): it was not edited. Save it as UTF-8 first.'
    : undefined;
}

/** The text as a plan file's bytes, with the byte-order mark when the file had one. */
export function encodePlan(plan: Pick<PlanText, 'text' | 'bom'>): Uint8Array {
  const body = new TextEncoder().encode(plan.text);
  if (!plan.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** The file's new bytes after `edits` (offsets into `plan.text`); throws NotUtf8Error for a file that is not UTF-8. */
export function editPlanBytes(plan: PlanText, edits: readonly TextEdit[]): Uint8Array {
  const refusal = editRefusal(plan);
  if (refusal) throw new NotUtf8Error(refusal);
  return encodePlan({ text: applyEdits(plan.text, edits), bom: plan.bom });
}
