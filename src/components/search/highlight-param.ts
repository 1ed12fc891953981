/** Query parameter that carries the search terms to a result page (Pagefind's highlightParam). */
export const HIGHLIGHT_PARAM = 'highlight';
