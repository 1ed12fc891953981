/**
 * Builds the knowledge graph from validated documents: every node, every
 * backlink, the place × guideline matrix. Computed once per build; order is
 * always explicit (place, then date, then id) so output is reproducible.
 */
import { monthsBetween, REVIEW_MONTHS } from '../rules/consistency.ts';
import type { RuleContext } from '../rules/context.ts';
import { scanSpans } from '../passages/scan-spans.ts';
import { partAt, planPolicyParts, type PartPlan } from '../render/policy-parts.ts';
import type { RenderedBody } from '../render/render-body.ts';
import { RenderAhead } from '../render/render-ahead.ts';
import { runRenderJob, type RenderJob, type RenderResult } from '../render/render-jobs.ts';
import { splitSpansAtBlocks } from '../render/split-spans.ts';
import { groupBy } from '../util/group-by.ts';
import { RecentCache } from '../util/recent-cache.ts';
import { FACET_KEYS, GUIDELINE_CATEGORIES, US_STATES, type UsStateCode } from '../schema/index.ts';
import type {
  CategoryNode, ContactNode, FaqNode, GuidelineNode, KnowledgeBase, PlaceNode, PolicyNode, StateNode,
} from './types.ts';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds months to a YYYY-MM-DD date, clamping to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Like groupBy, for items that belong to several keys (each key once per item). */
function groupByMany<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const k of new Set(keys(item))) {
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
  }
  return groups;
}

/** Rendered bodies kept for reuse (see render below). */
const RENDER_CACHE_SIZE = 64;

export interface BuildOptions {
  /**
   * The render-ahead worker's module (src/core/render/render-worker.ts): bodies are rendered on a second
   * thread ahead of the pages that ask for them (render-ahead.ts). Builds set it; without it every body is
   * rendered on the thread that asks.
   */
  renderWorker?: string | URL | undefined;
  /**
   * Queue the first bodies for the worker at once, before any page asks (render-ahead.ts: it works while
   * Astro plans every route's paths). Off for a build shard, which renders only every nth group of pages.
   */
  primeRenderAhead?: boolean;
}

/**
 * The kinds the render-ahead worker is primed with, in the order Astro builds their routes (alphabetical by
 * path: contacts/, faqs/, places/, policies/). Another order only moves where the two threads meet.
 */
const PRIME_ORDER = ['contact', 'faq', 'place', 'parts'] as const;

export function buildKnowledgeBase(context: RuleContext, options: BuildOptions = {}): KnowledgeBase {
  const { codes, today, extraction } = context;
  const guidelineDocs = [...context.guidelines].sort((a, b) => a.data.number - b.data.number);
  const placeDocs = [...context.places].sort((a, b) => byString(a.id, b.id));
  const placeIds = new Set(placeDocs.map((p) => p.id));
  const contactIds = new Set(context.contacts.map((c) => c.id));
  // Documents whose references dangle are left out of the graph (the validator reported them).
  const policyDocs = context.policies
    .filter((p) => placeIds.has(p.data.place))
    .sort((a, b) => byString(a.data.place, b.data.place) || byString(a.data.date ?? String(a.data.year), b.data.date ?? String(b.data.year)) || byString(a.id, b.id));
  const faqDocs = context.faqs.filter((f) => placeIds.has(f.data.place)).sort((a, b) => byString(a.id, b.id));
  const contactDocs = context.contacts.filter((c) => placeIds.has(c.data.place)).sort((a, b) => byString(a.data.place, b.data.place) || byString(a.data.name, b.data.name));

  const policies: PolicyNode[] = policyDocs.map((doc) => {
    const passages = extraction.get(doc.file)?.passages ?? [];
    const tally = new Map<string, number>();
    for (const p of passages) tally.set(p.guideline, (tally.get(p.guideline) ?? 0) + 1);
    const counts: Record<string, number> = {};
    for (const g of guidelineDocs) {
      const n = tally.get(g.data.code);
      if (n) counts[g.data.code] = n;
    }
    return { doc, id: doc.id, place: doc.data.place, title: doc.data.title, when: doc.data.date ?? String(doc.data.year), passages, counts, versions: [], faqs: [] };
  });
  const policyById = new Map(policies.map((p) => [p.id, p]));
  // Every join below groups once (Map by key) instead of filtering per item: linear at 100k documents.
  const policiesByPlace = groupBy(policies, (p) => p.place);
  for (const policy of policies) policy.versions = policiesByPlace.get(policy.place)!.map((p) => p.id);

  const faqs: FaqNode[] = faqDocs.map((doc) => {
    const enforcement = doc.data.enforcement;
    const facets = { enforcers: enforcement?.enforcers.length || enforcement?.enforcers_text ? 'stated' : 'absent' } as FaqNode['facets'];
    for (const key of FACET_KEYS) facets[key] = enforcement?.[key]?.status ?? 'absent';
    const contacts = [...new Set((enforcement?.enforcers ?? []).map((e) => e.contact).filter((id) => contactIds.has(id)))];
    for (const id of doc.data.policies) policyById.get(id)?.faqs.push(doc.id);
    return {
      doc, id: doc.id, place: doc.data.place, title: doc.data.title, contacts,
      sourceNumbers: new Set(doc.data.sources.map((s) => s.n)),
      facets,
      stale: monthsBetween(doc.data.last_reviewed, today) >= REVIEW_MONTHS,
      nextReviewDue: addMonths(doc.data.last_reviewed, REVIEW_MONTHS),
    };
  });

  const faqsByContact = groupByMany(faqs, (f) => f.contacts);
  const policiesByContact = groupByMany(policies, (p) => p.doc.data.contacts ?? []);
  const contacts: ContactNode[] = contactDocs.map((doc) => ({
    doc, id: doc.id, place: doc.data.place, name: doc.data.name,
    faqs: (faqsByContact.get(doc.id) ?? []).map((f) => f.id),
    policies: (policiesByContact.get(doc.id) ?? []).map((p) => p.id),
  }));
  const faqsByPlace = groupBy(faqs, (f) => f.place);
  const contactsByPlace = groupBy(contacts, (c) => c.place);

  const places: PlaceNode[] = placeDocs.map((doc) => {
    const own = policiesByPlace.get(doc.id) ?? [];
    const coverage: Record<string, number> = {};
    for (const p of own) for (const [code, n] of Object.entries(p.counts)) coverage[code] = (coverage[code] ?? 0) + n;
    return {
      doc, id: doc.id, name: doc.data.name, state: doc.data.state,
      policies: own.map((p) => p.id),
      faqs: (faqsByPlace.get(doc.id) ?? []).map((f) => f.id),
      contacts: (contactsByPlace.get(doc.id) ?? []).map((c) => c.id),
      coverage,
    };
  });

  const passagesByGuideline = groupBy(policies.flatMap((p) => p.passages), (x) => x.guideline);
  const guidelines: GuidelineNode[] = guidelineDocs.map((doc) => {
    const passages = passagesByGuideline.get(doc.data.code) ?? [];
    const policyIds = [...new Set(passages.map((p) => p.policy))];
    return {
      doc, code: doc.data.code, number: doc.data.number, name: doc.data.name, category: doc.data.category,
      policies: policyIds,
      places: [...new Set(policyIds.map((id) => policyById.get(id)!.place))],
      passages,
    };
  });

  const categories: CategoryNode[] = GUIDELINE_CATEGORIES.map((c) => {
    const members = guidelines.filter((g) => g.category === c.id);
    return { id: c.id, name: c.name, guidelines: members.map((g) => g.code), passageCount: members.reduce((n, g) => n + g.passages.length, 0) };
  });

  const placesByState = groupBy(places, (p) => p.state);
  const states: StateNode[] = [...placesByState.keys()].sort().map((code) => ({
    code, name: US_STATES[code as UsStateCode], places: placesByState.get(code)!.map((p) => p.id),
  }));

  const matrixPlaces = places.filter((p) => p.policies.length);
  const matrix = {
    places: matrixPlaces.map((p) => p.id),
    guidelines: guidelines.map((g) => g.code),
    counts: matrixPlaces.map((p) => guidelines.map((g) => p.coverage[g.code] ?? 0)),
  };

  const index = <T extends { id: string }>(items: T[]) => {
    const map = new Map(items.map((i) => [i.id, i]));
    return (id: string) => map.get(id);
  };
  const guidelineByCode = new Map(guidelines.map((g) => [g.code, g]));
  const placeById = index(places);
  const faqById = index(faqs);
  const contactById = index(contacts);
  // The last few bodies rendered, not all of them: each entity's page renders its body once (a guideline's
  // page twice, to weigh and to show it), and keeping every rendered policy and guide held gigabytes at 100k
  // documents — the 100k build slowed to a crawl in garbage collection near its heap limit.
  const rendered = new RecentCache<string, RenderedBody>(RENDER_CACHE_SIZE);
  const bodyJob = (kind: Parameters<KnowledgeBase['render']>[0], id: string): RenderJob => {
    if (kind === 'policy') return { type: 'body', body: policyById.get(id)?.doc.body ?? '' };
    if (kind === 'faq') {
      const faq = faqById(id);
      return { type: 'body', body: faq?.doc.body ?? '', sources: faq ? [...faq.sourceNumbers] : undefined };
    }
    if (kind === 'guideline') return { type: 'body', body: guidelineByCode.get(id)?.doc.body ?? '' };
    if (kind === 'place') return { type: 'body', body: placeById(id)?.doc.body ?? '' };
    return { type: 'body', body: contactById(id)?.doc.body ?? '' };
  };

  // Part plans are a few numbers a policy and every passage link asks for one: all are kept.
  const partPlans = new Map<string, PartPlan>();
  const policyParts: KnowledgeBase['policyParts'] = (id) => {
    let plan = partPlans.get(id);
    if (!plan) {
      const policy = policyById.get(id);
      const body = policy?.doc.body ?? '';
      plan = planPolicyParts(body, splitSpansAtBlocks(body, scanSpans(body), codes), policy?.passages ?? []);
      partPlans.set(id, plan);
    }
    return plan;
  };
  const partsJob = (id: string): RenderJob => ({ type: 'parts', body: policyById.get(id)?.doc.body ?? '', sourceCuts: policyParts(id).sourceCuts });

  // The bodies each kind of entity page shows, in the order its pages are built (their getStaticPaths
  // walk these lists): what the render-ahead worker renders next.
  const sequenceOf = <T extends { id: string }>(items: readonly T[], job: (id: string) => RenderJob) => {
    const at = new Map(items.map((item, i) => [item.id, i]));
    return { at, sequence: { length: items.length, job: (i: number) => job(items[i]!.id) } };
  };
  const aheadKinds = {
    parts: sequenceOf(policies, partsJob),
    faq: sequenceOf(faqs, (id) => bodyJob('faq', id)),
    place: sequenceOf(places, (id) => bodyJob('place', id)),
    contact: sequenceOf(contacts, (id) => bodyJob('contact', id)),
  };
  const ahead = options.renderWorker
    ? new RenderAhead(
        options.renderWorker,
        codes,
        Object.fromEntries(Object.entries(aheadKinds).map(([name, kind]) => [name, kind.sequence])),
        { prime: options.primeRenderAhead ? PRIME_ORDER : [] },
      )
    : undefined;
  /** Renders a job here, or takes it from the render-ahead worker when its kind is one the worker follows. */
  const run = (kind: string, id: string, job: () => RenderJob): RenderResult => {
    const index = aheadKinds[kind as keyof typeof aheadKinds]?.at.get(id);
    return ahead && index !== undefined ? ahead.render(kind, index) : runRenderJob(job(), codes);
  };

  const render: KnowledgeBase['render'] = (kind, id) =>
    rendered.get(`${kind}:${id}`, () => run(kind, id, () => bodyJob(kind, id)) as RenderedBody);
  // All parts of a policy are rendered at once, by whichever of its pages asks first.
  const renderedParts = new RecentCache<string, RenderedBody[]>(RENDER_CACHE_SIZE / 4);
  const renderPolicyParts: KnowledgeBase['renderPolicyParts'] = (id) =>
    renderedParts.get(id, () => run('parts', id, () => partsJob(id)) as RenderedBody[]);

  return {
    guidelines, categories, places, states, policies, faqs, contacts, matrix,
    guideline: (code) => guidelineByCode.get(code),
    place: placeById,
    policy: (id) => policyById.get(id),
    faq: faqById,
    contact: contactById,
    render,
    policyParts,
    partOf: (passage) => partAt(policyParts(passage.policy), passage.start),
    renderPolicyParts,
    today,
  };
}
