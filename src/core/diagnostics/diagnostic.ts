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

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
