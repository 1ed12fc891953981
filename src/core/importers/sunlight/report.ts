/**
 * The import report in numbers and as the table the CLI prints: what was
 * read, written, merged, refused and repaired, and the passages found.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ImportReport } from './import-hub.ts';
import { REPAIR_KINDS, type RepairKind } from './repair-body.ts';
import type { FileOutcome, OutcomeStatus } from './source-file.ts';

const STATUSES: readonly OutcomeStatus[] = ['written', 'merged', 'unchanged', 'refused'];

export interface ImportSummary {
  files: Record<FileOutcome['kind'], { read: number } & Record<OutcomeStatus, number>>;
  /** Per repair kind: fixes made and files touched; kinds that never fired are left out. */
  repairs: Array<{ kind: RepairKind; fixes: number; files: number }>;
  /** Files that could not be read as text. */
  unreadable: number;
  /** Every error of every refused file. */
  refused: Diagnostic[];
  /** Warnings per rule. */
  warnings: Record<string, number>;
  guidelineMismatches: number;
  copiedGuidelines: number;
}

export function summarizeImport(report: ImportReport): ImportSummary {
  const empty = () => ({ read: 0, written: 0, merged: 0, unchanged: 0, refused: 0 });
  const files = { policy: empty(), place: empty() };
  const repairs = new Map<RepairKind, { fixes: number; files: number }>();
  const refused: Diagnostic[] = [];
  const warnings: Record<string, number> = {};
  for (const outcome of report.outcomes) {
    files[outcome.kind].read++;
    files[outcome.kind][outcome.status]++;
    if (outcome.status === 'refused') refused.push(...outcome.diagnostics.filter((d) => d.severity === 'error'));
    for (const d of outcome.diagnostics) if (d.severity === 'warning') warnings[d.rule] = (warnings[d.rule] ?? 0) + 1;
    if (outcome.status === 'refused') continue;
    for (const [kind, fixes] of Object.entries(outcome.repairs) as Array<[RepairKind, number]>) {
      const row = repairs.get(kind) ?? { fixes: 0, files: 0 };
      row.fixes += fixes;
      row.files += 1;
      repairs.set(kind, row);
    }
  }
  refused.push(...report.unreadable.filter((d) => d.severity === 'error'));
  return {
    files,
    unreadable: report.unreadable.filter((d) => d.severity === 'error').length,
    repairs: REPAIR_KINDS.filter((k) => repairs.has(k)).map((kind) => ({ kind, ...repairs.get(kind)! })),
    refused,
    warnings: Object.fromEntries(Object.entries(warnings).sort(([a], [b]) => a.localeCompare(b))),
    guidelineMismatches: report.guidelineChecks.length,
    copiedGuidelines: report.copiedGuidelines.length,
  };
}

function table(header: string[], rows: Array<Array<string | number>>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: Array<string | number>) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}`;

/** The summary the CLI prints; `dryRun` only changes the wording. */
export function formatImportReport(report: ImportReport, dryRun = false): string {
  const s = summarizeImport(report);
  const out: string[] = [`Sunlight Hub import${dryRun ? ' (dry run: nothing written)' : ''}`, ''];
  out.push(...table(['', 'read', ...STATUSES], (['policy', 'place'] as const).map((k) => [`${k === 'policy' ? 'policies' : 'places'}`, s.files[k].read, ...STATUSES.map((st) => s.files[k][st])])));
  if (s.copiedGuidelines) out.push(`guidelines copied: ${s.copiedGuidelines}`);
  out.push('', 'Repairs');
  out.push(...(s.repairs.length ? table(['kind', 'fixes', 'files'], s.repairs.map((r) => [r.kind, r.fixes, r.files])) : ['  none']));
  for (const outcome of report.outcomes) {
    const kinds = Object.entries(outcome.repairs);
    if (kinds.length && outcome.status !== 'refused') out.push(`  ${outcome.file}: ${kinds.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  }
  out.push('', `Refused: ${s.files.policy.refused + s.files.place.refused + s.unreadable}`);
  for (const d of s.refused) out.push(`  ${where(d)}  ${d.rule}  ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
  const warnings = report.outcomes.flatMap((o) => o.diagnostics.filter((d) => d.severity === 'warning'));
  out.push('', `Notes: ${warnings.length}`);
  for (const d of warnings) out.push(`  ${where(d)}  ${d.rule}  ${d.message}`);
  const verdict = s.guidelineMismatches ? `${s.guidelineMismatches} mismatch(es)` : report.guidelinesChecked ? 'all agree' : 'not checked (the Hub folder has no _guidelines)';
  out.push('', `Guideline facts against the project's guidelines: ${verdict}`);
  for (const d of report.guidelineChecks) out.push(`  ${where(d)}  ${d.message}`);
  if (report.passages.length) {
    const total = report.passages.reduce((n, p) => n + p.passages, 0);
    out.push('', `Passages per guideline (${total} in all)`);
    out.push(...table(['guideline', 'passages', 'policies'], report.passages.map((p) => [p.code, p.passages, p.policies])));
  }
  return out.join('\n');
}
