/**
 * The static JSON API: plain serializations of the knowledge graph, one
 * builder per file under /api/. Pure functions, so the endpoints stay one line
 * and the shapes are unit-tested.
 *
 * Conventions every file follows:
 * - top level `{ count, <kind>: [...] }`, items in the graph's order (which is explicit);
 * - every item has the same keys in the same order: a value the content does
 *   not give is `null` (or `[]` / `{}`), never a missing key;
 * - `url` is the absolute address of the item's page; ids are the content ids;
 * - counts per guideline are keyed by guideline code, in guideline order.
 */
import type { ContactNode, FaqNode, GuidelineNode, KnowledgeBase, PlaceNode, PolicyNode } from '../graph/types.ts';
import { GUIDELINE_CATEGORIES } from '../schema/index.ts';
import { createHrefs } from '../urls.ts';
import { policySourceUrls, type AbsoluteUrl } from './json-ld.ts';

const paths = createHrefs('/');

/** The files of the API this module builds, by name under /api/. */
export const API_FILES = ['policies.json', 'passages.json', 'faqs.json', 'places.json', 'contacts.json', 'guidelines.json'] as const;
export type ApiFile = (typeof API_FILES)[number];

/** JSON as the endpoints write it: two-space indent, trailing newline (diff-friendly, byte-stable). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((n, c) => n + c, 0);
}

export interface PolicyItem {
  id: string;
  title: string;
  place: string;
  year: number;
  date: string | null;
  legal_custom: string;
  sunlight: boolean | string;
  url: string;
  source_urls: string[];
  press_url: string | null;
  replaces: string | null;
  contacts: string[];
  faqs: string[];
  passage_count: number;
  guideline_counts: Record<string, number>;
  passages_url: string;
}

export function policyItem(policy: PolicyNode, absoluteUrl: AbsoluteUrl): PolicyItem {
  const data = policy.doc.data;
  return {
    id: policy.id,
    title: policy.title,
    place: policy.place,
    year: data.year,
    date: data.date ?? null,
    legal_custom: data.legal_custom,
    sunlight: data.sunlight,
    url: absoluteUrl(paths.policy(policy.id)),
    source_urls: policySourceUrls(policy),
    press_url: data.press_url ?? null,
    replaces: data.replaces ?? null,
    contacts: [...(data.contacts ?? [])],
    faqs: [...policy.faqs],
    passage_count: policy.passages.length,
    guideline_counts: { ...policy.counts },
    passages_url: absoluteUrl(paths.api('passages.json')),
  };
}

export function policiesApi(kb: KnowledgeBase, absoluteUrl: AbsoluteUrl): { count: number; policies: PolicyItem[] } {
  const policies = kb.policies.map((p) => policyItem(p, absoluteUrl));
  return { count: policies.length, policies };
}

export interface PassageItem {
  policy: string;
  place: string;
  guideline: string;
  anchor: string;
  ordinal: number;
  url: string;
  text: string;
}

/**
 * The passages come in one file per guideline (/api/passages/<code>.json):
 * one file of every passage's text passed half a gigabyte at 100,000
 * documents, a download no analyst wants and a string no build should hold.
 * passages.json is their index: each guideline's file, with its count.
 */
export interface PassageFileEntry {
  guideline: string;
  name: string;
  count: number;
  url: string;
}

/** /api/passages.json: the total and each guideline's passage file, in guideline order. */
export function passagesApi(kb: KnowledgeBase, absoluteUrl: AbsoluteUrl): { count: number; files: PassageFileEntry[] } {
  const files = kb.guidelines.map((g) => ({ guideline: g.code, name: g.name, count: g.passages.length, url: absoluteUrl(paths.api(passageFileName(g.code))) }));
  return { count: files.reduce((n, f) => n + f.count, 0), files };
}

/** A guideline's passage file, under /api/. */
export function passageFileName(code: string): string {
  return `passages/${code}.json`;
}

/** /api/passages/<code>.json: every passage of one guideline, policy by policy in graph order, each policy's in extracted order. */
export function guidelinePassagesApi(kb: KnowledgeBase, code: string, absoluteUrl: AbsoluteUrl): { guideline: string; count: number; passages: PassageItem[] } {
  const guideline = kb.guideline(code);
  if (!guideline) throw new Error(`no guideline "${code}"`);
  const passages = guideline.passages.map((p) => {
    const policy = kb.policy(p.policy)!;
    return {
      policy: policy.id,
      place: policy.place,
      guideline: p.guideline,
      anchor: p.anchor,
      ordinal: p.ordinal,
      url: absoluteUrl(paths.passage(policy.id, p.anchor, kb.partOf(p))),
      text: p.text,
    };
  });
  return { guideline: code, count: passages.length, passages };
}

export interface FaqItem {
  id: string;
  title: string;
  place: string;
  topic: string;
  category: string | null;
  published: string | null;
  last_reviewed: string;
  next_review_due: string;
  summary: string;
  url: string;
  contacts: string[];
  policies: string[];
  question_count: number;
  step_count: number;
  sources: { n: number; title: string; kind: string; url: string | null; accessed: string | null }[];
}

export function faqItem(faq: FaqNode, absoluteUrl: AbsoluteUrl): FaqItem {
  const data = faq.doc.data;
  return {
    id: faq.id,
    title: faq.title,
    place: faq.place,
    topic: data.topic,
    category: data.category ?? null,
    published: data.published ?? null,
    last_reviewed: data.last_reviewed,
    next_review_due: faq.nextReviewDue,
    summary: data.summary,
    url: absoluteUrl(paths.faq(faq.id)),
    contacts: [...faq.contacts],
    policies: [...data.policies],
    question_count: data.questions.length,
    step_count: data.howto.length,
    sources: data.sources.map((s) => ({ n: s.n, title: s.title, kind: s.kind, url: s.url ?? null, accessed: s.accessed ?? null })),
  };
}

export function faqsApi(kb: KnowledgeBase, absoluteUrl: AbsoluteUrl): { count: number; faqs: FaqItem[] } {
  const faqs = kb.faqs.map((f) => faqItem(f, absoluteUrl));
  return { count: faqs.length, faqs };
}

export interface PlaceItem {
  id: string;
  name: string;
  kind: string;
  state: string;
  parent: string | null;
  coordinates: { lat: number; lon: number } | null;
  url: string;
  portal_url: string | null;
  municipal_code_url: string | null;
  records_request_url: string | null;
  policies: string[];
  faqs: string[];
  contacts: string[];
  passage_count: number;
  guideline_counts: Record<string, number>;
}

/** Passages per guideline in guideline order (the graph's coverage map is filled policy by policy). */
function inGuidelineOrder(kb: KnowledgeBase, counts: Record<string, number>): Record<string, number> {
  const ordered: Record<string, number> = {};
  for (const g of kb.guidelines) if (counts[g.code]) ordered[g.code] = counts[g.code]!;
  return ordered;
}

export function placeItem(kb: KnowledgeBase, place: PlaceNode, absoluteUrl: AbsoluteUrl): PlaceItem {
  const data = place.doc.data;
  return {
    id: place.id,
    name: place.name,
    kind: data.kind,
    state: place.state,
    parent: data.parent ?? null,
    coordinates: data.coordinates ? { lat: data.coordinates.lat, lon: data.coordinates.lon } : null,
    url: absoluteUrl(paths.place(place.id)),
    portal_url: data.portal_url ?? null,
    municipal_code_url: data.municipal_code_url ?? null,
    records_request_url: data.records_request_url ?? null,
    policies: [...place.policies],
    faqs: [...place.faqs],
    contacts: [...place.contacts],
    passage_count: sum(place.coverage),
    guideline_counts: inGuidelineOrder(kb, place.coverage),
  };
}

export function placesApi(kb: KnowledgeBase, absoluteUrl: AbsoluteUrl): { count: number; places: PlaceItem[] } {
  const places = kb.places.map((p) => placeItem(kb, p, absoluteUrl));
  return { count: places.length, places };
}

export interface ContactItem {
  id: string;
  name: string;
  role: string;
  place: string;
  url: string;
  /** Only the channels the content gives, in a fixed order. */
  channels: { url?: string; email?: string; phone?: string; address?: string; hours?: string };
  handles: string[];
  faqs: string[];
  policies: string[];
}

export function contactItem(contact: ContactNode, absoluteUrl: AbsoluteUrl): ContactItem {
  const data = contact.doc.data;
  const channels: ContactItem['channels'] = {};
  for (const key of ['url', 'email', 'phone', 'address', 'hours'] as const) {
    const value = data.channels[key];
    if (value) channels[key] = value;
  }
  return {
    id: contact.id,
    name: contact.name,
    role: data.role,
    place: contact.place,
    url: absoluteUrl(paths.contact(contact.id)),
    channels,
    handles: [...data.handles],
    faqs: [...contact.faqs],
    policies: [...contact.policies],
  };
}

export function contactsApi(kb: KnowledgeBase, absoluteUrl: AbsoluteUrl): { count: number; contacts: ContactItem[] } {
  const contacts = kb.contacts.map((c) => contactItem(c, absoluteUrl));
  return { count: contacts.length, contacts };
}

export interface GuidelineItem {
  code: string;
  number: number;
  name: string;
  category: string;
  category_name: string;
  summary: string;
  url: string;
  policy_count: number;
  place_count: number;
  passage_count: number;
  /** This guideline's passage file. */
  passages_url: string;
}

export function guidelineItem(guideline: GuidelineNode, absoluteUrl: AbsoluteUrl): GuidelineItem {
  return {
    code: guideline.code,
    number: guideline.number,
    name: guideline.name,
    category: guideline.category,
    category_name: GUIDELINE_CATEGORIES.find((c) => c.id === guideline.category)?.name ?? guideline.category,
    summary: guideline.doc.data.summary,
    url: absoluteUrl(paths.guideline(guideline.code)),
    policy_count: guideline.policies.length,
    place_count: guideline.places.length,
    passage_count: guideline.passages.length,
    passages_url: absoluteUrl(paths.api(passageFileName(guideline.code))),
  };
}

export function guidelinesApi(kb: KnowledgeBase, absoluteUrl: AbsoluteUrl): { count: number; guidelines: GuidelineItem[] } {
  const guidelines = kb.guidelines.map((g) => guidelineItem(g, absoluteUrl));
  return { count: guidelines.length, guidelines };
}

/** Each API file's builder, by file name: the endpoints and the catalog read this one table. */
export const API_BUILDERS: Record<ApiFile, (kb: KnowledgeBase, absoluteUrl: AbsoluteUrl) => unknown> = {
  'policies.json': policiesApi,
  'passages.json': passagesApi,
  'faqs.json': faqsApi,
  'places.json': placesApi,
  'contacts.json': contactsApi,
  'guidelines.json': guidelinesApi,
};
