/**
 * The enforcement gap report: for every resident guide (FAQ), which
 * enforcement facets it states, which it records as "not specified on the
 * cited page" and which it does not cover at all, with counts per facet and
 * per state, and the same as CSV and JSON. Pure: the graph in, plain data out.
 */
import { toCsv } from '../graph/compare.ts';
import { FACET_KEYS, FACET_LABELS, US_STATES, type FacetKey, type UsStateCode } from '../schema/index.ts';

/** Who enforces, then the facets, in the order of the guide pages. */
export const GAP_FACETS = ['enforcers', ...FACET_KEYS] as const satisfies readonly (FacetKey | 'enforcers')[];
export type GapFacet = (typeof GAP_FACETS)[number];

export const GAP_STATUSES = ['stated', 'not-specified', 'absent'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/** Words for each status, short (table cells) and long (legend, CSV readers). */
export const GAP_STATUS_LABELS: Record<GapStatus, { short: string; long: string }> = {
  stated: { short: 'Stated', long: 'Stated in the guide, with its source' },
  'not-specified': { short: 'Not specified', long: 'Not specified on the cited page: the page was checked and says nothing on it' },
  absent: { short: 'Not covered', long: 'Not covered by the guide at all' },
};

export const GAP_FACET_LABELS: Record<GapFacet, string> = FACET_LABELS;

/** The slice of the knowledge graph the report reads (KnowledgeBase satisfies it). */
export interface GapSource {
  places: readonly { id: string; name: string; state: string }[];
  faqs: readonly { id: string; place: string; title: string; facets: Readonly<Record<GapFacet, GapStatus>> }[];
}

export type StatusTally = Record<GapStatus, number>;

export interface GapRow {
  faq: string;
  title: string;
  place: string;
  placeName: string;
  state: string;
  statuses: Record<GapFacet, GapStatus>;
  /** Facets of this guide by status. */
  tally: StatusTally;
}

export interface StateGaps {
  /** Upper-case USPS code, as places store it. */
  state: string;
  name: string;
  faqs: number;
  /** Guides of the state by status, per facet. */
  byFacet: Record<GapFacet, StatusTally>;
  /** Facet entries (guides × facets) of the state by status. */
  tally: StatusTally;
}

export interface EnforcementGapReport {
  facets: readonly GapFacet[];
  /** One row per guide, by state, then place, then guide id. */
  rows: GapRow[];
  /** Guides by status, per facet. */
  byFacet: Record<GapFacet, StatusTally>;
  /** States with at least one guide, by code. */
  byState: StateGaps[];
  /** All facet entries (guides × facets) by status. */
  tally: StatusTally;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const emptyTally = (): StatusTally => ({ stated: 0, 'not-specified': 0, absent: 0 });
const tallyPerFacet = () => Object.fromEntries(GAP_FACETS.map((f) => [f, emptyTally()])) as Record<GapFacet, StatusTally>;

/** The report over every guide whose place is known. */
export function enforcementGaps(source: GapSource): EnforcementGapReport {
  const placeById = new Map(source.places.map((p) => [p.id, p]));
  const rows: GapRow[] = [];
  for (const faq of source.faqs) {
    const place = placeById.get(faq.place);
    if (!place) continue;
    const statuses = Object.fromEntries(GAP_FACETS.map((f) => [f, faq.facets[f] ?? 'absent'])) as Record<GapFacet, GapStatus>;
    const tally = emptyTally();
    for (const f of GAP_FACETS) tally[statuses[f]]++;
    rows.push({ faq: faq.id, title: faq.title, place: place.id, placeName: place.name, state: place.state, statuses, tally });
  }
  rows.sort((a, b) => byString(a.state, b.state) || byString(a.place, b.place) || byString(a.faq, b.faq));

  const byFacet = tallyPerFacet();
  const tally = emptyTally();
  const states = new Map<string, StateGaps>();
  for (const row of rows) {
    let state = states.get(row.state);
    if (!state) {
      state = { state: row.state, name: US_STATES[row.state as UsStateCode] ?? row.state, faqs: 0, byFacet: tallyPerFacet(), tally: emptyTally() };
      states.set(row.state, state);
    }
    state.faqs++;
    for (const f of GAP_FACETS) {
      const status = row.statuses[f];
      byFacet[f][status]++;
      state.byFacet[f][status]++;
      state.tally[status]++;
      tally[status]++;
    }
  }
  return { facets: GAP_FACETS, rows, byFacet, byState: [...states.values()], tally };
}

/** One line per guide: ids, names, then each facet's status code (stated, not-specified, absent). */
export function enforcementGapsCsv(report: EnforcementGapReport): string {
  const header = ['faq', 'title', 'place', 'place_name', 'state', ...report.facets, 'stated', 'not_specified', 'absent'];
  const rows = report.rows.map((r) => [
    r.faq, r.title, r.place, r.placeName, r.state,
    ...report.facets.map((f) => r.statuses[f]),
    r.tally.stated, r.tally['not-specified'], r.tally.absent,
  ]);
  return toCsv(header, rows);
}

export interface EnforcementGapsJson {
  statuses: Record<GapStatus, string>;
  facets: { key: GapFacet; label: string; counts: StatusTally }[];
  states: { state: string; name: string; faqs: number; counts: StatusTally; facets: Record<GapFacet, StatusTally> }[];
  faqs: { id: string; title: string; place: string; state: string; facets: Record<GapFacet, GapStatus> }[];
  totals: StatusTally & { faqs: number };
}

/** The report as one JSON document, labels included so it reads without the site. */
export function enforcementGapsJson(report: EnforcementGapReport): EnforcementGapsJson {
  return {
    statuses: Object.fromEntries(GAP_STATUSES.map((s) => [s, GAP_STATUS_LABELS[s].long])) as Record<GapStatus, string>,
    facets: report.facets.map((key) => ({ key, label: GAP_FACET_LABELS[key], counts: report.byFacet[key] })),
    states: report.byState.map((s) => ({ state: s.state, name: s.name, faqs: s.faqs, counts: s.tally, facets: s.byFacet })),
    faqs: report.rows.map((r) => ({ id: r.faq, title: r.title, place: r.place, state: r.state, facets: r.statuses })),
    totals: { ...report.tally, faqs: report.rows.length },
  };
}
