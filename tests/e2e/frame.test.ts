/**
 * The site frame in a real browser: the home page and the 404 page, keyboard
 * access through the skip link, axe (WCAG 2.1 AA), narrow screens, the no-JS
 * search form, and screenshots for review.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, runAxe } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { saveScreenshots } from '../support/screenshots.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('site frame', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  /** Console errors, uncaught exceptions and failed subresources, e.g. CSS blocked by the CSP. */
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startStaticServer(inject('distDir'), inject('basePath'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(path: string, javaScriptEnabled = true): Promise<{ page: Page; status: number }> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
    const page = await context.newPage();
    pageErrors = [];
    page.on('console', (message) => {
      // Failed loads are reported with their URL by the response handler below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(message.text());
      }
    });
    page.on('response', (response) => {
      const isThePageItself = response.request().isNavigationRequest();
      if (response.status() >= 400 && !isThePageItself) pageErrors.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    return { page, status: response?.status() ?? 0 };
  }

  it('serves the home page with its title, heading, stylesheet and no console errors', async () => {
    const { page, status } = await openPage('./');
    expect(status).toBe(200);
    await expect(page.title()).resolves.toMatch(/ · Civic Policy Knowledge Base$/);
    expect(await page.locator('main#main h1').count()).toBe(1);
    // The stylesheet applied (CSP did not block it): the header gets its dark background.
    const headerBackground = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerBackground).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('makes the skip link the first focusable element and moves focus to <main>', async () => {
    const { page } = await openPage('./');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      const box = el?.getBoundingClientRect();
      return { text: el?.textContent?.trim(), href: el?.getAttribute('href'), top: box?.top, bottom: box?.bottom };
    });
    expect(first.text).toBe('Skip to main content');
    expect(first.href).toBe('#main');
    // Visible while focused: inside the viewport, not parked above it.
    expect(first.bottom).toBeGreaterThan(0);
    expect(first.top).toBeGreaterThanOrEqual(0);

    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });

  it('answers unknown paths with the 404 page, a search form and section links', async () => {
    const { page, status } = await openPage('./no-such-page/');
    expect(status).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    const searchInMain = page.locator('main form[role="search"]');
    expect(await searchInMain.getAttribute('method')).toBe('get');
    expect(await searchInMain.locator('input[name="q"]').count()).toBe(1);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const sections = ['guidelines/', 'places/', 'compare/', 'contacts/'].map((section) => new URL(section, server.url).pathname);
    expect(links).toEqual(expect.arrayContaining(sections));
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it.each([
    ['home page', './'],
    ['404 page', './no-such-page/'],
  ])('has no axe WCAG 2.1 A/AA violations on the %s', async (_name, path) => {
    const { page } = await openPage(path);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await context.close();
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const { page } = await openPage('./');
    await page.setViewportSize({ width: 360, height: 800 });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await context.close();
  });

  it('prints the content without the skip link, navigation or search form', async () => {
    const { page } = await openPage('./');
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
    await expect(display('.primary-nav')).resolves.toBe('none');
    await expect(display('header form[role="search"]')).resolves.toBe('none');
    await expect(display('.skip-link')).resolves.toBe('none');
    await expect(display('main')).resolves.not.toBe('none');
    await context.close();
  });

  it('submits the header search form to /search/?q= without JavaScript', async () => {
    const { page } = await openPage('./', false);
    await page.locator('#site-search').fill('parking permits');
    await Promise.all([page.waitForURL(/\/search\/\?/), page.locator('header form[role="search"] button').click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe(new URL('search/', server.url).pathname);
    expect(url.searchParams.get('q')).toBe('parking permits');
    await context.close();
  });

  it('saves phone and desktop screenshots of the home and 404 pages', async () => {
    for (const [name, path] of [
      ['frame-home', './'],
      ['frame-404', './no-such-page/'],
    ] as const) {
      const { page } = await openPage(path);
      const files = await saveScreenshots(page, name);
      expect(files.map((file) => file.split('/').pop())).toEqual([`${name}-360.png`, `${name}-1280.png`]);
      for (const file of files) {
        expect((await stat(file)).size).toBeGreaterThan(1000);
        expect((await readFile(file)).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      }
      await context.close();
    }
  });
});
