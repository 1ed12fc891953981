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

/** The place filter's value for a place: its label, e.g. "Kansas City, MO" (values show as they are). */
export function placeFilterValue(place: { name: string; state: string }): string {
  return `${place.name}, ${place.state}`;
}

/** The five filter groups, in the order the page shows them. */
export function searchFilterGroups(kb: KnowledgeBase): SearchFilterGroup[] {
  return [
    { key: 'type', label: 'Type', options: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label })) },
    { key: 'state', label: 'State', options: kb.states.map((s) => ({ value: s.code, label: s.name })) },
    // Pages write the place's own label as its filter value (SearchMeta), so the page needs no list of
    // every place to name them: at 1,000 places that list was 87 KB of a 109 KB search page.
    { key: 'place', label: 'Place', options: [] },
    { key: 'category', label: 'Guideline category', options: kb.categories.map((c) => ({ value: c.id, label: c.name })) },
    { key: 'guideline', label: 'Guideline', options: kb.guidelines.map((g) => ({ value: g.code, label: `${g.number}. ${g.name}` })) },
  ];
}
