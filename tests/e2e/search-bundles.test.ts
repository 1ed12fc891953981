/**
 * Search on a site indexed in state bundles, as a large site is (past
 * SINGLE_BUNDLE_MAX_PAGES; forced here on content/ with KB_SEARCH_SINGLE_BUNDLE_MAX=1; each bundle's pages
 * are linked into a folder of their own for its indexer, gone once it is written):
 * the search page opens on the site bundle (places, states, guidelines) and
 * says how to reach documents; choosing a state in "Search in" and pressing
 * "Search there" reloads with ?state= and finds that state's resident guides;
 * "every state" finds them too; axe finds no WCAG 2.1 A/AA violation with the form shown. (On a site with one
 * bundle the form stays hidden: tests/e2e/search.test.ts.)
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, runAxe } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { repoRoot } from '../support/repo-root.ts';
import { RESULT_LINKS, SEARCH_INPUT, SEARCH_SUMMARY } from '../support/search-transfer.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const TERM = 'records request';

describe('search in state bundles', () => {
  let server: StaticServer;
  let browser: Browser;
  let outDir: string;
  let states: string[];
  let faqPaths: string[];

  beforeAll(async () => {
    outDir = path.join(repoRoot, '.build-tmp', 'e2e-search-bundles');
    const build = await buildSite(path.join(repoRoot, 'content'), { outDir, env: { KB_SEARCH_SINGLE_BUNDLE_MAX: '1' } });
    if (!build.ok) throw new Error(`build failed:\n${build.output}`);
    states = (JSON.parse(await readFile(path.join(outDir, 'pagefind', 'bundles.json'), 'utf8')) as { states: string[] }).states;
    const faqs = (JSON.parse(await readFile(path.join(outDir, 'api', 'faqs.json'), 'utf8')) as { faqs: { url: string }[] }).faqs;
    faqPaths = faqs.map((f) => new URL(f.url).pathname);
    server = await startStaticServer(outDir);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function search(query: string, term = TERM): Promise<{ page: Page; paths: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(new URL(`search/${query}`, server.url).href);
    await page.locator(SEARCH_INPUT).fill(term);
    await page.waitForFunction(({ s, t }) => document.querySelector(s)?.textContent?.includes(t) ?? false, { s: SEARCH_SUMMARY, t: term });
    // Every query here has results; the links come after the summary, once the fragments are in.
    await page.locator(RESULT_LINKS).first().waitFor({ timeout: 15_000 });
    const hrefs = await page.locator(RESULT_LINKS).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return { page, paths: hrefs.map((h) => new URL(h, server.url).pathname), errors };
  }

  it('writes a bundle per state and names them in bundles.json, and leaves no folder of page links behind', async () => {
    expect(states).toEqual(['mo']);
    expect(faqPaths.length).toBeGreaterThan(0);
    expect((await readdir(outDir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('opens on places, states and guidelines, and says to choose a state for documents', async () => {
    const { page, paths, errors } = await search('', 'kansas city');
    await expect(page.locator('[data-search-scope]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-search-scope-hint]').isVisible()).resolves.toBe(true);
    await expect(page.locator('#search-scope').inputValue()).resolves.toBe('');
    expect(paths.some((p) => p.startsWith('/places/'))).toBe(true);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    // No resident guide, policy or office page: those are in the state's bundle (the /faqs/ index is a site page).
    expect(paths.filter((p) => faqPaths.includes(p) || /^\/(policies|contacts)\/[^/]+\/.+/.test(p))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('choosing a state and pressing “Search there” reloads with ?state= and ?q= and finds that state’s resident guides', async () => {
    const { page } = await search('');
    await page.locator('#search-scope').selectOption('mo');
    // Choosing does not leave the page (WCAG 3.2.2); the button does.
    await page.waitForTimeout(300);
    expect(new URL(page.url()).searchParams.get('state')).toBeNull();
    await Promise.all([page.waitForURL(/[?&]state=mo/), page.getByRole('button', { name: 'Search there' }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('state')).toBe('mo');
    expect(url.searchParams.get('q')).toBe(TERM);
    await page.context().close();
    const scoped = await search('?state=mo');
    await expect(scoped.page.locator('[data-search-scope-hint]').isHidden()).resolves.toBe(true);
    expect(scoped.paths.filter((p) => faqPaths.includes(p)).length).toBeGreaterThan(0);
    expect(scoped.errors).toEqual([]);
    await scoped.page.context().close();
  });

  it('every state finds them too', async () => {
    const { page, paths, errors } = await search('?state=all');
    await expect(page.locator('#search-scope').inputValue()).resolves.toBe('all');
    expect(paths.filter((p) => faqPaths.includes(p)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
