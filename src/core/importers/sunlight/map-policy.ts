/**
 * A Hub policy (`_policies/<id>.md`) → the project's policy data: every Hub
 * key the policy schema knows, in schema order, plus a title built from the
 * place and the kind of instrument, e.g. "Seattle CTO Policy, 2016-02-01".
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

/** Hub keys carried over as they are, in the order they are written. */
export const POLICY_KEYS = [
  'place', 'year', 'date', 'legal_custom', 'sunlight', 'policy_url', 'policy_urls', 'press_url', 'note', 'no_text',
] as const;
/** Hub keys that are read but belong elsewhere: `wwc` is a fact of the place. */
const PLACE_FACT_KEYS = new Set(['wwc']);
/** Jekyll plumbing, not data. */
const IGNORED_KEYS = new Set(['layout']);

export interface PolicyMappingContext {
  id: string;
  file: string;
  /** Hub title of the policy's place ("Seattle"); absent only when the place is unknown. */
  placeTitle: string | undefined;
  /** `wwc` of the place, to check a policy's own `wwc` against. */
  placeWwc: unknown;
  line: (field: string) => number;
}

/** "<place title> <legal_custom>, <date or year>". */
export function policyTitle(placeTitle: string, legalCustom: string, dateOrYear: string | number): string {
  return `${placeTitle} ${legalCustom}, ${dateOrYear}`;
}

export function mapPolicy(hub: Record<string, unknown>, context: PolicyMappingContext): {
  data: Record<string, unknown>;
  notes: Diagnostic[];
} {
  const { file, line } = context;
  const notes: Diagnostic[] = [];
  const note = (field: string, rule: string, message: string) =>
    notes.push({ file, line: line(field), column: 1, rule, severity: 'warning', message, field });

  for (const key of Object.keys(hub)) {
    if ((POLICY_KEYS as readonly string[]).includes(key) || IGNORED_KEYS.has(key)) continue;
    if (PLACE_FACT_KEYS.has(key)) {
      const agrees = hub[key] === context.placeWwc;
      note(key, 'hub-policy-wwc', agrees
        ? `"${key}: ${String(hub[key])}" on the policy repeats its place's value; kept on the place only`
        : `"${key}: ${String(hub[key])}" on the policy disagrees with its place (${String(context.placeWwc)}); the place's value stands`);
      continue;
    }
    note(key, 'hub-dropped-key', `the Hub key "${key}" has no place in the policy schema; dropped`);
  }
  const legal = typeof hub.legal_custom === 'string' ? hub.legal_custom.trim() : undefined;
  const when = typeof hub.date === 'string' ? hub.date : typeof hub.year === 'number' ? hub.year : undefined;
  const title = context.placeTitle && legal && when !== undefined ? policyTitle(context.placeTitle, legal, when) : undefined;

  // A file named <place>-<date>[-x] whose date key says otherwise: the key is kept, the name is the id.
  const named = /-(\d{4}-\d{2}-\d{2})(?:-[a-z0-9]+)?$/.exec(context.id)?.[1];
  if (named && typeof hub.date === 'string' && named !== hub.date) {
    note('date', 'hub-date-mismatch', `the file name says ${named} but the date key says ${hub.date}; the date key is kept`);
  }
  if (hub.date === undefined) note('year', 'hub-no-date', `the Hub gives only the year (${String(hub.year)}); no date is written`);

  const data: Record<string, unknown> = { title };
  for (const key of POLICY_KEYS) data[key] = hub[key];
  return { data, notes };
}

/**
 * Id of a policy file: its file name when that is a Hub id (a slug ending in
 * the date or year, with an optional suffix: "sioux-falls-sd-2017-11-29-a"),
 * otherwise "<place>-<date or year>" from its keys.
 */
export function policyIdFor(fileName: string, hub: Record<string, unknown>): string | undefined {
  const base = fileName.replace(/\.[^.]*$/, '');
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(base) && /-\d{4}(?:-\d{2}-\d{2})?(?:-[a-z0-9]+)?$/.test(base)) return base;
  const when = typeof hub.date === 'string' ? hub.date : typeof hub.year === 'number' ? String(hub.year) : undefined;
  return typeof hub.place === 'string' && when ? `${hub.place}-${when}` : undefined;
}
