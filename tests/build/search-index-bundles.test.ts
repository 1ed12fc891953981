/**
 * The search index in state bundles (scripts/lib/search-index.ts), on a small
 * site written here: each bundle's pages are linked into a folder of their
 * own for its indexer, and Pagefind indexes exactly those pages — whatever
 * their file names — with the folders gone afterwards, including one left by
 * an indexing that was stopped. Pages without data-pagefind-body stay out.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indexSite, type SearchIndexResult } from '../../scripts/lib/search-index.ts';

let site: string;
let result: SearchIndexResult;

/** A page as the site writes one: a header, then <main> with SearchMeta's filters when it is indexed. */
function page(title: string, words: string, meta?: { type: string; state?: string }): string {
  const header = `<header><nav><a href="/">Home</a></nav><p>${'Header text. '.repeat(80)}</p></header>`;
  const filters = meta
    ? `<div hidden><span data-pagefind-filter="type">${meta.type}</span>${meta.state ? `<span data-pagefind-filter="state">${meta.state}</span>` : ''}</div>`
    : '';
  const main = meta ? '<main id="main" data-pagefind-body="">' : '<main id="main">';
  // Long enough that the scan's first read does not hold the whole page.
  const body = `<p>${words}</p>`.repeat(600);
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${header}${main}${filters}<h1>${title}</h1>${body}</main></body></html>`;
}

async function put(file: string, html: string): Promise<void> {
  await mkdir(path.dirname(path.join(site, file)), { recursive: true });
  await writeFile(path.join(site, file), html);
}

async function entry(folder: string): Promise<{ languages: { en: { page_count: number } } }> {
  return JSON.parse(await readFile(path.join(site, folder, 'pagefind-entry.json'), 'utf8'));
}

beforeAll(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'kb-search-bundles-'));
  await put('index.html', page('Home', 'Municipal policies and guides', { type: 'page' }));
  await put('places/springfield-mo/index.html', page('Springfield', 'Springfield Missouri place', { type: 'place', state: 'MO' }));
  await put('policies/springfield-open-data/index.html', page('Open data', 'Springfield open data policy records', { type: 'policy', state: 'MO' }));
  // A file name no glob could carry: a bundle's pages are linked, not matched.
  await put('faqs/springfield-mo/records {copy}, 2024/index.html', page('Records', 'How to request records in Springfield', { type: 'faq', state: 'MO' }));
  await put('policies/salem-privacy/index.html', page('Privacy', 'Salem privacy policy', { type: 'policy', state: 'OR' }));
  await put('compare/index.html', page('Compare', 'Not in any index'));
  // Left by an indexing that was stopped: not a page of the site.
  await put('.pagefind-pages-mo/policies/springfield-open-data/index.html', page('Stale', 'stale copy', { type: 'policy', state: 'MO' }));
  result = await indexSite(site, { singleBundleMaxPages: 1, threads: 2 });
}, 120_000);

afterAll(async () => {
  if (site) await rm(site, { recursive: true, force: true });
});

test('each bundle indexes exactly its pages, whatever their file names', async () => {
  expect(result.bundles).toEqual([
    { key: 'site', folder: 'pagefind/', pages: 2 },
    { key: 'mo', folder: 'pagefind/state/mo/', pages: 3 },
    { key: 'or', folder: 'pagefind/state/or/', pages: 1 },
  ]);
  expect((await entry('pagefind')).languages.en.page_count).toBe(2);
  expect((await entry('pagefind/state/mo')).languages.en.page_count).toBe(3);
  expect((await entry('pagefind/state/or')).languages.en.page_count).toBe(1);
  expect(JSON.parse(await readFile(path.join(site, 'pagefind', 'bundles.json'), 'utf8'))).toEqual({ states: ['mo', 'or'] });
});

test('no folder of page links is left in the site, the stopped one included', async () => {
  expect((await readdir(site)).filter((name) => name.startsWith('.'))).toEqual([]);
});
