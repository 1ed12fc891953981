/** Zod issues → diagnostics that name the file, the line and the field. */
import type { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { SUNLIGHT_ASSIST } from '../../schema/policy.ts';

/** Where Zod's own message says too little ("Invalid input" for a union), what to write instead. */
const FIELD_HINTS: Record<string, string> = {
  sunlight: `write true, false, or one of the Hub's codes: ${Object.keys(SUNLIGHT_ASSIST).join(', ')}`,
  state: 'a two-letter USPS code in capitals, e.g. "MO"',
};

export function schemaDiagnostics(file: string, error: z.ZodError, line: (field: string) => number): Diagnostic[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const hint = FIELD_HINTS[field];
    return {
      file,
      line: line(field),
      column: 1,
      rule: 'schema',
      severity: 'error' as const,
      message: field ? `${field}: ${issue.message}` : issue.message,
      ...(field ? { field } : {}),
      ...(hint ? { hint } : {}),
    };
  });
}
