/**
 * How the search index is split into bundles (src/core/publish/search-bundles.ts):
 * one bundle for a small site; past the limit, the site bundle plus a bundle per
 * state, with place and state pages in both.
 */
import { describe, expect, test } from 'vitest';
import { planSearchBundles, readIndexedPage, type IndexedPage } from '../../src/core/publish/search-bundles.ts';

const page = (file: string, type?: string, state?: string): IndexedPage => ({ file, type, state });

const pages: IndexedPage[] = [
  page('policies/kc-2019/index.html', 'policy', 'MO'),
  page('faqs/kansas-city-mo/trash/index.html', 'faq', 'MO'),
  page('contacts/kansas-city-mo/clerk/index.html', 'contact', 'MO'),
  page('places/kansas-city-mo/index.html', 'place', 'MO'),
  page('states/mo/index.html', 'state', 'MO'),
  page('policies/austin-2020/index.html', 'policy', 'TX'),
  page('places/austin-tx/index.html', 'place', 'TX'),
  page('guidelines/open-formats/index.html', 'guideline'),
  page('index.html', 'page'),
  page('places/index.html', 'page'),
];

describe('planSearchBundles', () => {
  test('a site within the limit keeps one bundle at pagefind/ with every page', () => {
    const plan = planSearchBundles(pages, pages.length);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.folder).toBe('pagefind/');
    expect(plan[0]!.files).toEqual(pages.map((p) => p.file).sort());
  });

  test('past the limit: the site bundle, then a bundle per state in code order', () => {
    const plan = planSearchBundles(pages, 3);
    expect(plan.map((b) => [b.key, b.folder])).toEqual([
      ['site', 'pagefind/'],
      ['mo', 'pagefind/state/mo/'],
      ['tx', 'pagefind/state/tx/'],
    ]);
    const [site, mo, tx] = plan;
    // A state's documents only in its bundle; places and states in both; the rest in the site bundle.
    expect(mo!.files).toEqual([
      'contacts/kansas-city-mo/clerk/index.html',
      'faqs/kansas-city-mo/trash/index.html',
      'places/kansas-city-mo/index.html',
      'policies/kc-2019/index.html',
      'states/mo/index.html',
    ]);
    expect(tx!.files).toEqual(['places/austin-tx/index.html', 'policies/austin-2020/index.html']);
    expect(site!.files).toEqual([
      'guidelines/open-formats/index.html',
      'index.html',
      'places/austin-tx/index.html',
      'places/index.html',
      'places/kansas-city-mo/index.html',
      'states/mo/index.html',
    ]);
    // Every page is in some bundle.
    const all = new Set(plan.flatMap((b) => b.files));
    expect(pages.filter((p) => !all.has(p.file))).toEqual([]);
  });

  test('a policy without a state filter stays in the site bundle rather than being lost', () => {
    const plan = planSearchBundles([page('policies/x/index.html', 'policy'), ...pages], 3);
    expect(plan[0]!.files).toContain('policies/x/index.html');
  });
});

describe('readIndexedPage', () => {
  const html = (main: string) => `<html><head><title>t</title></head><body><header>data-pagefind-filter="type">x<</header>${main}</body></html>`;

  test('reads the type and state SearchMeta writes in an indexed <main>', () => {
    const found = readIndexedPage(
      'a/index.html',
      html('<main id="main" tabindex="-1" data-pagefind-body=""><div hidden><span data-pagefind-filter="type">faq</span><span data-pagefind-filter="state">MO</span></div></main>'),
    );
    expect(found).toEqual({ file: 'a/index.html', type: 'faq', state: 'MO' });
  });

  test('a page whose <main> is not marked is not indexed', () => {
    expect(readIndexedPage('b/index.html', html('<main id="main" tabindex="-1"><p>data-pagefind-body</p></main>'))).toBeUndefined();
  });
});
