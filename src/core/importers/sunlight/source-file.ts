/** The shapes the importer works on: files already read, by whoever read them. */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { lineOfField, parseFrontmatter, type ParsedFrontmatter } from '../../load/frontmatter.ts';
import type { RepairCounts } from './repair-body.ts';

export interface SourceFile {
  /** Path for messages. */
  file: string;
  /** File name with extension, e.g. "seattle-wa-2016-02-01.md". */
  name: string;
  text: string;
}

/** A Sunlight Hub checkout, or the part of one being imported. */
export interface HubSource {
  policies: SourceFile[];
  places: SourceFile[];
  guidelines: SourceFile[];
}

/** What the output folder already holds, by id. */
export interface ExistingContent {
  places: Map<string, SourceFile>;
  policies: Map<string, SourceFile>;
}

export type OutcomeStatus = 'written' | 'merged' | 'unchanged' | 'refused';

export interface FileOutcome {
  kind: 'policy' | 'place';
  /** Source file as given. */
  file: string;
  id: string;
  status: OutcomeStatus;
  /** Output path relative to the output folder, posix. */
  target?: string;
  repairs: RepairCounts;
  /** Errors (why it was refused) and warnings (what was odd). */
  diagnostics: Diagnostic[];
}

export interface PlannedWrite {
  /** Relative to the output folder, posix. */
  path: string;
  text: string;
}

export interface ParsedSource extends ParsedFrontmatter {
  source: SourceFile;
  line: (field: string) => number;
}

export function parseSource(source: SourceFile): ParsedSource {
  const parsed = parseFrontmatter(source.file, source.text);
  return { ...parsed, source, line: (field) => lineOfField(parsed.fieldLines, field ? field.split('.') : []) };
}

export function stem(name: string): string {
  return name.replace(/\.[^.]*$/, '');
}
