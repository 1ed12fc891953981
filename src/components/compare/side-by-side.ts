/**
 * The side-by-side view of a guideline (/compare/<code>/, then …/page/<n>/),
 * cut into pages by what the whole page weighs: the passages as on a guideline
 * page, and on page 1 the guideline picker and the places without a passage.
 * The matrix links each count to the page where that place's column starts.
 */
import type { KnowledgeBase, PlaceNode } from '../../core/index.ts';
import { CONTENT_BUDGET_BYTES, firstPageOf, htmlBytes, paginateByBytes } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';
import { PASSAGE_PAGE_EXTRAS_BYTES, passageWeights, perGuideline } from '../guideline/passage-pages.ts';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

// GuidelinePicker's markup with its texts left out.
const PICKER = bytes('<form class="pick" method="get" action=""><h2 id="pick-heading">Compare one guideline side by side</h2></form>');
const PICKER_CATEGORY = bytes('<fieldset><legend></legend><ul></ul></fieldset>');
const PICKER_BUTTON = bytes('<li><button type="submit" formaction="" aria-current="page">99. </button></li>');
// The list of places without a passage, and its fallback by state.
const WITHOUT = bytes('<h2 id="without">Places without such a passage</h2><ul class="inline-list"></ul><p></p>');
const WITHOUT_PLACE = bytes('<li><a href=""></a>, </li>');
const WITHOUT_STATE = bytes('<li><a href=""></a>: 99999 places</li>');

/** Past this, "places without such a passage" are counted by state (each linking to its matrix) instead of named. */
export const WITHOUT_LIST_MAX_BYTES = 4 * 1024;

function pickerBytes(kb: KnowledgeBase): number {
  return (
    PICKER +
    htmlBytes(hrefs.compareGuideline(kb.guidelines[0]?.code ?? '')) +
    kb.categories.reduce((n, c) => n + PICKER_CATEGORY + htmlBytes(c.name), 0) +
    kb.guidelines.reduce((n, g) => n + PICKER_BUTTON + htmlBytes(hrefs.compareGuideline(g.code)) + htmlBytes(g.name), 0)
  );
}

export interface WithoutPlaces {
  /** The places, in the matrix's order, when they are few enough to name. */
  places?: PlaceNode[];
  /** Otherwise how many of each state's places have none, in state order. */
  byState?: { state: string; name: string; count: number }[];
  count: number;
}

/** Places with policies but no passage of this guideline: named, or counted by state when they are many. */
export function placesWithout(kb: KnowledgeBase, code: string): WithoutPlaces {
  const guideline = kb.guideline(code)!;
  const has = new Set(guideline.places);
  const places = kb.matrix.places.filter((id) => !has.has(id)).map((id) => kb.place(id)!);
  const listed = places.reduce((n, p) => n + WITHOUT_PLACE + htmlBytes(hrefs.place(p.id)) + htmlBytes(p.name) + htmlBytes(p.state), 0);
  if (listed <= WITHOUT_LIST_MAX_BYTES) return { places, count: places.length };
  const counts = new Map<string, number>();
  for (const place of places) counts.set(place.state, (counts.get(place.state) ?? 0) + 1);
  const byState = kb.states.filter((s) => counts.has(s.code)).map((s) => ({ state: s.code, name: s.name, count: counts.get(s.code)! }));
  return { byState, count: places.length };
}

function withoutBytes(kb: KnowledgeBase, code: string): number {
  const without = placesWithout(kb, code);
  if (without.places) {
    return WITHOUT + without.places.reduce((n, p) => n + WITHOUT_PLACE + htmlBytes(hrefs.place(p.id)) + htmlBytes(p.name) + htmlBytes(p.state), 0);
  }
  return WITHOUT + (without.byState ?? []).reduce((n, s) => n + WITHOUT_STATE + htmlBytes(hrefs.compareFilter('state', s.state.toLowerCase())) + htmlBytes(s.name), 0);
}

/** The pages of a guideline's side-by-side view: page 1 less the picker and the places without. */
export const sideBySidePages = perGuideline((kb, code) => {
  const budget = CONTENT_BUDGET_BYTES - PASSAGE_PAGE_EXTRAS_BYTES;
  return paginateByBytes(kb.guideline(code)!.passages, {
    ...passageWeights(kb),
    budget,
    firstBudget: budget - pickerBytes(kb) - withoutBytes(kb, code),
  });
});

const firstPages = new WeakMap<KnowledgeBase, Map<string, Map<string, number>>>();

/** The side-by-side page on which a place's column for a guideline starts (1 when it has none). */
export function sidePageOf(kb: KnowledgeBase, code: string, place: string): number {
  let byCode = firstPages.get(kb);
  if (!byCode) firstPages.set(kb, (byCode = new Map()));
  let pages = byCode.get(code);
  if (!pages) byCode.set(code, (pages = firstPageOf(sideBySidePages(kb, code), (p) => kb.policy(p.policy)!.place)));
  return pages.get(place) ?? 1;
}
