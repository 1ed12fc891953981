/**
 * One shape for every problem found anywhere on the way from files to site:
 * the validator, the build and the importers all report Diagnostics, so the
 * same mistake reads the same wherever it is caught.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as given to the loader (relative to the working directory when possible). */
  file: string;
  /** 1-based line and column; 1:1 when the problem is the file as a whole. */
  line: number;
  column: number;
  /** Stable rule id, e.g. "schema", "unknown-guideline"; documented in docs/rules.md. */
  rule: string;
  severity: Severity;
  message: string;
  /** Dotted path of the offending frontmatter field, when there is one. */
  field?: string | undefined;
  /** How to fix it. */
  hint?: string | undefined;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Offsets of line starts in a text, for turning many offsets into positions cheaply. */
export interface LineIndex {
  /** 1-based line and column of a character offset. */
  positionAt(offset: number): { line: number; column: number };
}

/**
 * Indexes the line starts of a text once (O(n)); each lookup is then a binary
 * search. Callers that report many positions in one text (one per span, one per
 * unsafe tag) use this, so 10,000 spans in a 5 MB body stay linear.
 */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    positionAt(offset: number) {
      let low = 0;
      let high = starts.length - 1;
      // The last line start at or before offset.
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: offset - starts[low]! + 1 };
    },
  };
}

// One cached index: callers asking for many positions in the same text (the
// usual pattern) pay for the scan once instead of once per call.
let cachedText: string | undefined;
let cachedIndex: LineIndex | undefined;

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  if (text !== cachedText || !cachedIndex) {
    cachedText = text;
    cachedIndex = lineIndex(text);
  }
  return cachedIndex.positionAt(offset);
}
