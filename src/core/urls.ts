/**
 * The one place a URL of the site is made. Pages, endpoints, feeds and the
 * sitemap ask these functions; nothing builds a path by hand.
 */
export function joinBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path}`;
}

export function createHrefs(base = '/') {
  const at = (path: string) => joinBase(base, path);
  return {
    home: () => at('/'),
    guidelines: () => at('/guidelines/'),
    guideline: (code: string) => at(`/guidelines/${code}/`),
    places: () => at('/places/'),
    place: (id: string) => at(`/places/${id}/`),
    state: (code: string) => at(`/states/${code.toLowerCase()}/`),
    policies: () => at('/policies/'),
    policy: (id: string) => at(`/policies/${id}/`),
    passage: (policy: string, anchor: string) => at(`/policies/${policy}/#${anchor}`),
    versions: (place: string) => at(`/places/${place}/versions/`),
    faqs: () => at('/faqs/'),
    faq: (id: string) => at(`/faqs/${id}/`),
    contacts: () => at('/contacts/'),
    contact: (id: string) => at(`/contacts/${id}/`),
    compare: () => at('/compare/'),
    search: () => at('/search/'),
    api: (name: string) => at(`/api/${name}`),
    states: () => at('/states/'),
    /** Page n of a long guideline page (page 1 is the guideline page itself). */
    guidelinePage: (code: string, page: number) => at(page <= 1 ? `/guidelines/${code}/` : `/guidelines/${code}/page/${page}/`),
    compareGuideline: (code: string) => at(`/compare/${code}/`),
    compareCell: (code: string, place: string) => at(`/compare/${code}/#place-${place}`),
    compareFilter: (facet: string, value: string) => at(`/compare/${facet}/${value}/`),
    matrixCsv: () => at('/compare/matrix.csv'),
    matrixJson: () => at('/api/matrix.json'),
    map: () => at('/map/'),
    enforcement: () => at('/compare/enforcement/'),
    enforcementCsv: () => at('/compare/enforcement/gaps.csv'),
    enforcementJson: () => at('/api/enforcement-gaps.json'),
    /** Several places side by side on one guideline; `places` preselects columns (query string, enhanced by JS). */
    pick: (code?: string, places: readonly string[] = []) => {
      const page = at(code ? `/compare/pick/${code}/` : '/compare/pick/');
      return places.length ? `${page}?places=${places.map(encodeURIComponent).join(',')}` : page;
    },
    modelLanguage: (code?: string) => at(code ? `/model-language/${code}/` : '/model-language/'),
  };
}
export type Hrefs = ReturnType<typeof createHrefs>;
