/**
 * A place's guideline coverage, grouped by Sunlight's three categories: which
 * guidelines its policies carry and how many passages each. The city hub
 * draws one bar per category from this; the page itself counts nothing.
 */
import type { KnowledgeBase } from './types.ts';

export interface CoveredGuideline {
  code: string;
  number: number;
  name: string;
  /** Passages of this guideline over all the place's policies (> 0). */
  passages: number;
}

export interface CategoryCoverage {
  id: string;
  name: string;
  /** Guidelines of the category in the knowledge base. */
  total: number;
  /** Guidelines of the category the place's policies carry, in guideline order. */
  carried: CoveredGuideline[];
  /** Passages over the carried guidelines. */
  passages: number;
}

/** Coverage per category in category order; undefined for an unknown place. */
export function placeCoverageByCategory(
  kb: Pick<KnowledgeBase, 'categories' | 'guideline' | 'place'>,
  placeId: string,
): CategoryCoverage[] | undefined {
  const place = kb.place(placeId);
  if (!place) return undefined;
  return kb.categories.map((category) => {
    const carried: CoveredGuideline[] = [];
    for (const code of category.guidelines) {
      const passages = place.coverage[code] ?? 0;
      const guideline = kb.guideline(code);
      if (passages > 0 && guideline) carried.push({ code, number: guideline.number, name: guideline.name, passages });
    }
    carried.sort((a, b) => a.number - b.number);
    return {
      id: category.id,
      name: category.name,
      total: category.guidelines.length,
      carried,
      passages: carried.reduce((sum, g) => sum + g.passages, 0),
    };
  });
}
