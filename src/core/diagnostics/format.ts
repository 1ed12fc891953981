/** Printers for diagnostics: for people, for GitHub Actions annotations, and as JSON. */
import type { Diagnostic } from './diagnostic.ts';

export type DiagnosticFormat = 'text' | 'github' | 'json';

/** Base of the per-rule documentation; each message links its rule's section. */
export const RULES_DOC = 'docs/rules.md';

export function ruleDocLink(rule: string): string {
  return `${RULES_DOC}#${rule}`;
}

export function formatText(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const field = d.field ? ` [${d.field}]` : '';
  const hint = d.hint ? `\n    hint: ${d.hint}` : '';
  return `${where}  ${d.severity}  ${d.rule}${field}  ${d.message}${hint}\n    see ${ruleDocLink(d.rule)}`;
}

/** GitHub escapes: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(d: Diagnostic): string {
  const command = d.severity === 'error' ? 'error' : 'warning';
  const title = escapeProperty(`${d.rule}${d.field ? ` (${d.field})` : ''}`);
  const body = escapeData(`${d.message}${d.hint ? ` — ${d.hint}` : ''} (${ruleDocLink(d.rule)})`);
  return `::${command} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${title}::${body}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  if (format === 'json') return JSON.stringify(diagnostics, null, 2);
  const lines = diagnostics.map(format === 'github' ? formatGithub : formatText);
  return lines.join('\n');
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${files} file(s) checked: ${errors} error(s), ${warnings} warning(s)`;
}
