// Shared value types of the core: positions, ranges, diagnostics and text edits.
// Everything here is plain data so that the extension, the CLI and the tests can share it.

/** A zero-based line and UTF-16 column, as VS Code and LSP count them. */
export interface Position {
  line: number;
  character: number;
}

/** A range in a text, with both offsets (UTF-16 code units) and line/column positions. */
export interface Range {
  start: Position;
  end: Position;
  startOffset: number;
  endOffset: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of the text between two offsets of the original text. */
export interface TextEdit {
  /** offset of the first replaced UTF-16 code unit */
  start: number;
  /** offset just past the last replaced code unit (start === end inserts) */
  end: number;
  newText: string;
}

/** A scalar a fix may write. */
export type FixValue = string | number | boolean | null;

/**
 * What a fix does, as data: the edits are computed only when the fix is asked for (`fixEdits` in edit/fixEdits.ts),
 * so a re-check on every keystroke never pays for them. Paths are YAML paths such as ['project', 'lead'].
 */
export type FixAction =
  | { kind: 'setScalar'; path: (string | number)[]; value: FixValue }
  | { kind: 'renameKey'; path: (string | number)[]; newKey: string }
  | { kind: 'removeKey'; path: (string | number)[] }
  | { kind: 'setStepStatus'; phase: string; stepId: string; status: string; reason?: string }
  | { kind: 'appendItem'; path: (string | number)[]; item: Record<string, FixValue> }
  | { kind: 'setEntries'; path: (string | number)[]; entries: Record<string, FixValue> };

/** A fix offered for a diagnostic, on the file the diagnostic is on. */
export interface Fix {
  title: string;
  action: FixAction;
  /** true when the fix is the obvious one (VS Code "preferred" quick fix) */
  preferred?: boolean;
}

export interface RelatedInformation {
  message: string;
  range: Range;
  /** workspace-relative path when the related place is in another file; absent = same file */
  file?: string;
}

export interface Diagnostic {
  /** stable rule code, e.g. `single-architecture`, `yaml-syntax`, `schema` */
  code: string;
  severity: Severity;
  /** what is wrong and what to do about it */
  message: string;
  range: Range;
  /** workspace-relative path of the file the diagnostic is on; absent = the plan file itself */
  file?: string;
  /** why it matters (from the process catalog); shown in hovers */
  why?: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

/** Rule configuration: a rule code mapped to a new severity or `off`. */
export type RuleLevel = Severity | 'off';
export type RuleConfig = Record<string, RuleLevel>;
