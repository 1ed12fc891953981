/**
 * The content pages in a real browser, on the site built from content/ (the e2e
 * global setup): the policy page's no-JavaScript highlighter (by mouse, by
 * keyboard and by passage link), FAQ citation links landing on their sources,
 * axe (WCAG 2.1 A/AA) on every kind of page at desktop and phone width and in
 * dark mode (folded parts opened, every passage lit), no sideways scrolling at
 * 360 px, and screenshots under artifacts/screenshots/.
 * A second, tiny site built from the test content fixture supplies a passage
 * that crosses paragraphs (the seed policy has none), so its continuation part
 * is checked too.
 *
 * Which pages, guidelines and sources are checked is read from the build and
 * from content/, not written down here, so the test follows the content.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, runAxe } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { writeContentFixture } from '../support/content-fixture.ts';
import { repoRoot } from '../support/repo-root.ts';
import { saveScreenshots, SCREENSHOT_VIEWPORTS } from '../support/screenshots.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

/** The seed policy (content/policies/independence-mo-2016-03-15.md). */
const POLICY_ID = 'independence-mo-2016-03-15';
const POLICY_PATH = `policies/${POLICY_ID}/`;
/** A search that the seed FAQs answer, so the search page is checked with results on it. */
const SEARCH_TERM = 'records request';
const DESKTOP = SCREENSHOT_VIEWPORTS[1];
const PHONE = SCREENSHOT_VIEWPORTS[0];

interface ApiRow {
  id: string;
  url: string;
  place?: string;
}

/** How one passage part looks right now, read from its computed style. */
interface PartLook {
  code: string;
  passage: string;
  cont: boolean;
  /** Codes of the passages this part sits inside or around (nesting). */
  nestedWith: string[];
  background: string;
  outline: string;
  underline: string;
  /** The ::before label as shown: its content, or "none" when it is not displayed. */
  label: string;
  visible: boolean;
}

/** Computed look of every passage part in the policy body, in document order. */
function readParts(page: Page): Promise<PartLook[]> {
  return page.locator('.policy-body .g').evaluateAll((elements) =>
    elements.map((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const around = [...el.querySelectorAll('.g')];
      let outer = el.parentElement?.closest('.g');
      while (outer) {
        around.push(outer);
        outer = outer.parentElement?.closest('.g');
      }
      return {
        code: el.getAttribute('data-g') ?? '',
        passage: el.getAttribute('data-passage') ?? '',
        cont: el.hasAttribute('data-cont'),
        nestedWith: [...new Set(around.map((other) => other.getAttribute('data-g') ?? ''))],
        background: style.backgroundColor,
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        underline: style.textDecorationLine,
        label: (() => {
          const before = getComputedStyle(el, '::before');
          return before.display === 'none' ? 'none' : before.content;
        })(),
        visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
      };
    }),
  );
}

/**
 * Which parts look different from the unhighlighted `baseline` (same order):
 * a changed background or outline is what a reader sees.
 */
function litParts(now: PartLook[], baseline: PartLook[]): PartLook[] {
  expect(now.length).toBe(baseline.length);
  return now.filter((part, i) => part.background !== baseline[i]!.background || part.outline !== baseline[i]!.outline);
}

/** Asserts that exactly the parts of `code` are lit, each visibly and not by colour alone. */
function expectOnlyCodeLit(now: PartLook[], baseline: PartLook[], code: string): void {
  const expected = now.filter((part) => part.code === code);
  expect(expected.length, `no passage of ${code} on the page`).toBeGreaterThan(0);
  const lit = litParts(now, baseline);
  expect(lit.map((p) => `${p.passage}${p.cont ? ' (cont)' : ''}`)).toEqual(expected.map((p) => `${p.passage}${p.cont ? ' (cont)' : ''}`));
  for (const part of expected) {
    expect(part.visible, `${part.passage} is not visible`).toBe(true);
    expect(part.background, `${part.passage} has no highlight background`).not.toBe('rgba(0, 0, 0, 0)');
    expect(part.underline, `${part.passage} is marked by colour only`).toContain('underline');
    // The first part carries a "[code]" label, so the highlight is also said in text.
    if (!part.cont) expect(part.label, `${part.passage} has no [code] label`).toMatch(/\[/);
  }
  for (const part of now.filter((p) => p.code !== code)) {
    expect(part.label, `${part.passage} shows a label but is not lit`).toMatch(/^(none|normal)$/);
  }
}

/**
 * Waits until `selector` stops moving (the site scrolls smoothly to anchors unless
 * the reader asks for reduced motion) and returns its box and the viewport height.
 */
async function settledBox(page: Page, selector: string): Promise<{ top: number; bottom: number; viewport: number }> {
  const box = () =>
    page.locator(selector).evaluate((el) => {
      const rect = el.getBoundingClientRect();
      return { top: Math.round(rect.top), bottom: Math.round(rect.bottom), viewport: window.innerHeight };
    });
  let last = await box();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const now = await box();
    if (now.top === last.top) return now;
    last = now;
  }
  return last;
}

/**
 * The guidelines the toggle test uses, chosen from the page: `first` has two or
 * more passages, one nested with another guideline's passage; `second` is that
 * other guideline, so switching shows the outer and inner spans apart.
 */
function pickGuidelines(parts: PartLook[]): { first: string; second: string; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const part of parts) if (!part.cont) counts.set(part.code, (counts.get(part.code) ?? 0) + 1);
  const candidate = [...counts].find(([code, n]) => n >= 2 && parts.some((p) => p.code === code && p.nestedWith.length > 0));
  expect(candidate, 'the seed policy has no guideline with several passages, one of them nested').toBeDefined();
  const first = candidate![0];
  const second = parts.find((p) => p.code === first && p.nestedWith.length > 0)!.nestedWith[0]!;
  return { first, second, counts };
}

async function clickLabel(page: Page, inputId: string): Promise<void> {
  await page.locator(`label[for="${inputId}"]`).click();
  await expect(page.locator(`#${inputId}`).isChecked()).resolves.toBe(true);
}

describe('the site in a browser', () => {
  let distDir: string;
  let basePath: string;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let faqs: ApiRow[];
  let contacts: ApiRow[];
  let places: ApiRow[];

  /** A site path relative to the base, from an absolute URL in the API files. */
  const relative = (url: string) => new URL(url).pathname.slice(basePath.length);

  beforeAll(async () => {
    distDir = inject('distDir');
    basePath = inject('basePath');
    server = await startStaticServer(distDir, basePath);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    pageErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
    });
    const api = async <T>(name: string): Promise<T> => JSON.parse(await readFile(path.join(distDir, 'api', name), 'utf8'));
    faqs = (await api<{ faqs: ApiRow[] }>('faqs.json')).faqs;
    contacts = (await api<{ contacts: ApiRow[] }>('contacts.json')).contacts;
    places = (await api<{ places: ApiRow[] }>('places.json')).places;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Navigates the one shared page; viewport back to desktop, no errors carried over. */
  async function go(sitePath: string): Promise<Page> {
    await page.setViewportSize(DESKTOP);
    pageErrors = [];
    const response = await page.goto(new URL(sitePath, server.url).href, { waitUntil: 'load' });
    expect(response?.status(), `${sitePath} did not load`).toBe(200);
    return page;
  }

  describe('policy highlighting without JavaScript', () => {
    it('a toggle lights exactly its guideline, moves to another, and "No guideline" clears it', async () => {
      await go(POLICY_PATH);
      await expect(page.locator('#hl-none').isChecked()).resolves.toBe(true);
      const baseline = await readParts(page);
      expect(litParts(baseline, baseline)).toEqual([]);
      // Nothing lit on load: every part looks like plain text.
      expect(new Set(baseline.map((p) => p.background))).toEqual(new Set(['rgba(0, 0, 0, 0)']));

      const { first, second, counts } = pickGuidelines(baseline);
      console.log(`[site] highlighting ${first} (${counts.get(first)} passages), then ${second}, on ${baseline.length} passage parts`);

      await clickLabel(page, `hl-${first}`);
      expectOnlyCodeLit(await readParts(page), baseline, first);

      await clickLabel(page, `hl-${second}`);
      await expect(page.locator(`#hl-${first}`).isChecked()).resolves.toBe(false);
      expectOnlyCodeLit(await readParts(page), baseline, second);

      await clickLabel(page, 'hl-all');
      expect(litParts(await readParts(page), baseline)).toHaveLength(baseline.length);

      await clickLabel(page, 'hl-none');
      expect(litParts(await readParts(page), baseline)).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('a legend link to a passage lights that passage alone (:target) and scrolls to it', async () => {
      await go(POLICY_PATH);
      const baseline = await readParts(page);
      const { first } = pickGuidelines(baseline);
      const anchor = `g-${first}-2`;
      const link = page.locator(`.legend a.legend__passage[href="#${anchor}"]`);
      await expect(link.count()).resolves.toBe(1);
      await link.click();
      await expect.poll(() => new URL(page.url()).hash).toBe(`#${anchor}`);
      const lit = litParts(await readParts(page), baseline);
      expect(lit.map((p) => p.passage)).toEqual([anchor]);
      await expect(page.locator(`#${anchor}`).isVisible()).resolves.toBe(true);
      const box = await settledBox(page, `#${anchor}`);
      expect(box.top, `${anchor} is above the viewport`).toBeGreaterThanOrEqual(0);
      expect(box.bottom, `${anchor} is below the viewport`).toBeLessThanOrEqual(box.viewport);
    });

    it('the toggles are reached with Tab, change with the arrow keys and Space, and show focus', async () => {
      await go(POLICY_PATH);
      const baseline = await readParts(page);
      const { first } = pickGuidelines(baseline);
      let presses = 0;
      while (presses < 100) {
        await page.keyboard.press('Tab');
        presses++;
        if (await page.evaluate(() => document.activeElement?.getAttribute('name') === 'highlight')) break;
      }
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement;
          const style = getComputedStyle(el);
          return { id: el.id, checked: el.checked, focusVisible: el.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
      const start = await focused();
      console.log(`[site] the highlight toggles are Tab stop ${presses} on the policy page`);
      // A radio group is one Tab stop: its checked radio.
      expect(start.id).toBe('hl-none');
      expect(start.focusVisible).toBe(true);
      expect(start.outline).not.toBe('none');
      expect(start.width).toBeGreaterThanOrEqual(2);

      await page.keyboard.press('ArrowDown');
      const all = await focused();
      expect(all).toMatchObject({ id: 'hl-all', checked: true, focusVisible: true });
      expect(all.outline).not.toBe('none');
      expect(litParts(await readParts(page), baseline)).toHaveLength(baseline.length);

      await page.keyboard.press('ArrowDown');
      const firstGuideline = await focused();
      expect(firstGuideline.checked).toBe(true);
      const code = firstGuideline.id.replace(/^hl-/, '');
      expectOnlyCodeLit(await readParts(page), baseline, code);

      await page.keyboard.press('ArrowUp');
      await expect(focused()).resolves.toMatchObject({ id: 'hl-all', checked: true });

      // Space checks a focused radio that is not checked yet.
      await page.locator(`#hl-${first}`).focus();
      await page.keyboard.press('Space');
      await expect(page.locator(`#hl-${first}`).isChecked()).resolves.toBe(true);
      expectOnlyCodeLit(await readParts(page), baseline, first);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('FAQ citations', () => {
    it('has seed FAQs to check', () => {
      expect(faqs.length).toBeGreaterThan(0);
    });

    it('each FAQ: the first visible [n] link lands on source n, in view, titled as in the frontmatter', async () => {
      for (const faq of faqs) {
        const file = path.join(repoRoot, 'content', 'faqs', `${faq.id}.md`);
        const { data } = matter(await readFile(file, 'utf8'));
        const sources = data['sources'] as { n: number; title: string }[];
        await go(relative(faq.url));
        const cite = page.locator('main a.cite[href^="#source-"]').filter({ visible: true }).first();
        await expect(cite.count(), `${faq.id}: no visible citation link`).resolves.toBe(1);
        const href = (await cite.getAttribute('href'))!;
        const n = Number(href.replace('#source-', ''));
        const source = sources.find((s) => s.n === n);
        expect(source, `${faq.id}: [${n}] has no source in ${file}`).toBeDefined();

        await cite.click();
        await expect.poll(() => new URL(page.url()).hash).toBe(`#source-${n}`);
        const target = page.locator(`[id="source-${n}"]`);
        const landed = await settledBox(page, `[id="source-${n}"]`);
        expect(landed.top, `${faq.id}: #source-${n} above the viewport`).toBeGreaterThanOrEqual(0);
        expect(landed.bottom, `${faq.id}: #source-${n} below the viewport`).toBeLessThanOrEqual(landed.viewport);
        await expect(target.locator('.source-list__title').innerText()).resolves.toBe(source!.title);
        expect((await target.textContent())?.startsWith(source!.title)).toBe(true);
        expect(pageErrors).toEqual([]);
      }
    });
  });

  describe('accessibility and narrow screens', () => {
    /** [name, site path]; names double as screenshot names where they are in SCREENSHOTS. */
    const pages = (): [string, string][] => {
      const policy = POLICY_PATH;
      const place = places.find((p) => p.id === 'independence-mo') ?? places[0]!;
      return [
        ['home', ''],
        ['policy', policy],
        // Every guide: their layouts differ with what each holds (forms, how-to steps, Q&A).
        ...faqs.map((faq, i): [string, string] => [i === 0 ? 'faq' : `faq-${i + 1}`, relative(faq.url)]),
        ['guideline', 'guidelines/open-formats/'],
        ['place', relative(place.url)],
        ['contact', relative(contacts[0]!.url)],
        ['compare', 'compare/'],
        ['search', `search/?q=${encodeURIComponent(SEARCH_TERM)}`],
        ['state', 'states/mo/'],
        ['guidelines', 'guidelines/'],
        ['contacts', 'contacts/'],
        ['faqs', 'faqs/'],
        ['places', 'places/'],
      ];
    };
    const SCREENSHOTS = new Set(['home', 'policy', 'faq', 'guideline', 'place', 'contact', 'compare', 'search']);

    /**
     * The search page renders its results with JavaScript: wait for them. Then open every
     * folded part of main (Q&A, search filters) with a click, so axe checks what they hold.
     */
    async function ready(name: string): Promise<number> {
      if (name === 'search') {
        await page.locator('pagefind-results a').first().waitFor({ timeout: 15_000 });
        await page.waitForLoadState('networkidle');
      }
      // Every passage lit, so the highlight's contrast is checked too.
      if (name === 'policy') await clickLabel(page, 'hl-all');
      const closed = page.locator('main details:not([open]) > summary').filter({ visible: true });
      let opened = 0;
      while ((await closed.count()) > 0 && opened < 100) {
        await closed.first().click();
        opened++;
      }
      return opened;
    }

    it('axe finds no WCAG 2.1 A/AA violation on every kind of page, at 1280 and 360 px and in dark mode; none scrolls sideways at 360 px', async () => {
      const found: string[] = [];
      const checked: string[] = [];
      let opened = 0;
      for (const [name, sitePath] of pages()) {
        await go(sitePath);
        opened += await ready(name);
        for (const [viewport, colorScheme] of [[DESKTOP, 'light'], [PHONE, 'light'], [DESKTOP, 'dark']] as const) {
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme });
          const violations = await runAxe(page);
          if (violations.length) found.push(`${name} (/${sitePath}) at ${viewport.width}px, ${colorScheme}:\n${formatViolations(violations)}`);
          checked.push(`${name}@${viewport.width}${colorScheme === 'dark' ? '-dark' : ''}`);
        }
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize(PHONE);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (widths.scroll > PHONE.width) found.push(`${name} (/${sitePath}) scrolls sideways at 360px: scrollWidth ${widths.scroll}`);
        if (pageErrors.length) found.push(`${name} (/${sitePath}) errors: ${pageErrors.join('; ')}`);
      }
      console.log(`[site] axe and width checked on ${checked.length} page/width pairs (${opened} folded parts opened first): ${checked.join(', ')}`);
      expect(found, found.join('\n\n')).toEqual([]);
    });

    it('saves phone and desktop screenshots of 8 kinds of page, the policy with a guideline highlighted', async () => {
      const saved: string[] = [];
      for (const [name, sitePath] of pages().filter(([name]) => SCREENSHOTS.has(name))) {
        await go(sitePath);
        await ready(name);
        if (name === 'policy') await clickLabel(page, 'hl-open-formats');
        const files = await saveScreenshots(page, `site-${name}`);
        expect(files.map((f) => path.basename(f))).toEqual([`site-${name}-360.png`, `site-${name}-1280.png`]);
        saved.push(...files);
      }
      expect(saved).toHaveLength(16);
    });
  });

  describe('a passage that crosses paragraphs (fixture site)', () => {
    let contentDir = '';
    let site: SiteBuild;
    let fixtureServer: StaticServer;
    const fixturePolicy = 'policies/springfield-mo-2020-01-15/';

    beforeAll(async () => {
      contentDir = await writeContentFixture();
      site = await buildSite(contentDir);
      if (!site.ok) throw new Error(`fixture build failed (exit ${site.exitCode}):\n${site.output}`);
      fixtureServer = await startStaticServer(site.outDir, '/');
    }, 120_000);

    afterAll(async () => {
      await fixtureServer?.close();
      await site?.cleanup();
      if (contentDir) await rm(contentDir, { recursive: true, force: true });
    });

    it('the toggle and the passage link light every part, continuation included', async () => {
      await page.setViewportSize(DESKTOP);
      await page.goto(new URL(fixturePolicy, fixtureServer.url).href, { waitUntil: 'load' });
      const baseline = await readParts(page);
      const crossing = baseline.filter((p) => p.cont);
      expect(crossing.length, 'the fixture policy has no continuation part').toBeGreaterThan(0);
      const code = crossing[0]!.code;
      const anchor = crossing[0]!.passage;
      expect(baseline.filter((p) => p.passage === anchor).length).toBeGreaterThanOrEqual(2);

      await clickLabel(page, `hl-${code}`);
      expectOnlyCodeLit(await readParts(page), baseline, code);

      await clickLabel(page, 'hl-none');
      await page.locator(`.legend a.legend__passage[href="#${anchor}"]`).click();
      await expect.poll(() => new URL(page.url()).hash).toBe(`#${anchor}`);
      const lit = litParts(await readParts(page), baseline);
      expect(lit.map((p) => `${p.passage}${p.cont ? ' (cont)' : ''}`)).toEqual(
        baseline.filter((p) => p.passage === anchor).map((p) => `${p.passage}${p.cont ? ' (cont)' : ''}`),
      );
    });
  });
});
