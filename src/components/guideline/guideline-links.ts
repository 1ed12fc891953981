/**
 * Links of the paginated guideline pages, derived from the core's guideline
 * href so BASE_PATH and the trailing slash stay its business. (A candidate for
 * src/core/urls.ts.)
 */
import type { Hrefs } from '../../core/index.ts';

/** Page 1 is the guideline's own page; page n > 1 lives under it at page/n/. */
export function guidelinePageHref(h: Hrefs, code: string, page: number): string {
  return page <= 1 ? h.guideline(code) : `${h.guideline(code)}page/${page}/`;
}
