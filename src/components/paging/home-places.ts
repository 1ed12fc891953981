/**
 * The home page's "Places by state": every place by name while they fit on the
 * page (with the search, the guideline groups and the latest changes above
 * and below them), else the states with their counts, each linking to its
 * state page — which lists and pages its places (statePlacePages). The same
 * 40 KB budget as every list (src/core/graph/paging.ts).
 */
import type { KnowledgeBase, PlaceNode } from '../../core/index.ts';
import { CONTENT_BUDGET_BYTES, htmlBytes, planIndex, type IndexPlan } from '../../core/graph/paging.ts';
import { latestChanges } from '../../core/graph/latest.ts';
import { hrefs } from '../../lib/knowledge-base.ts';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

// The home page's markup with its texts left out (they are counted with htmlBytes).
const STATE_SECTION = bytes('<section aria-labelledby="home-state-xx"><h3 id="home-state-xx"><a href=""></a></h3><ul class="inline-list"></ul></section>');
const PLACE_ITEM = bytes('<li><a href=""></a></li>');
const LATEST_ITEM = bytes('<li><a href=""></a><span class="latest-list__meta">Guide reviewed ·  · <time datetime="2000-01-01">September 30, 2000</time></span></li>');
/**
 * Lede, search form, the three guideline groups and the headings around the
 * lists (measured 2.9 KB on built pages), with room for a longer lede.
 */
const HOME_FIXED_BYTES = 4 * 1024;

/** What the rest of the home page weighs besides its places: fixed parts and the latest changes. */
function homeExtrasBytes(kb: KnowledgeBase): number {
  return (
    HOME_FIXED_BYTES +
    latestChanges(kb).reduce((n, c) => n + LATEST_ITEM + htmlBytes(c.title) + htmlBytes(c.placeName) + htmlBytes(c.kind === 'faq-reviewed' ? hrefs.faq(c.id) : hrefs.policy(c.id)), 0)
  );
}

const plans = new WeakMap<KnowledgeBase, IndexPlan<PlaceNode>>();

/**
 * The home page's places by state: `single` while every place's link fits
 * (the page lists them all, as it always has), else the page lists the
 * states with their counts.
 */
export function homePlacesPlan(kb: KnowledgeBase): IndexPlan<PlaceNode> {
  let plan = plans.get(kb);
  if (!plan) {
    // The home page has no pager: its own parts (lede, search, latest changes) are what it pays besides the places.
    const budget = CONTENT_BUDGET_BYTES - homeExtrasBytes(kb);
    plan = planIndex(
      kb.states.map((state) => ({ key: state.code, items: state.places.map((id) => kb.place(id)!) })),
      {
        budget,
        sectionBytes: (code) => STATE_SECTION + 2 * htmlBytes(code.toLowerCase()) + htmlBytes(hrefs.state(code)) + htmlBytes(kb.states.find((s) => s.code === code)?.name ?? code),
        bytes: (place) => PLACE_ITEM + htmlBytes(hrefs.place(place.id)) + htmlBytes(place.name),
      },
    );
    plans.set(kb, plan);
  }
  return plan;
}
