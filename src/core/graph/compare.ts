/**
 * What the analyst pages need beyond the graph: the place × guideline matrix
 * over a subset of policies (by state, legal type or year), the facet values
 * those filters take, passages grouped by place and policy, pages of passages
 * that stay small, and the matrix as CSV and JSON. Pure: plain data in, plain
 * data out, so the compare pages, the download endpoints and the tests agree.
 */
import { slug } from 'github-slugger';
import { groupBy } from '../util/group-by.ts';
import type { Passage } from '../passages/extract.ts';
import { US_STATES, type UsStateCode } from '../schema/index.ts';
import type { Matrix } from './types.ts';

/** The slice of the knowledge graph the comparison reads (KnowledgeBase satisfies it). */
export interface CompareSource {
  guidelines: readonly { code: string }[];
  places: readonly { id: string; name: string; state: string }[];
  /** In the graph's order: place, then date, then id. */
  policies: readonly {
    id: string;
    place: string;
    counts: Readonly<Record<string, number>>;
    doc: { data: { legal_custom: string; year: number } };
  }[];
}

export const COMPARE_FACETS = ['state', 'type', 'year'] as const;
export type CompareFacet = (typeof COMPARE_FACETS)[number];

export interface CompareFilter {
  facet: CompareFacet;
  /** State code in lower case ("mo"), legal type slug ("executive-order") or year ("2016"). */
  value: string;
}

export interface FacetValue {
  facet: CompareFacet;
  value: string;
  /** What a person reads: "Missouri", "Executive Order", "2016". */
  label: string;
  places: number;
  policies: number;
}

export interface CompareMatrix extends Matrix {
  /** policies[placeIndex]: how many of the place's policies the filter kept. */
  policies: number[];
}

/** "Executive Order" → "executive-order": the legal type's URL segment. */
export function legalTypeSlug(label: string): string {
  return slug(label.trim());
}

type SourcePolicy = CompareSource['policies'][number];
type SourcePlace = CompareSource['places'][number];

function facetValueOf(facet: CompareFacet, policy: SourcePolicy, place: SourcePlace): string {
  if (facet === 'state') return place.state.toLowerCase();
  if (facet === 'type') return legalTypeSlug(policy.doc.data.legal_custom);
  return String(policy.doc.data.year);
}

/** The policies a filter keeps, in the source's order; all of them without a filter. */
export function filterPolicies<S extends CompareSource>(source: S, filter?: CompareFilter): S['policies'][number][] {
  const placeById = new Map(source.places.map((p) => [p.id, p]));
  return source.policies.filter((policy) => {
    const place = placeById.get(policy.place);
    if (!place) return false;
    return !filter || facetValueOf(filter.facet, policy, place) === filter.value;
  });
}

/**
 * Passages per place and guideline over the policies the filter keeps. Places
 * appear (in the source's order) when they keep at least one policy, even one
 * without passages, as in the graph's own matrix.
 */
export function compareMatrix(source: CompareSource, filter?: CompareFilter): CompareMatrix {
  const kept = filterPolicies(source, filter);
  const guidelines = source.guidelines.map((g) => g.code);
  const places: string[] = [];
  const counts: number[][] = [];
  const policies: number[] = [];
  // Grouped once: filtering the kept policies for every place was quadratic (10,000 places × 40,000 policies at 100k).
  const byPlace = groupBy(kept, (p) => p.place);
  for (const place of source.places) {
    const own = byPlace.get(place.id);
    if (!own) continue;
    places.push(place.id);
    policies.push(own.length);
    counts.push(guidelines.map((code) => own.reduce((n, p) => n + (p.counts[code] ?? 0), 0)));
  }
  return { places, guidelines, counts, policies };
}

/**
 * Every value each facet takes among the policies, with how many places and
 * policies carry it. States by code, legal types by label, years ascending.
 * A legal type written two ways ("Ordinance", "ordinance") is one value,
 * labelled by the spelling that sorts first.
 */
export function compareFacets(source: CompareSource): Record<CompareFacet, FacetValue[]> {
  let facets = facetsOf.get(source);
  if (!facets) facetsOf.set(source, (facets = computeFacets(source)));
  return facets;
}

/** Facets per source, computed once: every compare page shows them (1,700 pages at 10k documents asked 1,700 times). */
const facetsOf = new WeakMap<CompareSource, Record<CompareFacet, FacetValue[]>>();

function computeFacets(source: CompareSource): Record<CompareFacet, FacetValue[]> {
  const placeById = new Map(source.places.map((p) => [p.id, p]));
  const out = {} as Record<CompareFacet, FacetValue[]>;
  for (const facet of COMPARE_FACETS) {
    const byValue = new Map<string, { labels: Set<string>; places: Set<string>; policies: number }>();
    for (const policy of source.policies) {
      const place = placeById.get(policy.place);
      if (!place) continue;
      const value = facetValueOf(facet, policy, place);
      const entry = byValue.get(value) ?? { labels: new Set<string>(), places: new Set<string>(), policies: 0 };
      entry.labels.add(facet === 'type' ? policy.doc.data.legal_custom.trim() : value);
      entry.places.add(place.id);
      entry.policies += 1;
      byValue.set(value, entry);
    }
    const values: FacetValue[] = [...byValue].map(([value, entry]) => ({
      facet,
      value,
      label: facet === 'state' ? (US_STATES[value.toUpperCase() as UsStateCode] ?? value.toUpperCase()) : [...entry.labels].sort()[0]!,
      places: entry.places.size,
      policies: entry.policies,
    }));
    values.sort((a, b) =>
      facet === 'year' ? Number(a.value) - Number(b.value) : facet === 'type' ? compareText(a.label, b.label) : compareText(a.value, b.value),
    );
    out[facet] = values;
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PolicyPassages {
  policy: string;
  passages: Passage[];
}

export interface PlacePassages {
  place: string;
  policies: PolicyPassages[];
}

/**
 * Groups passages by place, then policy, keeping their order (the graph lists
 * a guideline's passages by place, date, policy, then position in the text).
 * A place or policy that shows up again later starts a new group rather than
 * being moved, so the order given is never changed.
 */
export function groupPassagesByPlace(passages: readonly Passage[], placeOf: (policy: string) => string): PlacePassages[] {
  const groups: PlacePassages[] = [];
  for (const passage of passages) {
    const place = placeOf(passage.policy);
    let group = groups.at(-1);
    if (!group || group.place !== place) {
      group = { place, policies: [] };
      groups.push(group);
    }
    let policy = group.policies.at(-1);
    if (!policy || policy.policy !== passage.policy) {
      policy = { policy: passage.policy, passages: [] };
      group.policies.push(policy);
    }
    policy.passages.push(passage);
  }
  return groups;
}

/**
 * Passages of a column that repeat, word for word, one quoted above them in the same column: a place's
 * amended policy often keeps the passages of the one before. Maps each repeat to the passage it repeats
 * (the first with that text, whitespace aside). The picker quotes the first and names it for the others.
 */
export function repeatedPassages(group: PlacePassages): Map<Passage, Passage> {
  const first = new Map<string, Passage>();
  const repeats = new Map<Passage, Passage>();
  for (const entry of group.policies) {
    for (const passage of entry.passages) {
      const key = passage.text.replace(/\s+/g, ' ').trim();
      const earlier = first.get(key);
      if (earlier && earlier.policy !== passage.policy) repeats.set(passage, earlier);
      else if (!earlier) first.set(key, passage);
    }
  }
  return repeats;
}

export interface PassagePaging {
  /** Most passages on one page. */
  maxPassages: number;
  /** Most bytes a page's passages may weigh: their text in UTF-8 plus the markup allowances below. */
  maxBytes: number;
  /** Markup around one quoted passage (list item, quote, "Read in context" link). */
  perPassage: number;
  /** A policy heading, paid when the policy changes (and again at the top of a page). */
  perPolicy: number;
  /** A place section and heading, paid when the place changes (and at the top of a page). */
  perPlace: number;
}

/**
 * Passages on a guideline page: at most 200, and no more than keeps the page
 * under 40 KB of HTML with the ~8 KB of frame, description and page links.
 * The Sunlight Hub's passages average ~210 characters and many places have one
 * or two, so headings weigh as much as text: 200 passages never fit in 40 KB,
 * and long guidelines split sooner. Allowances measured on built pages of the
 * sample; tests/site/analyst-pages.test.ts checks the 40 KB on a built site.
 */
export const GUIDELINE_PAGING: PassagePaging = { maxPassages: 200, maxBytes: 30_000, perPassage: 130, perPolicy: 200, perPlace: 200 };

const utf8 = new TextEncoder();

/**
 * Splits passages (in the order they are shown, grouped by place and policy)
 * into pages without cutting one: a page ends before the passage that would
 * pass either limit. A page always holds at least one passage, however long;
 * no passages give no pages.
 */
export function paginatePassages(
  passages: readonly Passage[],
  placeOf: (policy: string) => string,
  paging: PassagePaging = GUIDELINE_PAGING,
): Passage[][] {
  const pages: Passage[][] = [];
  let page: Passage[] = [];
  let bytes = 0;
  for (const passage of passages) {
    const previous = page.at(-1);
    const headings = (next: Passage, before: Passage | undefined) =>
      (before?.policy === next.policy ? 0 : paging.perPolicy) + (before && placeOf(before.policy) === placeOf(next.policy) ? 0 : paging.perPlace);
    const text = utf8.encode(passage.text).length + paging.perPassage;
    if (previous && (page.length >= paging.maxPassages || bytes + text + headings(passage, previous) > paging.maxBytes)) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    bytes += text + headings(passage, page.at(-1));
    page.push(passage);
  }
  if (page.length) pages.push(page);
  return pages;
}

/** The matrix as a table: a header row, then one row a place with its id, name, state and counts. */
export function matrixTable(source: CompareSource, matrix: Matrix): { header: string[]; rows: (string | number)[][] } {
  const placeById = new Map(source.places.map((p) => [p.id, p]));
  return {
    header: ['place_id', 'place_name', 'state', ...matrix.guidelines],
    rows: matrix.places.map((id, i) => {
      const place = placeById.get(id);
      return [id, place?.name ?? id, place?.state ?? '', ...matrix.counts[i]!];
    }),
  };
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: CRLF after every record, the header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** The matrix download as CSV (see matrixTable for the columns). */
export function matrixCsv(source: CompareSource, matrix: Matrix): string {
  const { header, rows } = matrixTable(source, matrix);
  return toCsv(header, rows);
}

export interface MatrixJson {
  guidelines: { code: string; number: number; name: string; category: string }[];
  places: { id: string; name: string; state: string; policies: number; counts: Record<string, number> }[];
}

export interface MatrixJsonSource extends CompareSource {
  guidelines: readonly { code: string; number: number; name: string; category: string }[];
}

/** The matrix download as JSON: every guideline, then one object a place with its counts by code (zeros included). */
export function matrixJson(source: MatrixJsonSource, matrix: CompareMatrix): MatrixJson {
  const placeById = new Map(source.places.map((p) => [p.id, p]));
  return {
    guidelines: source.guidelines.map(({ code, number, name, category }) => ({ code, number, name, category })),
    places: matrix.places.map((id, i) => ({
      id,
      name: placeById.get(id)?.name ?? id,
      state: placeById.get(id)?.state ?? '',
      policies: matrix.policies[i]!,
      counts: Object.fromEntries(matrix.guidelines.map((code, j) => [code, matrix.counts[i]![j]!])),
    })),
  };
}
