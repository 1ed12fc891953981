/**
 * Links of the analysis pages, derived from the core's hrefs so BASE_PATH and
 * the trailing slash stay its business. (Candidates for src/core/urls.ts.)
 */
import type { Hrefs } from '../../core/index.ts';

/** /map/ */
export function mapHref(h: Hrefs): string {
  return `${h.home()}map/`;
}

/** /compare/enforcement/ */
export function enforcementHref(h: Hrefs): string {
  return `${h.compare()}enforcement/`;
}

/** /compare/enforcement/gaps.csv */
export function enforcementCsvHref(h: Hrefs): string {
  return `${enforcementHref(h)}gaps.csv`;
}

/** /api/enforcement-gaps.json */
export function enforcementJsonHref(h: Hrefs): string {
  return h.api('enforcement-gaps.json');
}

/** /compare/pick/ or /compare/pick/<code>/ (places to show side by side, optional). */
export function pickHref(h: Hrefs, code?: string, places: readonly string[] = []): string {
  const page = code ? `${h.compare()}pick/${code}/` : `${h.compare()}pick/`;
  return places.length ? `${page}?places=${places.map(encodeURIComponent).join(',')}` : page;
}

/** /model-language/ or /model-language/<code>/ */
export function modelLanguageHref(h: Hrefs, code?: string): string {
  return code ? `${h.home()}model-language/${code}/` : `${h.home()}model-language/`;
}
