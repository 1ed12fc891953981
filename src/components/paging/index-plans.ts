/**
 * How each index is cut into pages (see src/core/graph/paging.ts): the items
 * it lists, grouped by state and place, and what each weighs in the markup the
 * index pages write. The skeletons below are that markup without its texts;
 * the texts are added with htmlBytes. Made once per knowledge graph, because
 * the index page and every per-state page of a build ask for the same plan.
 */
import type { ContactNode, FaqNode, KnowledgeBase, PlaceNode, PolicyNode } from '../../core/index.ts';
import { CONTENT_BUDGET_BYTES, groupHeadings, htmlBytes, paginateByBytes, planIndex, type ByteBudget, type IndexPlan } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';
import { ROLE_LABELS } from '../contact/role-labels.ts';
import { PLACE_KIND_LABELS } from '../place/place-kind-labels.ts';
import { withoutCitations } from '../../core/render/inline-text.ts';

/**
 * Bytes a list page may give its items: the content budget less what every
 * list page shows besides them (h1, lede, the two pagers: ≤ 3 KB measured).
 */
export const LIST_BUDGET_BYTES = CONTENT_BUDGET_BYTES - 3 * 1024;

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

// The markup of each kind of entry with its texts left out (they are counted with htmlBytes).
const STATE_SECTION = bytes('<section aria-labelledby="state-xx"><h2 id="state-xx"><a href=""></a></h2></section><li><a href="#state-xx"></a></li>');
const PLACE_SECTION = bytes('<section aria-labelledby="place-"><h3 id="place-"><a href=""></a> (continued)</h3><ul class="item-list"></ul></section>');
const POLICY_ENTRY = bytes('<li><a href=""></a><span class="policy-list__meta"> · <time datetime="2000-01-01"></time> ·  · 999 passages</span></li>');
const FAQ_ENTRY = bytes(
  '<li><p class="item-list__title"><a href=""></a></p><p></p><p class="item-list__meta">Last reviewed <time datetime="2000-01-01">September 30, 2000</time> <span class="badge badge--warning">Review overdue</span></p></li>',
);
const CONTACT_ENTRY = bytes('<li><a href=""></a><span class="link-list__meta"> · </span></li>');
const PLACE_ENTRY = bytes(
  '<li><p class="item-list__title"><a href=""></a><span class="item-list__meta"> · </span></p><p class="item-list__meta">999 policies · 999 guides · 999 contacts</p></li>',
);
const PLACE_ROW = bytes('<tr><th scope="row"><a href=""></a></th><td></td><td>999</td><td>999</td><td>999</td></tr>');

const sectionBytes = (kb: KnowledgeBase) => (code: string) =>
  STATE_SECTION + htmlBytes(kb.states.find((s) => s.code === code)?.name ?? code) + htmlBytes(hrefs.state(code));

function placeHeading(kb: KnowledgeBase, id: string): number {
  const place = kb.place(id)!;
  return PLACE_SECTION + 2 * htmlBytes(id) + htmlBytes(hrefs.place(id)) + htmlBytes(place.name);
}

/** Items of each state, in the graph's order (state, then place, then the place's own order). */
function byState<T>(kb: KnowledgeBase, itemsOf: (place: PlaceNode) => T[]) {
  return kb.states.map((state) => ({ key: state.code, items: state.places.flatMap((id) => itemsOf(kb.place(id)!)) }));
}

type IndexWeights<T> = ByteBudget<T> & { sectionBytes?: (key: string) => number };

function memo<T>(make: (kb: KnowledgeBase) => T): (kb: KnowledgeBase) => T {
  const made = new WeakMap<KnowledgeBase, T>();
  return (kb) => {
    let plan = made.get(kb);
    if (!plan) made.set(kb, (plan = make(kb)));
    return plan;
  };
}

/** /policies/: every policy by state and place; past one page, a page per state at /policies/state/<xx>/. */
export const policyIndexPlan: (kb: KnowledgeBase) => IndexPlan<PolicyNode> = memo((kb) =>
  planIndex(byState(kb, (place) => place.policies.map((id) => kb.policy(id)!)), policyIndexWeights(kb)),
);

/** What the policy index's entries weigh (exported for the checks that compare it with built pages). */
export function policyIndexWeights(kb: KnowledgeBase): IndexWeights<PolicyNode> {
  return {
    budget: LIST_BUDGET_BYTES,
    sectionBytes: sectionBytes(kb),
    headingBytes: groupHeadings((policy) => policy.place, (policy) => placeHeading(kb, policy.place)),
    bytes: (policy) =>
      POLICY_ENTRY + htmlBytes(hrefs.policy(policy.id)) + htmlBytes(policy.title) + htmlBytes(policy.doc.data.legal_custom),
  };
}

/** /faqs/: every guide by state and place; past one page, a page per state at /faqs/state/<xx>/. */
export const faqIndexPlan: (kb: KnowledgeBase) => IndexPlan<FaqNode> = memo((kb) =>
  planIndex(byState(kb, (place) => place.faqs.map((id) => kb.faq(id)!)), faqIndexWeights(kb)),
);

/** What the guide index's entries weigh. */
export function faqIndexWeights(kb: KnowledgeBase): IndexWeights<FaqNode> {
  return {
    budget: LIST_BUDGET_BYTES,
    sectionBytes: sectionBytes(kb),
    headingBytes: groupHeadings((faq) => faq.place, (faq) => placeHeading(kb, faq.place)),
    bytes: (faq) => FAQ_ENTRY + htmlBytes(hrefs.faq(faq.id)) + htmlBytes(faq.title) + htmlBytes(withoutCitations(faq.doc.data.summary)),
  };
}

/** /contacts/: every office by state and place; past one page, a page per state at /contacts/state/<xx>/. */
export const contactIndexPlan: (kb: KnowledgeBase) => IndexPlan<ContactNode> = memo((kb) =>
  planIndex(byState(kb, (place) => place.contacts.map((id) => kb.contact(id)!)), contactIndexWeights(kb)),
);

/** What the contact index's entries weigh. */
export function contactIndexWeights(kb: KnowledgeBase): IndexWeights<ContactNode> {
  return {
    budget: LIST_BUDGET_BYTES,
    sectionBytes: sectionBytes(kb),
    headingBytes: groupHeadings((contact) => contact.place, (contact) => placeHeading(kb, contact.place)),
    bytes: (contact) => CONTACT_ENTRY + htmlBytes(hrefs.contact(contact.id)) + htmlBytes(contact.name) + htmlBytes(ROLE_LABELS[contact.doc.data.role]),
  };
}

/**
 * /places/: every place by state with its counts; past one page, the states
 * with their counts, each linking to its state page (which lists its places).
 */
export const placeIndexPlan: (kb: KnowledgeBase) => IndexPlan<PlaceNode> = memo((kb) =>
  planIndex(byState(kb, (place) => [place]), placeIndexWeights(kb)),
);

/** What the place index's entries weigh. */
export function placeIndexWeights(kb: KnowledgeBase): IndexWeights<PlaceNode> {
  return {
    budget: LIST_BUDGET_BYTES,
    sectionBytes: sectionBytes(kb),
    bytes: (place) => PLACE_ENTRY + htmlBytes(hrefs.place(place.id)) + htmlBytes(place.name) + htmlBytes(PLACE_KIND_LABELS[place.doc.data.kind]),
  };
}

/** /states/<xx>/: the table of a state's places, page by page (/states/<xx>/page/<n>/). */
export const statePlacePages: (kb: KnowledgeBase) => Map<string, PlaceNode[][]> = memo(
  (kb) =>
    new Map(
      kb.states.map((state) => [
        state.code,
        paginateByBytes(
          state.places.map((id) => kb.place(id)!),
          statePlaceWeights(),
        ),
      ]),
    ),
);

/** What a row of a state's table of places weighs. */
export function statePlaceWeights(): IndexWeights<PlaceNode> {
  return {
    budget: LIST_BUDGET_BYTES,
    bytes: (place) => PLACE_ROW + htmlBytes(hrefs.place(place.id)) + htmlBytes(place.name) + htmlBytes(PLACE_KIND_LABELS[place.doc.data.kind]),
  };
}

/** The pages of one state's section of a plan (empty when the state has nothing in this index). */
export function sectionPages<T>(plan: IndexPlan<T>, state: string): T[][] {
  return plan.sections.find((s) => s.key === state)?.pages ?? [];
}

/**
 * getStaticPaths of a per-state list (/<kind>/state/<xx>/, then …/page/<n>/):
 * none while the whole index fits on one page.
 */
export function statePagePaths<T>(plan: IndexPlan<T>): { params: { state: string; page: string | undefined }; props: { state: string; page: number } }[] {
  if (plan.single) return [];
  return plan.sections.flatMap((section) =>
    section.pages.map((_, i) => ({
      params: { state: section.key.toLowerCase(), page: i === 0 ? undefined : `page/${i + 1}` },
      props: { state: section.key, page: i + 1 },
    })),
  );
}
