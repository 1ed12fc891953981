/**
 * The machine-readable outputs built by src/core/publish on a real graph:
 * the JSON API files, the page list behind the sitemap, the sitemap, the
 * Atom feed and the DCAT-US catalog. Shapes are pinned, order is explicit and
 * nothing depends on the clock or on the order files were read in.
 */
import { describe, expect, test } from 'vitest';
import {
  API_BUILDERS,
  contactsApi,
  faqsApi,
  guidelinesApi,
  guidelinePassagesApi,
  passagesApi,
  placesApi,
  policiesApi,
  toJson,
} from '../../src/core/publish/api.ts';
import { dataCatalog, DCAT_US_SCHEMA, newestContentDate } from '../../src/core/publish/dcat.ts';
import { atomFeed, atomTimestamp, feedEntries } from '../../src/core/publish/feed.ts';
import { fillRoute, listSitePages, routeSegments, type PageModule } from '../../src/core/publish/routes.ts';
import { SITEMAP_MAX_URLS, sitemapEntries, sitemapIndexXml, sitemapPartPath, sitemapParts, sitemapXml } from '../../src/core/publish/sitemap.ts';
import { fixtureFiles, graphOf, testAbsoluteUrl } from './publish-fixture.ts';

const kb = graphOf();
const url = testAbsoluteUrl;

describe('JSON API', () => {
  test('policies.json: every item has the same keys in the same order, and counts per guideline in guideline order', () => {
    const { count, policies } = policiesApi(kb, url);
    expect(count).toBe(2);
    expect(policies.map((p) => p.id)).toEqual(['alpha-mo-2012', 'alpha-mo-2016-03-15']);
    for (const p of policies) {
      expect(Object.keys(p)).toEqual([
        'id', 'title', 'place', 'year', 'date', 'legal_custom', 'sunlight', 'url', 'source_urls', 'press_url',
        'replaces', 'contacts', 'faqs', 'passage_count', 'guideline_counts', 'passages_url',
      ]);
    }
    const dated = policies[1]!;
    expect(dated).toMatchObject({
      date: '2016-03-15',
      url: 'https://kb.example.org/kb/policies/alpha-mo-2016-03-15/',
      source_urls: ['https://alpha.example.gov/policy.pdf', 'https://alpha.example.gov/minutes'],
      press_url: null,
      replaces: 'alpha-mo-2012',
      contacts: ['alpha-mo/city-clerk'],
      faqs: ['alpha-mo/records'],
      passage_count: 3,
      passages_url: 'https://kb.example.org/kb/api/passages.json',
    });
    // open-formats is guideline 12 and metadata 15 in Sunlight's numbering: guideline order, not file order.
    const order = kb.guidelines.map((g) => g.code);
    expect(Object.keys(dated.guideline_counts)).toEqual(['open-formats', 'metadata'].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(dated.guideline_counts).toEqual({ 'open-formats': 2, metadata: 1 });
    expect(policies[0]).toMatchObject({ date: null, source_urls: [], passage_count: 0, guideline_counts: {} });
  });

  test('passages.json indexes one file per guideline; together the files hold every passage once, linked to its anchor', () => {
    const index = passagesApi(kb, url);
    expect(index.count).toBe(policiesApi(kb, url).policies.reduce((n, p) => n + p.passage_count, 0));
    expect(index.files.map((f) => f.guideline)).toEqual(kb.guidelines.map((g) => g.code));
    expect(index.files.find((f) => f.guideline === 'metadata')).toEqual({
      guideline: 'metadata', name: kb.guideline('metadata')!.name, count: 1, url: 'https://kb.example.org/kb/api/passages/metadata.json',
    });
    const files = index.files.map((f) => guidelinePassagesApi(kb, f.guideline, url));
    files.forEach((file, i) => {
      expect(file.count).toBe(index.files[i]!.count);
      expect(file.passages.every((p) => p.guideline === file.guideline)).toBe(true);
    });
    const passages = files.flatMap((f) => f.passages);
    expect(passages).toHaveLength(index.count);
    expect(new Set(passages.map((p) => p.url)).size).toBe(index.count);
    expect(passages.map((p) => p.anchor)).toEqual(expect.arrayContaining(['g-open-formats-1', 'g-open-formats-2', 'g-metadata-1']));
    const nested = passages.find((p) => p.anchor === 'g-metadata-1')!;
    expect(nested).toEqual({
      policy: 'alpha-mo-2016-03-15',
      place: 'alpha-mo',
      guideline: 'metadata',
      anchor: 'g-metadata-1',
      ordinal: 1,
      url: 'https://kb.example.org/kb/policies/alpha-mo-2016-03-15/#g-metadata-1',
      text: 'describe every dataset with metadata',
    });
    expect(() => guidelinePassagesApi(kb, 'no-such-code', url)).toThrow(/no guideline "no-such-code"/);
  });

  test('faqs.json: absent facts are null, offices come from the enforcement block, sources keep their numbers', () => {
    const { faqs } = faqsApi(kb, url);
    expect(faqs.map((f) => f.id)).toEqual(['alpha-mo/parking', 'alpha-mo/records']);
    expect(faqs[0]).toMatchObject({ category: null, published: null, contacts: [], question_count: 0, step_count: 0, sources: [] });
    expect(faqs[1]).toMatchObject({
      category: 'Technology and Data',
      last_reviewed: '2026-04-10',
      next_review_due: kb.faq('alpha-mo/records')!.nextReviewDue,
      contacts: ['alpha-mo/city-clerk'],
      policies: ['alpha-mo-2016-03-15'],
      question_count: 2,
      step_count: 2,
      sources: [
        { n: 1, title: 'Open records page', kind: 'city-page', url: 'https://alpha.example.gov/records', accessed: null },
        { n: 2, title: 'Municipal code', kind: 'municipal-code', url: null, accessed: null },
      ],
    });
  });

  test('places.json: a place without policies has zero passages and no counts', () => {
    const { places } = placesApi(kb, url);
    expect(places.map((p) => [p.id, p.passage_count])).toEqual([['alpha-mo', 3], ['beta-ks', 0]]);
    expect(places[0]).toMatchObject({
      coordinates: { lat: 39.09, lon: -94.41 },
      portal_url: 'https://data.alpha.example.gov',
      municipal_code_url: null,
      contacts: ['alpha-mo/city-attorney', 'alpha-mo/city-clerk'],
      guideline_counts: { 'open-formats': 2, metadata: 1 },
    });
    expect(places[1]).toMatchObject({ coordinates: null, policies: [], guideline_counts: {} });
  });

  test('contacts.json lists only the channels the file gives, in a fixed order', () => {
    const { contacts } = contactsApi(kb, url);
    const clerk = contacts.find((c) => c.id === 'alpha-mo/city-clerk')!;
    expect(Object.keys(clerk.channels)).toEqual(['url', 'email', 'phone', 'hours']);
    expect(clerk.faqs).toEqual(['alpha-mo/records']);
    expect(clerk.policies).toEqual(['alpha-mo-2016-03-15']);
    expect(contacts.find((c) => c.id === 'alpha-mo/city-attorney')!.channels).toEqual({ address: '1 Main St, Alpha, MO' });
  });

  test('guidelines.json: the 31 guidelines in Sunlight order with their use counts', () => {
    const { count, guidelines } = guidelinesApi(kb, url);
    expect(count).toBe(31);
    expect(guidelines.map((g) => g.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(guidelines.find((g) => g.code === 'open-formats')).toMatchObject({
      policy_count: 1,
      place_count: 1,
      passage_count: 2,
      url: 'https://kb.example.org/kb/guidelines/open-formats/',
      passages_url: 'https://kb.example.org/kb/api/passages/open-formats.json',
    });
    expect(guidelines.every((g) => g.category_name.length > 0 && g.category_name !== g.category)).toBe(true);
  });

  test('every file is the same bytes whatever order the content files were read in', () => {
    const shuffled = graphOf([...fixtureFiles()].reverse());
    for (const [name, build] of Object.entries(API_BUILDERS)) {
      expect(toJson(build(shuffled, url)), name).toBe(toJson(build(kb, url)));
    }
  });
});

describe('page list (routes.ts)', () => {
  test.each([
    ['/src/pages/index.astro', []],
    ['/src/pages/search.astro', ['search']],
    ['/src/pages/faqs/index.astro', ['faqs']],
    ['/src/pages/faqs/[place]/[topic].astro', ['faqs', '[place]', '[topic]']],
    ['/src/pages/guidelines/[code]/page/[n].astro', ['guidelines', '[code]', 'page', '[n]']],
    ['/src/pages/_partial.astro', undefined],
    ['/src/pages/api/faqs.json.ts', undefined],
  ])('routeSegments(%s)', (file, expected) => {
    expect(routeSegments(file)).toEqual(expected);
  });

  test.each([
    [['faqs', '[place]', '[topic]'], { place: 'alpha-mo', topic: 'records' }, '/faqs/alpha-mo/records/'],
    [['guidelines', '[code]', 'page', '[n]'], { code: 'metadata', n: 2 }, '/guidelines/metadata/page/2/'],
    [['docs', '[...slug]'], { slug: 'a/b' }, '/docs/a/b/'],
    [['docs', '[...slug]'], { slug: undefined }, '/docs/'],
    [[], {}, '/'],
  ])('fillRoute(%j, %j) → %s', (segments, params, expected) => {
    expect(fillRoute(segments, params)).toBe(expected);
  });

  test('fillRoute refuses a missing param instead of writing "undefined" into a path', () => {
    expect(() => fillRoute(['faqs', '[place]', '[topic]'], { place: 'alpha-mo' })).toThrow(/topic/);
  });

  test('asks each dynamic page its getStaticPaths, drops noindex pages and reports pages it cannot list', async () => {
    const modules: Record<string, () => Promise<PageModule>> = {
      '/src/pages/index.astro': async () => ({}),
      '/src/pages/404.astro': async () => ({}),
      '/src/pages/search.astro': async () => ({}),
      '/src/pages/faqs/[place]/[topic].astro': async () => ({
        getStaticPaths: async () => kb.faqs.map((f) => ({ params: { place: f.place, topic: f.doc.data.topic } })),
      }),
      '/src/pages/broken/[id].astro': async () => ({}),
      '/src/pages/paged/[page].astro': async () => ({ getStaticPaths: ({ paginate }) => paginate([]) }),
    };
    const pages = await listSitePages(modules);
    expect(pages.paths).toEqual(['/', '/faqs/alpha-mo/parking/', '/faqs/alpha-mo/records/']);
    expect(pages.problems).toEqual([
      '/src/pages/broken/[id].astro: has no getStaticPaths()',
      '/src/pages/paged/[page].astro: uses paginate(), which the page list does not emulate',
    ]);
  });
});

describe('sitemap', () => {
  test('lists each page once in path order, with lastmod only where the content dates the page', () => {
    const entries = sitemapEntries(kb, ['/policies/alpha-mo-2012/', '/', '/faqs/alpha-mo/records/', '/policies/alpha-mo-2016-03-15/', '/']);
    expect(entries).toEqual([
      { path: '/' },
      { path: '/faqs/alpha-mo/records/', lastmod: '2026-04-10' },
      { path: '/policies/alpha-mo-2012/' },
      { path: '/policies/alpha-mo-2016-03-15/', lastmod: '2016-03-15' },
    ]);
    const xml = sitemapXml(entries, url);
    expect(xml).toContain('<url><loc>https://kb.example.org/kb/faqs/alpha-mo/records/</loc><lastmod>2026-04-10</lastmod></url>');
    expect(xml.match(/<url>/g)).toHaveLength(4);
  });

  test('past the 50,000-URL limit it is an index of parts, each entry in exactly one part, in order', () => {
    const entries = Array.from({ length: 7 }, (_, i) => ({ path: `/p/${i}/` }));
    expect(sitemapParts(entries)).toEqual([entries]);
    expect(sitemapParts([])).toEqual([[]]);
    const parts = sitemapParts(entries, 3);
    expect(parts.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(entries);
    const index = sitemapIndexXml(parts.length, url);
    expect(index).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect([...index.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map((m) => m[1])).toEqual([1, 2, 3].map((n) => `https://kb.example.org/kb${sitemapPartPath(n)}`));
    expect(SITEMAP_MAX_URLS).toBe(50_000);
  });
});

describe('Atom feed', () => {
  const everyPage = { siteTitle: 'Test KB', absoluteUrl: url, pageExists: () => true };

  test('lists FAQ reviews and dated adoptions newest first; a policy known only by its year is left out', () => {
    const entries = feedEntries(kb, everyPage);
    expect(entries.map((e) => [e.category, e.updated])).toEqual([
      ['faq', '2026-04-10T00:00:00Z'],
      ['faq', '2025-11-02T00:00:00Z'],
      ['policy', '2016-03-15T00:00:00Z'],
    ]);
    expect(entries[0]).toMatchObject({
      id: 'https://kb.example.org/kb/faqs/alpha-mo/records/#reviewed-2026-04-10',
      url: 'https://kb.example.org/kb/faqs/alpha-mo/records/',
      summary: 'How to ask Alpha for public records.',
    });
  });

  test('only links to pages the site has', () => {
    const entries = feedEntries(kb, { ...everyPage, pageExists: (p) => p.startsWith('/faqs/') });
    expect(entries.map((e) => e.category)).toEqual(['faq', 'faq']);
  });

  test('takes <updated> from the newest entry, escapes text, and is the same on every build', () => {
    const xml = atomFeed(kb, everyPage);
    expect(xml.match(/<updated>([^<]+)<\/updated>/)![1]).toBe('2026-04-10T00:00:00Z');
    expect(xml).toContain('<title>Reviewed: Parking &amp; &quot;tickets&quot; in Alpha (Alpha)</title>');
    expect(xml).toContain('<summary>Parking &lt;rules&gt; in Alpha.</summary>');
    expect(xml.match(/<entry>/g)).toHaveLength(3);
    expect(atomFeed(graphOf([...fixtureFiles()].reverse()), everyPage)).toBe(xml);
  });

  test('an empty feed is still valid Atom with a fixed <updated>', () => {
    const xml = atomFeed(kb, { ...everyPage, pageExists: () => false });
    expect(xml).not.toContain('<entry>');
    expect(xml).toContain(`<updated>${atomTimestamp('1970-01-01')}</updated>`);
  });
});

describe('DCAT-US catalog (data.json)', () => {
  const downloads = ['faqs.json', 'matrix.json', 'policies.json', 'unknown-thing.csv'];

  test('one public dataset per download, dated by the newest content, with absolute download URLs', () => {
    const catalog = dataCatalog(kb, { downloads, absoluteUrl: url, publisher: 'Test KB' });
    expect(catalog).toMatchObject({ conformsTo: DCAT_US_SCHEMA, '@type': 'dcat:Catalog', '@id': 'https://kb.example.org/kb/data.json' });
    const datasets = catalog['dataset'] as Record<string, unknown>[];
    expect(datasets).toHaveLength(4);
    expect(newestContentDate(kb)).toBe('2026-04-10');
    for (const dataset of datasets) {
      expect(dataset).toMatchObject({ accessLevel: 'public', modified: '2026-04-10', publisher: { name: 'Test KB' } });
      expect(dataset).not.toHaveProperty('license');
      expect(String(dataset['title']).length).toBeGreaterThan(0);
    }
    expect(datasets.map((d) => (d['distribution'] as Record<string, string>[])[0])).toEqual([
      expect.objectContaining({ downloadURL: 'https://kb.example.org/kb/api/faqs.json', mediaType: 'application/json' }),
      expect.objectContaining({ downloadURL: 'https://kb.example.org/kb/api/matrix.json', mediaType: 'application/json' }),
      expect.objectContaining({ downloadURL: 'https://kb.example.org/kb/api/policies.json', mediaType: 'application/json' }),
      expect.objectContaining({ downloadURL: 'https://kb.example.org/kb/api/unknown-thing.csv', mediaType: 'text/csv' }),
    ]);
  });

  test('states a license only when one is given', () => {
    const catalog = dataCatalog(kb, { downloads: ['faqs.json'], absoluteUrl: url, publisher: 'Test KB', license: 'https://example.org/license' });
    expect((catalog['dataset'] as Record<string, unknown>[])[0]!['license']).toBe('https://example.org/license');
  });
});
