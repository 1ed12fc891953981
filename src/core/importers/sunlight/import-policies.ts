/**
 * Hub policies → policy files: frontmatter mapped, body repaired, then the
 * refusals — no frontmatter, a place with no place file, an unknown g- code,
 * an unclosed span, a schema error. A refused file is reported, never written.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { decodeContentBytes } from '../../load/decode.ts';
import { policySchema } from '../../schema/policy.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { toContentFile } from '../../write/serialize.ts';
import { checkTags, findLookalikes } from './check-tags.ts';
import type { PlaceFacts } from './import-places.ts';
import { mapPolicy, policyIdFor } from './map-policy.ts';
import { repairBody } from './repair-body.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';
import { parseSource, type ExistingContent, type FileOutcome, type PlannedWrite, type SourceFile } from './source-file.ts';

export interface PolicyImportOptions {
  /** Guideline codes a `g-` class may name. */
  codes: ReadonlySet<string>;
  /** Places known by slug (from the Hub and from the output folder). */
  places: ReadonlyMap<string, PlaceFacts>;
  existing: ExistingContent;
  /** For a single file: its id and a title curated by hand. */
  id?: string;
  title?: string;
}

export function importPolicy(source: SourceFile, options: PolicyImportOptions): { outcome: FileOutcome; write?: PlannedWrite } {
  const parsed = parseSource(source);
  const id = options.id ?? policyIdFor(source.name, parsed.data) ?? source.name;
  const target = `policies/${id}.md`;
  const refuse = (diagnostics: Diagnostic[], repairs = {}) => ({
    outcome: { kind: 'policy' as const, file: source.file, id, status: 'refused' as const, target, repairs, diagnostics },
  });
  if (parsed.diagnostics.length) return refuse(parsed.diagnostics);

  const placeSlug = parsed.data.place;
  const place = typeof placeSlug === 'string' ? options.places.get(placeSlug) : undefined;
  if (!place) {
    const suggestion = typeof placeSlug === 'string' ? didYouMean(placeSlug, options.places.keys()) : undefined;
    return refuse([{
      file: source.file, line: parsed.line('place'), column: 1, rule: 'unknown-place', severity: 'error', field: 'place',
      message: placeSlug === undefined ? 'the policy names no place' : `no place file for "${String(placeSlug)}" in the Hub or the output folder`,
      hint: suggestion ? `did you mean "${suggestion}"?` : 'add _places/<slug>.md to the Hub, or places/<slug>.md to the output folder',
    }]);
  }

  const mapped = mapPolicy(parsed.data, { id, file: source.file, placeTitle: place.title, placeWwc: place.wwc, line: parsed.line });
  const prior = options.existing.policies.get(id);
  const priorTitle = prior ? parseSource(prior).data.title : undefined;
  // A title curated by hand (in this run, or in an earlier one) wins over the derived one.
  const title = options.title ?? (typeof priorTitle === 'string' ? priorTitle : undefined);
  if (title) mapped.data.title = title;

  const { body, repairs } = repairBody(parsed.body);
  // Checked on the source body, so lines point into the file the editor will open; repairs add or drop no g- span.
  const tagErrors = checkTags(parsed.body, source.file, parsed.bodyLine, options.codes);
  const checked = policySchema.safeParse(mapped.data);
  const errors = [...tagErrors, ...(checked.success ? [] : schemaDiagnostics(source.file, checked.error, parsed.line))];
  if (errors.length) return refuse([...errors, ...mapped.notes], repairs);

  const notes = [...mapped.notes, ...findLookalikes(parsed.body, source.file, parsed.bodyLine), ...bodyNotes(parsed.data, body, source.file, parsed.line)];
  const text = toContentFile(mapped.data, body);
  // Mis-decoded text the repair table does not cover is flagged on the result, not guessed at.
  for (const d of decodeContentBytes(source.file, new TextEncoder().encode(text)).diagnostics) {
    if (d.rule === 'mojibake') notes.push({ ...d, message: `${d.message}; not in the repair table, left as it is` });
  }
  const status = prior?.text === text ? 'unchanged' : 'written';
  return {
    outcome: { kind: 'policy', file: source.file, id, status, target, repairs, diagnostics: notes },
    ...(status === 'written' ? { write: { path: target, text } } : {}),
  };
}

/** `no_text` and the body should agree. */
function bodyNotes(hub: Record<string, unknown>, body: string, file: string, line: (field: string) => number): Diagnostic[] {
  const empty = body.trim() === '';
  if (hub.no_text === true && !empty) {
    return [{ file, line: line('no_text'), column: 1, rule: 'hub-no-text', severity: 'warning', field: 'no_text', message: 'no_text is true but the body has text' }];
  }
  if (hub.no_text !== true && empty) {
    return [{ file, line: 1, column: 1, rule: 'hub-no-text', severity: 'warning', message: 'the body is empty but no_text is not set' }];
  }
  return [];
}
