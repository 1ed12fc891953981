/**
 * Hostile content in a real browser. The site is built from the hostile-but-
 * valid corpus (every inert vector, plus frontmatter payloads in every text
 * field), and EVERY built page is opened in Chromium, twice: served as a plain
 * static host would (the CSP only in the page's meta tag) and as Netlify or
 * Cloudflare Pages would (plus the headers of public/_headers). No dialog may
 * open, no request may leave the local server, `window.__pwned` (which every
 * payload tries to set) must stay unset, the console must show no CSP
 * violation, and the CSP meta tag must be on the page. Search must still work
 * under both policies.
 *
 * Control pages keep the test honest: the raw vectors on a page without CSP
 * must trip the detectors; the same page with the site's CSP must not run them
 * (the CSP as a wall on its own); and the sanitizer's output for EVERY vector —
 * including those the validator refuses — must stay inert without any CSP (the
 * sanitizer as a wall on its own).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBody } from '../../src/core/render/render-body.ts';
import { siteHeaders } from '../security/headers-file.ts';
import { writeHostileContent } from '../security/hostile-content.ts';
import { BODY_VECTORS } from '../security/hostile-vectors.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

interface Visit {
  dialogs: string[];
  /** Every request for another origin the page made, whether or not it got out. */
  foreignRequests: string[];
  /** Those of them the CSP stopped before they reached the network. */
  cspBlockedRequests: string[];
  cspViolations: string[];
  pageErrors: string[];
  pwned: unknown;
  cspMetaCount: number;
}

/** A tab with its listeners attached once (opening a tab costs about a second here); each visit gets a fresh record. */
interface Tab {
  page: Page;
  current: Visit;
}

type Serving = 'meta only' | 'meta + _headers';

const freshVisit = (): Visit => ({ dialogs: [], foreignRequests: [], cspBlockedRequests: [], cspViolations: [], pageErrors: [], pwned: undefined, cspMetaCount: 0 });

describe('hostile content never executes in the browser', () => {
  let contentRoot: string;
  let build: SiteBuild;
  let server: StaticServer;
  let browser: Browser;
  let contexts: Record<Serving, BrowserContext>;
  let pagePaths: string[];

  /** Writes a control page outside the site's own pages. */
  async function writeControl(name: string, html: string): Promise<void> {
    await mkdir(path.join(build.outDir, '__control', name), { recursive: true });
    await writeFile(path.join(build.outDir, '__control', name, 'index.html'), html);
  }

  async function newContext(serving: Serving): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const headers = serving === 'meta + _headers' ? Object.fromEntries(await siteHeaders()) : {};
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      // Nothing may leave this machine, whatever a page asks for.
      if (!url.startsWith(server.origin)) return route.abort('blockedbyclient');
      // The no-CSP controls stay without a policy in both servings.
      if (serving === 'meta only' || /\/__control\/(raw|sanitized)\//.test(url)) return route.continue();
      try {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
      } catch {
        // The page moved on (or the test ended) while this request was in flight.
        await route.abort().catch(() => undefined);
      }
    });
    return context;
  }

  beforeAll(async () => {
    const content = await writeHostileContent(
      BODY_VECTORS.filter((v) => v.expect === 'inert'),
      { forBuild: true },
    );
    contentRoot = content.root;
    build = await buildSite(contentRoot, { env: { KB_TODAY: '2026-11-23' } });
    if (!build.ok) throw new Error(`build of the hostile corpus failed:\n${build.output}`);
    pagePaths = (await readdir(build.outDir, { recursive: true }))
      .filter((file) => file.endsWith('.html'))
      .map((file) => file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1'))
      .sort();

    const raw = BODY_VECTORS.map((v) => `<section>${v.body}</section>`).join('\n');
    const sanitized = BODY_VECTORS.map((v) => `<section>${renderBody(v.body, new Set(['open-formats'])).html}</section>`).join('\n');
    const bare = (head: string, body: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>control</title></head><body>${body}</body></html>`;
    const cspMeta = /<meta http-equiv="content-security-policy"[^>]*>/.exec(await readFile(path.join(build.outDir, 'index.html'), 'utf8'))?.[0];
    if (!cspMeta) throw new Error('the built home page has no CSP meta tag');
    await writeControl('raw', bare('', raw));
    await writeControl('raw-csp', bare(cspMeta, raw));
    await writeControl('sanitized', bare('', sanitized));

    server = await startStaticServer(build.outDir);
    browser = await launchBrowser();
    contexts = { 'meta only': await newContext('meta only'), 'meta + _headers': await newContext('meta + _headers') };
  });

  afterAll(async () => {
    for (const context of Object.values(contexts ?? {})) await context.close();
    await browser?.close();
    await server?.close();
    await build?.cleanup();
    if (contentRoot) await rm(contentRoot, { recursive: true, force: true });
  });

  async function openTab(serving: Serving): Promise<Tab> {
    const page = await contexts[serving].newPage();
    const tab: Tab = { page, current: freshVisit() };
    page.on('dialog', (dialog) => {
      tab.current.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.origin) && !url.startsWith('data:') && url !== 'about:blank') tab.current.foreignRequests.push(url);
    });
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText === 'csp') tab.current.cspBlockedRequests.push(request.url());
    });
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) tab.current.cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => tab.current.pageErrors.push(error.message));
    return tab;
  }

  async function visit(tab: Tab, sitePath: string, act?: (page: Page) => Promise<void>): Promise<Visit> {
    const result = freshVisit();
    tab.current = result;
    await tab.page.goto(new URL(sitePath, server.url).href, { waitUntil: 'load' });
    if (act) await act(tab.page);
    // Let onerror/onload/autofocus handlers and timers fire, if any survived.
    await tab.page.waitForTimeout(50);
    result.pwned = await tab.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    result.cspMetaCount = await tab.page.locator('meta[http-equiv="content-security-policy"]').count();
    // Park the tab so late events are not counted against the next page.
    await tab.page.goto('about:blank');
    return result;
  }

  it('the detectors work: raw vectors on a page without CSP do run', async () => {
    const result = await visit(await openTab('meta only'), '__control/raw/');
    expect(result.dialogs.length).toBeGreaterThan(0);
    expect(result.pwned).toBe(1);
    expect(result.foreignRequests.length).toBeGreaterThan(0);
    expect(result.cspBlockedRequests).toEqual([]);
  });

  it('the sanitizer alone (no CSP) leaves every vector inert, refused ones included', async () => {
    const result = await visit(await openTab('meta only'), '__control/sanitized/');
    expect(result).toMatchObject({ dialogs: [], foreignRequests: [], pageErrors: [], pwned: undefined });
  });

  for (const serving of ['meta only', 'meta + _headers'] as const) {
    it(`the CSP alone (${serving}) stops the raw vectors: nothing runs, every foreign request is blocked`, async () => {
      const result = await visit(await openTab(serving), '__control/raw-csp/');
      expect(result.cspMetaCount).toBe(1);
      expect(result).toMatchObject({ dialogs: [], pwned: undefined });
      expect(result.cspViolations.length).toBeGreaterThan(0);
      expect(result.foreignRequests.length).toBeGreaterThan(0);
      expect([...result.foreignRequests].sort()).toEqual([...result.cspBlockedRequests].sort());
    });
  }

  for (const serving of ['meta only', 'meta + _headers'] as const) {
    it(`no built page opens a dialog, requests another origin, sets window.__pwned or lacks its CSP (${serving})`, async () => {
      const sitePages = pagePaths.filter((p) => !p.startsWith('__control'));
      expect(sitePages.length).toBeGreaterThan(40);
      const problems: string[] = [];
      const check = async (tab: Tab, sitePath: string) => {
        const result = await visit(tab, sitePath);
        const report = (what: string, items: unknown[]) => items.length && problems.push(`${sitePath || '/'}: ${what}: ${items.join(' | ')}`);
        report('dialog', result.dialogs);
        report('foreign request', result.foreignRequests);
        report('CSP violation', result.cspViolations);
        report('page error', result.pageErrors);
        if (result.pwned !== undefined) problems.push(`${sitePath}: window.__pwned = ${String(result.pwned)}`);
        if (result.cspMetaCount !== 1) problems.push(`${sitePath}: ${result.cspMetaCount} CSP meta tags`);
      };
      const startedAt = performance.now();
      // Four tabs at a time: every page, in a bounded time.
      const queue = [...sitePages];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const tab = await openTab(serving);
          for (let next = queue.shift(); next !== undefined; next = queue.shift()) await check(tab, next);
          await tab.page.close();
        }),
      );
      console.log(`[no-execution] ${serving}: visited ${sitePages.length} pages in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
      expect(problems).toEqual([]);
    }, 300_000);

    it(`search works under the CSP and shows hostile text as text (${serving})`, async () => {
      const html = await readFile(path.join(build.outDir, 'search', 'index.html'), 'utf8').catch(() => '');
      expect(html, 'no /search/ page was built').toContain('content-security-policy');
      const tab = await openTab(serving);
      for (const term of ['Springfield', 'constructor', 'onerror']) {
        let links: string[] = [];
        const result = await visit(tab, `search/?q=${encodeURIComponent(term)}`, async (page) => {
          const results = page.locator('pagefind-results a[href]');
          await results.first().waitFor({ state: 'attached', timeout: 10_000 });
          links = await results.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
        });
        expect(links.length, `no results for "${term}"`).toBeGreaterThan(0);
        expect(result).toMatchObject({ dialogs: [], foreignRequests: [], cspViolations: [], pageErrors: [], pwned: undefined });
      }
      await tab.page.close();
    });
  }
});
