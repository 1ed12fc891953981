/**
 * How the map is cut into pages (src/core/graph/paging.ts). /map/ draws a
 * point per place, with the same places as a table, while they fit on one
 * page; past that it draws a point per state (statePoints) with a table of the
 * states, and each state has its own map (/map/state/<xx>/, then
 * …/page/<n>/) whose points are exactly the places its table lists on that
 * page — so the point layer never carries more places than a page holds. The
 * outline is one shared file (/map/us-outline.svg), not part of any page.
 */
import type { KnowledgeBase } from '../../core/index.ts';
import { mapPlaces, usMap, type MapOmission, type MapPoint, type UsMap } from '../../core/analysis/us-map.ts';
import { statePoints, type StatePoint } from '../../core/analysis/us-map-states.ts';
import { CONTENT_BUDGET_BYTES, htmlBytes, paginateByBytes } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';
import { count, placeCounts } from './words.ts';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

// The map pages' markup with its texts left out (they are counted with htmlBytes).
const MARK = bytes('<a href="" aria-label=""><title></title><circle class="map__dot map__dot--0" cx="999.9" cy="999.9" r="99.9"></circle></a>');
const ROW = bytes('<tr><th scope="row"><a href=""></a></th><td></td><td class="numbers">99999</td><td class="numbers">99999</td></tr>');
const OMITTED = bytes("<li><a href=\"\"></a>,  — not on the map (outside the map's area); 99999 policies, 99999 guides</li>");
/**
 * A map page besides its points, rows and omitted places: lede, the figure
 * with its outline, title and caption, the table's head and caption, the
 * headings, the links to the other views and the scripts Astro writes into
 * every page (≈ 3.5 KB), with a margin.
 */
const MAP_FIXED_BYTES = 5 * 1024;
/** Two pagers and the range line on a state's map of many pages. */
const PAGER_BYTES = 3 * 1024;

/** An entry of a state's map page: a place drawn (point and table row), or one that cannot be drawn. */
export type MapEntry = { point: MapPoint } | { omitted: MapOmission };

export interface MapState {
  /** Upper-case USPS code. */
  state: string;
  name: string;
  /** The state's places, drawn ones by name then the others by name, page by page. */
  pages: MapEntry[][];
}

export interface MapPlan {
  map: UsMap;
  /** True: /map/ draws every place and lists them, as it always has. */
  single: boolean;
  /** The drawn places in the table's order: by state name, then name. */
  rows: MapPoint[];
  /** A point per state with drawn places (for /map/ when not single). */
  states: StatePoint[];
  /** Every state with places, by name, with its pages (empty when single). */
  statePages: MapState[];
}

/** The words a place's point stands for (the same as its table row says). */
export const placeLabel = (p: MapPoint) => placeCounts(p);
/** The words a state's point stands for. */
export const stateLabel = (s: StatePoint) => `${s.stateName} (${count(s.places, 'place')}): ${count(s.policies, 'policy', 'policies')}, ${count(s.faqs, 'guide')}`;

const markBytes = (href: string, label: string) => MARK + htmlBytes(href) + 2 * htmlBytes(label);
const rowBytes = (p: MapPoint) => ROW + htmlBytes(hrefs.place(p.id)) + htmlBytes(p.name) + htmlBytes(p.stateName);
const omittedBytes = (o: MapOmission) => OMITTED + htmlBytes(hrefs.place(o.id)) + htmlBytes(o.name) + htmlBytes(o.stateName);
const entryBytes = (e: MapEntry) => ('point' in e ? markBytes(hrefs.place(e.point.id), placeLabel(e.point)) + rowBytes(e.point) : omittedBytes(e.omitted));

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);

const plans = new WeakMap<KnowledgeBase, MapPlan>();

/** The map's pages for this knowledge graph (made once: /map/ and every state map ask). */
export function mapPlan(kb: KnowledgeBase): MapPlan {
  let plan = plans.get(kb);
  if (plan) return plan;
  const map = usMap(mapPlaces(kb));
  // The table lists the drawn places by state, then name: the order a reader scans.
  const rows = [...map.points].sort((a, b) => a.stateName.localeCompare(b.stateName, 'en') || byName(a, b));
  const states = statePoints(map.points);
  const onePage = MAP_FIXED_BYTES + rows.reduce((n, p) => n + entryBytes({ point: p }), 0) + map.omitted.reduce((n, o) => n + omittedBytes(o), 0);
  if (onePage <= CONTENT_BUDGET_BYTES) plan = { map, single: true, rows, states, statePages: [] };
  else {
    const budget = CONTENT_BUDGET_BYTES - MAP_FIXED_BYTES - PAGER_BYTES;
    const statePages = kb.states
      .map((s): MapState => {
        const entries: MapEntry[] = [
          ...map.points.filter((p) => p.state === s.code).sort(byName).map((point) => ({ point })),
          ...map.omitted.filter((o) => o.state === s.code).sort(byName).map((omitted) => ({ omitted })),
        ];
        return { state: s.code, name: s.name, pages: paginateByBytes(entries, { budget, bytes: entryBytes }) };
      })
      .filter((s) => s.pages.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    plan = { map, single: false, rows, states, statePages };
  }
  plans.set(kb, plan);
  return plan;
}

/** getStaticPaths of /map/state/<xx>/…: none while /map/ draws every place. */
export function mapStatePaths(kb: KnowledgeBase): { params: { state: string; page: string | undefined }; props: { state: string; page: number } }[] {
  return mapPlan(kb).statePages.flatMap((s) =>
    s.pages.map((_, i) => ({
      params: { state: s.state.toLowerCase(), page: i === 0 ? undefined : `page/${i + 1}` },
      props: { state: s.state, page: i + 1 },
    })),
  );
}
