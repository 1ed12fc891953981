/**
 * The whole check of a content folder: read, parse, validate every file, run
 * every rule, and report ALL problems at once, sorted by file and line. The
 * CLI, the build and the tests call this one function.
 */
import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics/diagnostic.ts';
import { loadContent, type ContentDoc } from './load/load-content.ts';
import { RULES, ruleContext, type RuleContext } from './rules/index.ts';

export interface ValidationResult {
  diagnostics: Diagnostic[];
  documents: ContentDoc[];
  context: RuleContext;
  files: number;
  ok: boolean;
}

/** Today as YYYY-MM-DD, or KB_TODAY when set (tests and reproducible builds pin it). */
export function todayIso(): string {
  const pinned = process.env['KB_TODAY'];
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : new Date().toISOString().slice(0, 10);
}

export interface ValidateOptions {
  today?: string;
  /** Only report diagnostics for files whose path starts with one of these. */
  only?: readonly string[];
}

export async function validateContent(root: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const loaded = await loadContent(root);
  const context = ruleContext(loaded.documents, options.today ?? todayIso(), loaded.bodies);
  const diagnostics = [...loaded.diagnostics, ...RULES.flatMap((rule) => rule(context))];
  for (const doc of loaded.documents) doc.fieldLines.forget();
  const only = options.only;
  const reported = (only?.length ? diagnostics.filter((d) => only.some((prefix) => d.file.startsWith(prefix))) : diagnostics).sort(compareDiagnostics);
  return { diagnostics: reported, documents: loaded.documents, context, files: loaded.files, ok: !hasErrors(diagnostics) };
}
