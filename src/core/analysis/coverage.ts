/**
 * How many places' policies carry each guideline, for the coverage chart:
 * a place counts once however many of its policies or passages carry it.
 */

export interface GuidelineCoverage {
  code: string;
  number: number;
  name: string;
  /** Places with at least one policy carrying the guideline. */
  places: number;
  policies: number;
  passages: number;
}

export interface CoverageSource {
  guidelines: readonly { code: string; number: number; name: string; places: readonly string[]; policies: readonly string[]; passages: readonly unknown[] }[];
  /** Places with at least one policy (the matrix rows). */
  matrix: { places: readonly string[] };
}

/** Every guideline, most places first, then by guideline number; and the number of places with policies. */
export function placesPerGuideline(source: CoverageSource): { total: number; guidelines: GuidelineCoverage[] } {
  const guidelines = source.guidelines
    .map((g) => ({ code: g.code, number: g.number, name: g.name, places: g.places.length, policies: g.policies.length, passages: g.passages.length }))
    .sort((a, b) => b.places - a.places || a.number - b.number);
  return { total: source.matrix.places.length, guidelines };
}
