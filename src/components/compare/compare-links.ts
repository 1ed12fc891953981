/**
 * Links of the compare pages, derived from the core's compare href so
 * BASE_PATH and the trailing slash stay its business. (Candidates for
 * src/core/urls.ts.)
 */
import type { Hrefs } from '../../core/index.ts';
import type { CompareFacet } from '../../core/graph/compare.ts';

/** Side-by-side passages of one guideline: /compare/<code>/. */
export function compareGuidelineHref(h: Hrefs, code: string): string {
  return `${h.compare()}${code}/`;
}

/** The side-by-side column of one place. */
export function compareCellHref(h: Hrefs, code: string, place: string): string {
  return `${compareGuidelineHref(h, code)}#place-${place}`;
}

/** A filtered matrix: /compare/state/mo/, /compare/type/ordinance/, /compare/year/2016/. */
export function compareFilterHref(h: Hrefs, facet: CompareFacet, value: string): string {
  return `${h.compare()}${facet}/${value}/`;
}

export function matrixCsvHref(h: Hrefs): string {
  return `${h.compare()}matrix.csv`;
}

export function matrixJsonHref(h: Hrefs): string {
  return h.api('matrix.json');
}
