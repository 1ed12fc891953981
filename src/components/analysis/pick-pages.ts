/**
 * How the side-by-side picker is cut into pages (src/core/graph/paging.ts).
 * A guideline's picker (/compare/pick/<code>/) shows a column for every place
 * with passages of it while they fit on one page — ticking folds the others,
 * with no script, so the columns to compare must be on the same page. Past
 * one page, the columns are ordered by state and cut into pages by weight
 * (…/page/<n>/), never inside a column; page 1 lists the states, each linking
 * to the page where its places start, so neighbours in a state share a page.
 * Each guideline decides for itself: a small one keeps its one page however
 * big another grows. The start page (/compare/pick/) keeps its form with a
 * tick box per place while it fits, else it lists the guidelines.
 */
import type { KnowledgeBase, PlaceNode } from '../../core/index.ts';
import { groupPassagesByPlace, repeatedPassages, type PlacePassages } from '../../core/graph/compare.ts';
import { CONTENT_BUDGET_BYTES, htmlBytes, paginateByBytes } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

// The pickers' markup with its texts left out (they are counted with htmlBytes).
const COLUMN = bytes(
  '<section class="pick-column" aria-labelledby="place-"><label class="pick-column__choose"><input class="pick-column__box" type="checkbox" name="places" value="">Compare<span class="visually-hidden"> , </span></label><h2 id="place-"><a href=""></a>, </h2><div class="pick-column__body"></div></section>',
);
const POLICY = bytes('<h3><a href=""></a> ()</h3><ul class="passages"></ul>');
const PASSAGE = bytes('<li><blockquote></blockquote><a href="">Read in context</a></li>');
const REPEATED = bytes('<li><p class="passage-same">Same wording as in  (), quoted above.</p><a href="">Read in context</a></li>');
const PARAGRAPH = bytes('<p></p>');
const WITHOUT = bytes('<section aria-labelledby="without"><h2 id="without">Places with no passage of this guideline</h2><ul class="pick-places"></ul></section>');
const WITHOUT_PLACE = bytes('<li><a href="" data-place-name=""></a>, </li>');
const OTHERS = bytes('<nav aria-labelledby="other-guidelines" class="pick-form"><h2 id="other-guidelines">Other guidelines, same places</h2></nav>');
const OTHERS_CATEGORY = bytes('<h3></h3><ul></ul>');
const OTHERS_LINK = bytes('<li><a href="" data-pick-keep aria-current="page">99. </a></li>');
const HEAD = bytes(
  '<h1>Side by side: 99. </h1><p class="lede">99999 passages from 99999 places. Tick the places to compare: the others fold away, and printing prints only the ticked ones. <a href="">About this guideline</a> · <a href="">Model language</a></p><p class="pick-status" data-pick-status role="status">Tick places to show only those.</p><p class="notice" data-pick-missing hidden></p><p><a href="" data-pick-share hidden>Link to this comparison</a></p><div class="pick-columns" data-pick-columns data-pick-partial></div>',
) +
  // PickEnhancer's script and the search filters, which Astro writes into the page (2.6 KB measured), with a margin.
  3 * 1024;
const START_FORM = bytes(
  '<form class="pick-form" method="get" action="" data-pick-start><fieldset><legend>1. Places (99999 places with a policy)</legend><ul class="pick-places"></ul></fieldset></form>',
);
const START_PLACE = bytes('<li><label><input type="checkbox" name="places" value="">, </label></li>');
const START_CATEGORY = bytes('<fieldset><legend>2. Guideline: </legend><ul class="pick-places"></ul></fieldset>');
const START_BUTTON = bytes('<li><button type="submit" name="guideline" value="" formaction="">99. </button> <span class="model-meta">(99999 places)</span></li>');
/** The start page's lede, its section on how the picker works without JavaScript (≈ 1.5 KB) and the scripts Astro writes into it (2.6 KB). */
const START_TEXT_BYTES = 5 * 1024;

const longest = (values: readonly string[]) => values.reduce((a, b) => (b.length > a.length ? b : a), '');

function columnBytes(kb: KnowledgeBase, group: PlacePassages): number {
  const place = kb.place(group.place)!;
  let total = COLUMN + 4 * htmlBytes(place.id) + htmlBytes(hrefs.place(place.id)) + 2 * htmlBytes(place.name) + 2 * htmlBytes(place.state);
  const repeats = repeatedPassages(group);
  for (const entry of group.policies) {
    const policy = kb.policy(entry.policy)!;
    total += POLICY + htmlBytes(hrefs.policy(policy.id)) + htmlBytes(policy.title) + htmlBytes(policy.when);
    for (const passage of entry.passages) {
      const link = htmlBytes(hrefs.passage(policy.id, passage.anchor, kb.partOf(passage)));
      const same = repeats.get(passage);
      if (same) {
        const first = kb.policy(same.policy)!;
        total += REPEATED + link + htmlBytes(first.title) + htmlBytes(first.when);
        continue;
      }
      total += PASSAGE + link;
      for (const paragraph of passage.text.split('\n\n')) total += PARAGRAPH + htmlBytes(paragraph);
    }
  }
  return total;
}

function withoutBytes(places: readonly PlaceNode[]): number {
  if (places.length === 0) return 0;
  return WITHOUT + places.reduce((n, p) => n + WITHOUT_PLACE + htmlBytes(hrefs.place(p.id)) + htmlBytes(p.id) + htmlBytes(p.name) + htmlBytes(p.state), 0);
}

/** The guideline links under every picker. */
function othersBytes(kb: KnowledgeBase): number {
  return (
    OTHERS +
    kb.categories.reduce((n, c) => n + OTHERS_CATEGORY + htmlBytes(c.name), 0) +
    kb.guidelines.reduce((n, g) => n + OTHERS_LINK + htmlBytes(hrefs.pick(g.code)) + htmlBytes(g.name), 0)
  );
}

function headBytes(kb: KnowledgeBase, code: string): number {
  const g = kb.guideline(code)!;
  return HEAD + htmlBytes(g.name) + htmlBytes(hrefs.guideline(code)) + htmlBytes(hrefs.modelLanguage(code)) + htmlBytes(hrefs.pickPage(code, 99999));
}

export interface PickState {
  /** Upper-case USPS code. */
  state: string;
  name: string;
  /** Places of the state with passages of the guideline (columns). */
  columns: number;
  /** Places of the state with a policy but no passage of the guideline. */
  without: number;
  /** The page and column where the state's places start (undefined when it has no column). */
  page?: number;
  first?: string;
}

export interface GuidelinePick {
  /** True: one page with every column, as the picker always had. */
  single: boolean;
  /** Every column, in the order of the guideline's passages. */
  groups: PlacePassages[];
  /** Places with a policy but no passage of this guideline. */
  without: PlaceNode[];
  /** The columns page by page, ordered by state (one page, `groups`, when `single`); page 1 of many may hold none. */
  pages: PlacePassages[][];
  /** Per state with a policy, in state order (page 1's list when not `single`). */
  states: PickState[];
}

const STATE_ITEM = bytes('<li><a href="#place-"></a> <span class="model-meta">· 99999 places with passages, 99999 without</span></li>');
const STATE_LIST = bytes('<h2 id="by-state">By state</h2><ul class="pick-states"></ul>');
/**
 * Two pagers and the range line on a page of many: ≤ 3 KB, and 1 KB more for pagers with four-digit page
 * numbers (a picker of 1,200 pages at 100k documents passed 40 KB by 72 bytes with 3 KB).
 */
const PAGER_BYTES = 4 * 1024;

const guidelinePicks = new WeakMap<KnowledgeBase, Map<string, GuidelinePick>>();

/** A guideline's picker: one page, or pages of columns ordered by state. Made once per graph and guideline. */
export function guidelinePick(kb: KnowledgeBase, code: string): GuidelinePick {
  let byCode = guidelinePicks.get(kb);
  if (!byCode) guidelinePicks.set(kb, (byCode = new Map()));
  let pick = byCode.get(code);
  if (pick) return pick;
  const guideline = kb.guideline(code)!;
  const groups = groupPassagesByPlace(guideline.passages, (id) => kb.policy(id)!.place);
  const has = new Set(guideline.places);
  const without = kb.matrix.places.filter((id) => !has.has(id)).map((id) => kb.place(id)!);
  const weight = new Map(groups.map((g) => [g.place, columnBytes(kb, g)]));
  const fixed = headBytes(kb, code) + othersBytes(kb);
  const onePage = fixed + groups.reduce((n, g) => n + weight.get(g.place)!, 0) + withoutBytes(without);
  const stateOf = (g: PlacePassages) => kb.place(g.place)!.state;
  const withoutBy = new Map<string, number>();
  for (const p of without) withoutBy.set(p.state, (withoutBy.get(p.state) ?? 0) + 1);
  const states = kb.states.map((s): PickState => ({ state: s.code, name: s.name, columns: groups.filter((g) => stateOf(g) === s.code).length, without: withoutBy.get(s.code) ?? 0 }))
    .filter((s) => s.columns > 0 || s.without > 0);
  if (onePage <= CONTENT_BUDGET_BYTES) pick = { single: true, groups, without, pages: [groups], states };
  else {
    // States in the index's order; a state's places in the guideline's order.
    const rank = new Map(kb.states.map((s, i) => [s.code, i]));
    const ordered = groups.map((g, i) => ({ g, i })).sort((a, b) => rank.get(stateOf(a.g))! - rank.get(stateOf(b.g))! || a.i - b.i).map(({ g }) => g);
    const anchor = htmlBytes(hrefs.pickPage(code, 99999)) + htmlBytes(longest(groups.map((g) => g.place)));
    const list = STATE_LIST + states.reduce((n, s) => n + STATE_ITEM + htmlBytes(s.name) + anchor, 0);
    // Pages 2 and on leave out the other guidelines (their pickers page differently, so the same places are elsewhere).
    const budget = CONTENT_BUDGET_BYTES - headBytes(kb, code) - PAGER_BYTES;
    const firstBudget = budget - othersBytes(kb) - list;
    const byWeight = { budget, bytes: (g: PlacePassages) => weight.get(g.place)! };
    // A first column too big to sit beside the list of states starts page 2, and page 1 is the list alone
    // (paginateByBytes would put it on page 1 anyway, over the page's budget: one place's amended versions
    // at 10k documents passed 40 KB so).
    const pages = ordered.length > 0 && weight.get(ordered[0]!.place)! > firstBudget ? [[], ...paginateByBytes(ordered, byWeight)] : paginateByBytes(ordered, { ...byWeight, firstBudget });
    pages.forEach((page, i) => {
      for (const g of page) {
        const state = states.find((s) => s.state === stateOf(g))!;
        if (state.page === undefined) Object.assign(state, { page: i + 1, first: g.place });
      }
    });
    pick = { single: false, groups, without, pages, states };
  }
  byCode.set(code, pick);
  return pick;
}

/** getStaticPaths of /compare/pick/<code>/page/<n>/ (n ≥ 2): none for a guideline whose picker fits on one page. */
export function pickPagePaths(kb: KnowledgeBase): { params: { code: string; n: string }; props: { code: string; page: number } }[] {
  return kb.guidelines.flatMap((g) =>
    guidelinePick(kb, g.code)
      .pages.slice(1)
      .map((_, i) => ({ params: { code: g.code, n: String(i + 2) }, props: { code: g.code, page: i + 2 } })),
  );
}

export interface StartPick {
  /** True: one form with a tick box per place with a policy, as the start page always had. */
  single: boolean;
  /** Places with a policy, by name (then state). */
  places: PlaceNode[];
}

const startPicks = new WeakMap<KnowledgeBase, StartPick>();

/** The picker's start page: one form with every place while it fits, else a list of the guidelines. */
export function startPick(kb: KnowledgeBase): StartPick {
  let pick = startPicks.get(kb);
  if (pick) return pick;
  const places = kb.matrix.places.map((id) => kb.place(id)!).sort((a, b) => a.name.localeCompare(b.name, 'en') || a.state.localeCompare(b.state));
  const placeBytes = (p: PlaceNode) => START_PLACE + htmlBytes(p.id) + htmlBytes(p.name) + htmlBytes(p.state);
  const onePage =
    START_FORM +
    START_TEXT_BYTES +
    kb.categories.reduce((n, c) => n + START_CATEGORY + htmlBytes(c.name), 0) +
    kb.guidelines.reduce((n, g) => n + START_BUTTON + htmlBytes(g.code) + htmlBytes(hrefs.pick(g.code)) + htmlBytes(g.name), 0) +
    places.reduce((n, p) => n + placeBytes(p), 0);
  pick = { single: onePage <= CONTENT_BUDGET_BYTES, places };
  startPicks.set(kb, pick);
  return pick;
}
