/**
 * The Sunlight Hub import as one pure step: files in, planned writes and a
 * report out. Reading and writing the disk is the caller's job (see
 * import-hub-fs.ts), so the same plan serves `--dry-run`, the CLI and tests.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { compareGuidelines, type GuidelineFacts } from './check-guidelines.ts';
import { importPlaces } from './import-places.ts';
import { importPolicy } from './import-policies.ts';
import { countPassages } from './count-passages.ts';
import { parseSource, stem, type ExistingContent, type FileOutcome, type HubSource, type PlannedWrite, type SourceFile } from './source-file.ts';

export interface ImportOptions {
  /** The project's own content/guidelines files: the codes, and what the Hub's facts are checked against. */
  projectGuidelines: readonly SourceFile[];
  /** Copy the project's guidelines into the output (an output folder that has none). */
  copyGuidelines: boolean;
  /** For a single policy file: its id and a hand-curated title. */
  policyId?: string;
  policyTitle?: string;
  /** Files that could not be read as text (encoding): refused before the import saw them. */
  unreadable?: Diagnostic[];
}

export interface ImportReport {
  outcomes: FileOutcome[];
  /** Files refused because they could not be read as UTF-8 text. */
  unreadable: Diagnostic[];
  /** Sunlight's guideline facts against the project's; `guidelinesChecked` is false when either side had none. */
  guidelineChecks: Diagnostic[];
  guidelinesChecked: boolean;
  /** Guideline files copied into the output. */
  copiedGuidelines: string[];
  /** Passages per guideline code over the policies written or unchanged, in guideline order. */
  passages: Array<{ code: string; passages: number; policies: number }>;
}

export function planHubImport(hub: HubSource, existing: ExistingContent, options: ImportOptions): {
  writes: PlannedWrite[];
  report: ImportReport;
} {
  const projectFacts = options.projectGuidelines.map(guidelineFacts);
  const hubFacts = hub.guidelines.map(guidelineFacts);
  // The project's guidelines are the authority; the Hub's stand in when the project has none yet.
  const ordered = (projectFacts.length ? projectFacts : hubFacts)
    .filter((g) => typeof g.code === 'string')
    .sort((a, b) => Number(a.number) - Number(b.number));
  const codes = new Set(ordered.map((g) => String(g.code)));

  const places = importPlaces(hub.places, existing);
  const writes = [...places.writes];
  const outcomes = [...places.outcomes];
  const written: Array<{ id: string; file: string; text: string }> = [];
  for (const source of hub.policies) {
    const result = importPolicy(source, {
      codes, places: places.facts, existing,
      ...(options.policyId ? { id: options.policyId } : {}),
      ...(options.policyTitle ? { title: options.policyTitle } : {}),
    });
    outcomes.push(result.outcome);
    if (result.write) writes.push(result.write);
    if (result.outcome.status !== 'refused') {
      written.push({ id: result.outcome.id, file: source.file, text: result.write?.text ?? existing.policies.get(result.outcome.id)?.text ?? '' });
    }
  }
  const copiedGuidelines: string[] = [];
  if (options.copyGuidelines) {
    for (const g of options.projectGuidelines) {
      writes.push({ path: `guidelines/${g.name}`, text: g.text });
      copiedGuidelines.push(`guidelines/${g.name}`);
    }
  }
  const guidelineChecks = hubFacts.length && projectFacts.length ? compareGuidelines(hubFacts, projectFacts) : [];
  if (hubFacts.length && !projectFacts.length) {
    guidelineChecks.push({
      file: hub.guidelines[0]!.file, line: 1, column: 1, rule: 'guideline-mismatch', severity: 'warning',
      message: "the project has no guideline files yet: Sunlight's facts were not checked, and its codes were used as they are",
    });
  }
  return {
    writes,
    report: { outcomes, unreadable: options.unreadable ?? [], guidelineChecks, guidelinesChecked: hubFacts.length > 0 && projectFacts.length > 0, copiedGuidelines, passages: countPassages(written, ordered.map((g) => String(g.code))) },
  };
}

function guidelineFacts(source: SourceFile): GuidelineFacts {
  const parsed = parseSource(source);
  const d = parsed.data;
  return {
    file: source.file,
    code: d.code ?? stem(source.name).replace(/^\d+-/, ''),
    number: d.number,
    name: d.name,
    category: d.category ?? d.section,
    line: parsed.line,
  };
}
