/** Zod issues → diagnostics that name the file, the line and the field. */
import type { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

export function schemaDiagnostics(file: string, error: z.ZodError, line: (field: string) => number): Diagnostic[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return {
      file,
      line: line(field),
      column: 1,
      rule: 'schema',
      severity: 'error' as const,
      message: field ? `${field}: ${issue.message}` : issue.message,
      ...(field ? { field } : {}),
    };
  });
}
