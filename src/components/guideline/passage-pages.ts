/**
 * Pages of quoted passages — a guideline page and the side-by-side view of a
 * guideline — cut by what the whole page weighs (src/core/graph/paging.ts):
 * each passage as PassagesByPlace writes it (quote, paragraphs, "Read in
 * context" link), the place and policy headings, and what the page shows
 * besides the passages (page 1's description, the picker, the page links).
 * Made once per knowledge graph: every page of a guideline asks for the same.
 */
import type { KnowledgeBase } from '../../core/index.ts';
import type { Passage } from '../../core/passages/extract.ts';
import { CONTENT_BUDGET_BYTES, htmlBytes, paginateByBytes, type ByteBudget } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';
import { passageFileName } from '../../core/publish/api.ts';
import { adoptedText } from '../policy/policy-facts.ts';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

// PassagesByPlace's markup with its texts left out (they are counted with htmlBytes).
const PLACE_SECTION = bytes('<section class="side-by-side__place" aria-labelledby="place-"><h2 id="place-"><a href=""></a>,  (continued)</h2></section>');
const POLICY_HEADING = bytes('<h3><a href=""></a> () (continued)</h3><ul class="passages"></ul>');
const PASSAGE = bytes('<li><blockquote></blockquote><a href="">Read in context</a></li>');
const PARAGRAPH = bytes('<p></p>');

/**
 * What every page of passages shows besides them: title, the line under it,
 * the range line and two pagers (pagerEntries keeps those under ~1 KB each).
 */
export const PASSAGE_PAGE_EXTRAS_BYTES = 3 * 1024;

/** What each passage and its headings weigh on a page of passages. */
export function passageWeights(kb: KnowledgeBase): Pick<ByteBudget<Passage>, 'bytes' | 'headingBytes'> {
  const placeOf = (policy: string) => kb.policy(policy)!.place;
  return {
    bytes: (passage) =>
      PASSAGE +
      htmlBytes(hrefs.passage(passage.policy, passage.anchor, kb.partOf(passage))) +
      passage.text.split('\n\n').reduce((n, paragraph) => n + PARAGRAPH + htmlBytes(paragraph), 0),
    headingBytes: (passage, before) => {
      let heading = 0;
      const place = placeOf(passage.policy);
      if (!before || placeOf(before.policy) !== place) {
        const node = kb.place(place)!;
        heading += PLACE_SECTION + 2 * htmlBytes(place) + htmlBytes(hrefs.place(place)) + htmlBytes(node.name) + htmlBytes(node.state);
      }
      if (!before || before.policy !== passage.policy) {
        const policy = kb.policy(passage.policy)!;
        heading += POLICY_HEADING + htmlBytes(hrefs.policy(policy.id)) + htmlBytes(policy.title) + htmlBytes(adoptedText(policy.doc.data));
      }
      return heading;
    },
  };
}

/** Memoizes a guideline's pages per knowledge graph and code. */
export function perGuideline(make: (kb: KnowledgeBase, code: string) => Passage[][]): (kb: KnowledgeBase, code: string) => Passage[][] {
  const made = new WeakMap<KnowledgeBase, Map<string, Passage[][]>>();
  return (kb, code) => {
    let byCode = made.get(kb);
    if (!byCode) made.set(kb, (byCode = new Map()));
    let pages = byCode.get(code);
    if (!pages) byCode.set(code, (pages = make(kb, code)));
    return pages;
  };
}

/** Bytes of our own description of a guideline (page 1 of the guideline shows it with its numbers). */
const GUIDELINE_INTRO = bytes(
  '<p class="lede"></p><p class="meta">Category:  · used in 99999 policies of 9999 places (of 9999 with policies) · 999999 tagged passages · <a href="">compare places side by side</a> · <a href="" type="application/json">every passage as JSON</a></p><div class="guideline-body"></div><h2 id="passages">Passages in policies</h2><div data-pagefind-ignore="all"></div>',
);

/**
 * The pages of a guideline's passages (/guidelines/<code>/, then …/page/<n>/):
 * every page within the content budget, page 1 less the guideline's own
 * description. No passages give no pages.
 */
export const guidelinePassagePages = perGuideline((kb, code) => {
  const guideline = kb.guideline(code)!;
  const budget = CONTENT_BUDGET_BYTES - PASSAGE_PAGE_EXTRAS_BYTES;
  const intro =
    GUIDELINE_INTRO +
    // The summary is the lede, and the meta and Open Graph descriptions in the head.
    3 * htmlBytes(guideline.doc.data.summary) +
    bytes(kb.render('guideline', code).html) +
    htmlBytes(kb.categories.find((c) => c.id === guideline.category)?.name ?? '') +
    htmlBytes(hrefs.compareGuideline(code)) +
    htmlBytes(hrefs.api(passageFileName(code)));
  return paginateByBytes(guideline.passages, { ...passageWeights(kb), budget, firstBudget: budget - intro });
});
