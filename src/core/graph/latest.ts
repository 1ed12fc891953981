/**
 * "Latest changes": the most recent dated events in the knowledge base — an
 * FAQ's last review, a policy's adoption — newest first. The home page and the
 * feed show the same list because both ask this one function.
 */
import type { FaqNode, PlaceNode, PolicyNode } from './types.ts';

export type LatestChangeKind = 'faq-reviewed' | 'policy-adopted';

export interface LatestChange {
  kind: LatestChangeKind;
  /** FAQ id ("place/topic") or policy id. */
  id: string;
  title: string;
  place: string;
  /** The place's name, or its id when the place is unknown. */
  placeName: string;
  /** YYYY-MM-DD, or YYYY for a policy whose source gave only the year. */
  date: string;
  /** 'year' when only the year is known: such an item sorts after every dated one of that year. */
  precision: 'day' | 'year';
}

/** The parts of the knowledge base the feed reads (so tests and other callers can pass less). */
export interface LatestChangesSource {
  faqs: readonly FaqNode[];
  policies: readonly PolicyNode[];
  place: (id: string) => PlaceNode | undefined;
}

/** Default length of the list on the home page. */
export const LATEST_CHANGES_LIMIT = 10;

const KIND_ORDER: Record<LatestChangeKind, number> = { 'faq-reviewed': 0, 'policy-adopted': 1 };

/**
 * Orders newest first. "2016" is compared as a string against "2016-03-15":
 * the bare year is the shorter prefix, so it ranks below every dated event of
 * its year — we do not pretend to know the month. Ties: FAQs before policies,
 * then by id, so the order never depends on input order.
 */
export function compareLatest(a: LatestChange, b: LatestChange): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every dated event, newest first, cut to `limit` (all of them when limit is Infinity). */
export function latestChanges(kb: LatestChangesSource, limit: number = LATEST_CHANGES_LIMIT): LatestChange[] {
  const placeName = (id: string) => kb.place(id)?.name ?? id;
  const items: LatestChange[] = [
    ...kb.faqs.map((faq): LatestChange => ({
      kind: 'faq-reviewed',
      id: faq.id,
      title: faq.title,
      place: faq.place,
      placeName: placeName(faq.place),
      date: faq.doc.data.last_reviewed,
      precision: 'day',
    })),
    ...kb.policies.map((policy): LatestChange => ({
      kind: 'policy-adopted',
      id: policy.id,
      title: policy.title,
      place: policy.place,
      placeName: placeName(policy.place),
      date: policy.doc.data.date ?? String(policy.doc.data.year),
      precision: policy.doc.data.date ? 'day' : 'year',
    })),
  ];
  return items.sort(compareLatest).slice(0, Math.max(0, limit));
}
