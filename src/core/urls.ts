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
  };
}
export type Hrefs = ReturnType<typeof createHrefs>;
