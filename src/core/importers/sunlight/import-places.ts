/**
 * Hub places → place files. A place already in the output folder is merged:
 * its own fields win and only absent fields are filled, its body stays, and
 * it is never written twice.
 */
import { placeSchema } from '../../schema/place.ts';
import { toContentFile } from '../../write/serialize.ts';
import { mapPlace } from './map-place.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';
import { parseSource, stem, type ExistingContent, type FileOutcome, type PlannedWrite, type SourceFile } from './source-file.ts';

/** What policies need to know of their place. */
export interface PlaceFacts {
  title: string | undefined;
  wwc: unknown;
}

export function importPlaces(places: readonly SourceFile[], existing: ExistingContent): {
  outcomes: FileOutcome[];
  writes: PlannedWrite[];
  facts: Map<string, PlaceFacts>;
} {
  const outcomes: FileOutcome[] = [];
  const writes: PlannedWrite[] = [];
  const facts = new Map<string, PlaceFacts>();
  // Places already in the output count as known, whether or not the Hub has them.
  for (const [id, source] of existing.places) {
    const data = parseSource(source).data;
    facts.set(id, { title: typeof data.name === 'string' ? data.name : undefined, wwc: data.wwc });
  }
  for (const source of places) {
    const id = stem(source.name);
    const target = `places/${id}.md`;
    const parsed = parseSource(source);
    const refuse = (diagnostics: FileOutcome['diagnostics']) =>
      outcomes.push({ kind: 'place', file: source.file, id, status: 'refused', target, repairs: {}, diagnostics });
    if (parsed.diagnostics.length) {
      refuse(parsed.diagnostics);
      continue;
    }
    const mapped = mapPlace(id, parsed.data, source.file, parsed.line);
    const checked = placeSchema.safeParse(mapped.data);
    if (!checked.success) {
      refuse([...schemaDiagnostics(source.file, checked.error, hubFieldLine(parsed.line)), ...mapped.notes]);
      continue;
    }
    const prior = existing.places.get(id);
    if (!prior) {
      writes.push({ path: target, text: toContentFile(mapped.data) });
      facts.set(id, { title: mapped.title, wwc: mapped.wwc });
      outcomes.push({ kind: 'place', file: source.file, id, status: 'written', target, repairs: {}, diagnostics: mapped.notes });
      continue;
    }
    const old = parseSource(prior);
    if (old.diagnostics.length) {
      refuse([...old.diagnostics, { file: prior.file, line: 1, column: 1, rule: 'merge', severity: 'error', message: 'the existing place file is broken; fix it before importing into it' }]);
      continue;
    }
    const { merged, filled } = mergeFields(old.data, mapped.data);
    const mergedCheck = placeSchema.safeParse(merged);
    if (!mergedCheck.success) {
      refuse(schemaDiagnostics(prior.file, mergedCheck.error, old.line));
      continue;
    }
    const text = toContentFile(merged, old.body);
    const status = filled.length === 0 || text === prior.text ? 'unchanged' : 'merged';
    if (status === 'merged') writes.push({ path: target, text });
    outcomes.push({ kind: 'place', file: source.file, id, status, target, repairs: {}, diagnostics: mapped.notes });
  }
  return { outcomes, writes, facts };
}

/** Existing fields win; absent ones are filled from the import, in the existing order then the import's. */
export function mergeFields(existing: Record<string, unknown>, incoming: Record<string, unknown>): {
  merged: Record<string, unknown>;
  filled: string[];
} {
  const merged: Record<string, unknown> = { ...existing };
  const filled: string[] = [];
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined || merged[key] !== undefined) continue;
    merged[key] = value;
    filled.push(key);
  }
  return { merged, filled };
}

/** Schema paths are in our field names; point them at the Hub key they came from. */
function hubFieldLine(line: (field: string) => number): (field: string) => number {
  const hubKey: Record<string, string> = { name: 'title', state: 'states', kind: 'type', coordinates: 'y', 'coordinates.lat': 'y', 'coordinates.lon': 'x' };
  return (field) => line(hubKey[field] ?? field);
}
