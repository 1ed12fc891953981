/**
 * The one place a URL of the site is made. Pages, endpoints, feeds and the
 * sitemap ask these functions; nothing builds a path by hand.
 */
export function joinBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path}`;
}

/**
 * The route parameter of part n of a long policy's text: none for part 1 (the
 * policy's own address), then "part-<n>" (src/pages/policies/[id]/[...part].astro).
 */
export function policyPartParam(part: number): string | undefined {
  return part <= 1 ? undefined : `part-${part}`;
}

/** The part a route parameter names (1 for none), or undefined when it names none. */
export function policyPartFromParam(param: string | undefined): number | undefined {
  if (param === undefined) return 1;
  const match = /^part-([1-9]\d*)$/.exec(param);
  return match && Number(match[1]) > 1 ? Number(match[1]) : undefined;
}

/** Site path of part n of a policy's text. */
function policyPath(id: string, part: number): string {
  const param = policyPartParam(part);
  return param ? `/policies/${id}/${param}/` : `/policies/${id}/`;
}

/** A list's page n: the list's own path for page 1, then "<path>page/<n>/". */
function paged(path: string, page: number): string {
  return page <= 1 ? path : `${path}page/${page}/`;
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
    /** Part n of a long policy's text (part 1 is the policy's own page; src/core/render/policy-parts.ts). */
    policyPart: (id: string, part: number) => at(policyPath(id, part)),
    /** A passage on the page of its policy's text that holds it (KnowledgeBase.partOf). */
    passage: (policy: string, anchor: string, part = 1) => at(`${policyPath(policy, part)}#${anchor}`),
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
    // Lists too long for one page (src/core/graph/paging.ts): page 1 is the list's own address, then …/page/<n>/.
    /** Page n of a state's places (page 1 is the state page). */
    statePage: (code: string, page = 1) => at(paged(`/states/${code.toLowerCase()}/`, page)),
    /** A state's policies, when the policy index is too long for one page. */
    policiesInState: (state: string, page = 1) => at(paged(`/policies/state/${state.toLowerCase()}/`, page)),
    /** A state's resident guides, when the guide index is too long for one page. */
    faqsInState: (state: string, page = 1) => at(paged(`/faqs/state/${state.toLowerCase()}/`, page)),
    /** A state's offices, when the contact index is too long for one page. */
    contactsInState: (state: string, page = 1) => at(paged(`/contacts/state/${state.toLowerCase()}/`, page)),
    /** Page n of a filtered matrix (page 1 is compareFilter's address). */
    compareFilterPage: (facet: string, value: string, page = 1) => at(paged(`/compare/${facet}/${value}/`, page)),
    /** Page n of a guideline's side-by-side view (page 1 is compareGuideline's address). */
    compareGuidelinePage: (code: string, page = 1) => at(paged(`/compare/${code}/`, page)),
    /** A place's column in the side-by-side view, on the page that holds it. */
    compareCellOnPage: (code: string, place: string, page = 1) => at(`${paged(`/compare/${code}/`, page)}#place-${place}`),
    /** Page n of a place's versions (page 1 is versions' address). */
    versionsPage: (place: string, page = 1) => at(paged(`/places/${place}/versions/`, page)),
    /** A state's guides in the enforcement gap report, when the report is too long for one page. */
    enforcementInState: (state: string, page = 1) => at(paged(`/compare/enforcement/state/${state.toLowerCase()}/`, page)),
    /** Page n of a guideline's picker, when its columns do not fit on one page (page 1 is pick(code)'s address). */
    pickPage: (code: string, page = 1) => at(paged(`/compare/pick/${code}/`, page)),
    /** One state's places on the map, with their table (when the map cannot draw every place). */
    mapState: (state: string, page = 1) => at(paged(`/map/state/${state.toLowerCase()}/`, page)),
    /** The outline of the United States that every map page draws (one cached file). */
    mapOutline: () => at('/map/us-outline.svg'),
    /** Which guidelines places adopt (the coverage chart). */
    adoption: () => at('/map/adoption/'),
  };
}
export type Hrefs = ReturnType<typeof createHrefs>;
