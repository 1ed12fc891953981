/**
 * One share of a content folder checked on its own: read, parse, schema and
 * every per-file rule, plus what the cross-file rules will need of each
 * document. A worker thread runs this (src/core/check-worker.ts) for
 * src/core/check-content.ts; the thread that started it runs the cross-file
 * rules over every share's summaries.
 */
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { FieldLines } from './load/frontmatter.ts';
import { parseDocuments, type ContentDoc } from './load/load-content.ts';
import { readContentFile, type ContentEntry } from './load/read-files-fs.ts';
import { crossFileData } from './rules/cross-file.ts';
import { PER_FILE_RULES, ruleContext } from './rules/index.ts';

/** A document as the cross-file rules see it: its place in the folder, the fields they read, its field lines' source. */
export interface DocSummary {
  kind: ContentDoc['kind'];
  id: string;
  file: string;
  relative: string;
  data: Record<string, unknown>;
  bodyLine: number;
  /** Frontmatter text, for field lines if a cross-file rule reports on the document. */
  source: string;
}

export interface BatchResult {
  /** Problems found reading and parsing the files (each file's in the order found). */
  loadDiagnostics: Diagnostic[];
  /** Problems found by the per-file rules, rule by rule as RULES runs them. */
  ruleDiagnostics: Diagnostic[];
  /** Every valid document, in path order. */
  summaries: DocSummary[];
  /** Files read (what ValidationResult.files counts). */
  files: number;
}

export function checkBatch(entries: readonly ContentEntry[], codes: ReadonlySet<string>, today: string): BatchResult {
  const loadDiagnostics: Diagnostic[] = [];
  const raw = [];
  for (const entry of entries) {
    const read = readContentFile(entry);
    loadDiagnostics.push(...read.diagnostics);
    if (read.file) raw.push(read.file);
  }
  const parsed = parseDocuments(raw);
  loadDiagnostics.push(...parsed.diagnostics);
  const context = ruleContext(parsed.documents, today, parsed.bodies, codes);
  const ruleDiagnostics = PER_FILE_RULES.flatMap((rule) => rule(context));
  const summaries = parsed.documents.map((doc) => ({
    kind: doc.kind, id: doc.id, file: doc.file, relative: doc.relative, data: crossFileData(doc), bodyLine: doc.bodyLine, source: doc.fieldLines.source,
  }));
  return { loadDiagnostics, ruleDiagnostics, summaries, files: raw.length };
}

/** The summary back as a document for the cross-file rules (no body: they do not read it). */
export function summaryDoc(summary: DocSummary): ContentDoc {
  const { source, ...rest } = summary;
  return { ...rest, body: '', fieldLines: new FieldLines(source) } as ContentDoc;
}
