/**
 * The search page's filters: one group per Pagefind filter that
 * SearchMeta.astro emits, with a human label for each value the graph knows.
 *
 * The options shown are the values the index actually holds (the browser asks
 * Pagefind); this table only names and orders them, so a value a page emits
 * that the graph does not know still appears, under its raw text.
 */
import type { KnowledgeBase } from '../graph/types.ts';

export type SearchFilterKey = 'type' | 'state' | 'place' | 'category' | 'guideline';

export interface SearchFilterGroup {
  key: SearchFilterKey;
  /** Legend of the group. */
  label: string;
  /** value → label, in display order. */
  options: { value: string; label: string }[];
}

/** Page types as SearchMeta names them, in the order the filter lists them. */
export const TYPE_LABELS: Record<string, string> = {
  faq: 'Resident guides',
  policy: 'Policies',
  contact: 'Offices',
  place: 'Places',
  state: 'States',
  guideline: 'Guidelines',
  page: 'Other pages',
};

/** The five filter groups, in the order the page shows them. */
export function searchFilterGroups(kb: KnowledgeBase): SearchFilterGroup[] {
  const places = [...kb.places].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  return [
    { key: 'type', label: 'Type', options: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label })) },
    { key: 'state', label: 'State', options: kb.states.map((s) => ({ value: s.code, label: s.name })) },
    { key: 'place', label: 'Place', options: places.map((p) => ({ value: p.id, label: `${p.name}, ${p.state}` })) },
    { key: 'category', label: 'Guideline category', options: kb.categories.map((c) => ({ value: c.id, label: c.name })) },
    { key: 'guideline', label: 'Guideline', options: kb.guidelines.map((g) => ({ value: g.code, label: `${g.number}. ${g.name}` })) },
  ];
}
