/**
 * The analysis pages in a real browser: map, coverage chart, version diff,
 * enforcement gap report, side-by-side picker and model language. axe (WCAG
 * 2.1 A/AA) at desktop and phone widths, no sideways scrolling at 360 px, no
 * console or CSP errors, the picker with and without JavaScript, and
 * screenshots under artifacts/screenshots/.
 *
 * content/ has no place with two policies yet, so this file builds its own
 * site: the analysis fixture (written by the tests) plus, when present, the
 * Sunlight Hub sample imported with the project's importer.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAnalysisFixture } from '../core/analysis/fixture.ts';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { formatViolations, runAxe } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { saveScreenshots, SCREENSHOT_VIEWPORTS, screenshotDir } from '../support/screenshots.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { importSunlightSample, SUNLIGHT_SAMPLE, sunlightSamplePresent } from '../support/sunlight-sample.ts';

const SAMPLE = SUNLIGHT_SAMPLE;
const samplePresent = sunlightSamplePresent;
if (!samplePresent) console.warn(`analyst e2e: the Sunlight Hub sample is not at ${SAMPLE}; using the written fixture alone`);

/**
 * A policy too long for one page (its text comes in parts), written here: twelve
 * sections of eight paragraphs, a metadata passage in each section and one
 * open-formats passage that crosses the paragraphs of section 11 (past the first part).
 */
const LONG = { place: 'longmont-ne', id: 'longmont-ne-2021-04-05' };
const longParagraph = (s: number, p: number) =>
  `Section ${s}, paragraph ${p}: each department shall keep an inventory of the records it holds and say, for each, who maintains it and when it was last updated.`;
const LONG_BODY = Array.from({ length: 12 }, (_, i) => {
  const s = i + 1;
  const paragraphs = Array.from({ length: 8 }, (_, p) => longParagraph(s, p + 1));
  paragraphs[0] = `<span class="g-metadata">${paragraphs[0]}</span>`;
  if (s === 11) paragraphs[2] = `<span class="g-open-formats">${paragraphs[2]}\n\n${paragraphs[3]}</span>`, paragraphs.splice(3, 1);
  return `## Section ${s}\n\n${paragraphs.join('\n\n')}`;
}).join('\n\n');

async function writeLongPolicy(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'places'), { recursive: true });
  await writeFile(path.join(dir, 'places', `${LONG.place}.md`), toContentFile({ name: 'Longmont', kind: 'city', state: 'NE' }));
  await writeFile(
    path.join(dir, 'policies', `${LONG.id}.md`),
    toContentFile({ title: 'Longmont Records Ordinance', place: LONG.place, year: 2021, date: '2021-04-05', legal_custom: 'Ordinance', sunlight: false, policy_url: 'https://records.example.org/longmont-ne/2021-04-05.pdf' }, LONG_BODY),
  );
}

/** The version page with a word diff: the fixture's amendments (the sample's two version pairs are rewrites). */
const VERSIONS = 'places/testville-mo/versions/';

const PAGES = [
  ['analyst-map', 'map/'],
  ['analyst-versions', VERSIONS],
  ['analyst-enforcement', 'compare/enforcement/'],
  ['analyst-pick', 'compare/pick/metadata/?places=testville-mo,lakeside-wa'],
  ['analyst-pick-start', 'compare/pick/'],
  ['analyst-model-language', 'model-language/open-formats/'],
  ['analyst-adoption', 'map/adoption/'],
  ['analyst-policy-part', `policies/${LONG.id}/part-2/`],
  // With the sample, the map and the metadata picker pass one page (40 KB) and go on by state or page; Tempe's
  // versions are a rewrite, shown as one page that says so.
  ...(samplePresent
    ? ([
        ['analyst-map-state', 'map/state/mo/'],
        ['analyst-pick-page-2', 'compare/pick/metadata/page/2/'],
        ['analyst-versions-rewrite', 'places/tempe-az/versions/'],
      ] as const)
    : []),
] as const;

describe('analysis pages in a browser', () => {
  let contentDir = '';
  let site: SiteBuild;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let pageErrors: string[];

  beforeAll(async () => {
    contentDir = await mkdtemp(path.join(os.tmpdir(), 'kb-analyst-e2e-'));
    if (samplePresent) {
      importSunlightSample(contentDir);
    }
    await writeAnalysisFixture({}, contentDir);
    await writeLongPolicy(contentDir);
    site = await buildSite(contentDir);
    if (!site.ok) throw new Error(`build failed (exit ${site.exitCode}):\n${site.output}`);
    server = await startStaticServer(site.outDir, '/');
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.cleanup();
    await rm(contentDir, { recursive: true, force: true });
  });

  async function openPage(urlPath: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
    context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    pageErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(new URL(urlPath, server.url).href, { waitUntil: 'load' });
    return page;
  }

  it.each(PAGES)('%s: no axe violations at 1280 and 360 px, fits 360 px, no errors', async (_name, urlPath) => {
    const page = await openPage(urlPath);
    for (const { width, height } of SCREENSHOT_VIEWPORTS) {
      await page.setViewportSize({ width, height });
      const violations = await runAxe(page);
      expect(violations, `${urlPath} at ${width}px:\n${formatViolations(violations)}`).toEqual([]);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `${urlPath} scrolls sideways at ${width}px`).toBeLessThanOrEqual(widths.client);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a long policy: the next-part link and the parts list lead through the text, without JavaScript', async () => {
    const page = await openPage(`policies/${LONG.id}/`, { javaScriptEnabled: false });
    const parts = await page.locator('.policy-parts li').count();
    expect(parts).toBeGreaterThan(1);
    expect(await page.locator('.policy-parts [aria-current="page"]').textContent()).toBe('Part 1');
    const sections: string[] = [];
    for (let n = 1; n <= parts; n++) {
      expect(await page.locator('#policy-text').textContent()).toBe(`Text of the policy, part ${n} of ${parts}`);
      sections.push(...(await page.locator('.policy-body h2').allTextContents()));
      if (n === parts) break;
      await Promise.all([page.waitForURL((u) => u.pathname === `/policies/${LONG.id}/part-${n + 1}/`), page.getByRole('link', { name: `Part ${n + 1} →` }).click()]);
    }
    expect(await page.getByRole('link', { name: /→$/ }).count()).toBe(0);
    // Every section once, in order, across the parts.
    expect(sections).toEqual(Array.from({ length: 12 }, (_, i) => `Section ${i + 1}`));
    // The parts list goes back to the first part.
    await Promise.all([page.waitForURL((u) => u.pathname === `/policies/${LONG.id}/`), page.locator('.policy-parts').getByRole('link', { name: 'Part 1' }).click()]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a long policy: "Read in context" on the guideline page opens the part that holds the passage, lit as the target', async () => {
    const page = await openPage('guidelines/open-formats/');
    const link = page.locator(`a[href^="/policies/${LONG.id}/"]`, { hasText: 'Read in context' });
    // Many places quote open-formats: follow the guideline's pages until Longmont's passage.
    for (let n = 2; (await link.count()) === 0; n++) await page.goto(new URL(`guidelines/open-formats/page/${n}/`, server.url).href);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/policies/${LONG.id}/part-\\d+/#g-open-formats-1$`));
    await Promise.all([page.waitForURL((u) => u.hash === '#g-open-formats-1'), link.click()]);
    const target = page.locator('#g-open-formats-1');
    await expect.poll(() => target.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    // The passage crosses two paragraphs: both are lit.
    const lit = await page.locator('[data-passage="g-open-formats-1"]').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(lit).toHaveLength(2);
    expect(new Set(lit).size).toBe(1);
    expect(lit[0]).not.toBe('rgba(0, 0, 0, 0)');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('map: every point is a named link to its place, reachable by keyboard', async () => {
    const page = await openPage('map/');
    const links = page.locator('.us-map a');
    const count = await links.count();
    expect(count).toBe(await page.locator('.map-table tbody tr').count());
    const first = links.first();
    await first.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/: \d+ polic(y|ies), \d+ guides?$/);
    const href = await first.getAttribute('href');
    await Promise.all([page.waitForURL((u) => u.pathname === href), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count()).toBe(1);
    await context.close();
  });

  /**
   * The metadata picker's page that holds Testville's column (a picker with
   * more columns than one page holds goes on at …/page/<n>/, by state), and
   * two other places on it.
   */
  async function pickerWithTestville(): Promise<{ urlPath: string; others: [string, string] }> {
    for (let n = 1; ; n++) {
      const urlPath = n === 1 ? 'compare/pick/metadata/' : `compare/pick/metadata/page/${n}/`;
      const html = await readFile(path.join(site.outDir, urlPath, 'index.html'), 'utf8');
      const boxes = [...html.matchAll(/class="pick-column__box" type="checkbox" name="places" value="([a-z0-9-]+)"/g)].map((m) => m[1]!);
      if (boxes.includes('testville-mo')) {
        const others = boxes.filter((id) => id !== 'testville-mo');
        // The fixture's own places first, when they share the page.
        others.sort((a, b) => Number(b === 'lakeside-wa' || b === 'otherton-ks') - Number(a === 'lakeside-wa' || a === 'otherton-ks'));
        return { urlPath, others: [others[0]!, others[1]!] };
      }
    }
  }

  it('picker with JavaScript: ?places= ticks those places, folds the rest, and ticking updates the address', async () => {
    const { urlPath, others } = await pickerWithTestville();
    const page = await openPage(`${urlPath}?places=testville-mo,${others[0]}`);
    const ticked = await page.locator('.pick-column__box:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(ticked.sort()).toEqual([others[0], 'testville-mo'].sort());
    const visibleBodies = await page.locator('.pick-column__body:visible').count();
    expect(visibleBodies).toBe(2);
    await page.locator(`.pick-column__box[value="${others[1]}"]`).check();
    const places = new URL(page.url()).searchParams.get('places')!.split(',').sort();
    expect(places).toEqual([...others, 'testville-mo'].sort());
    expect(await page.locator('.pick-column__body:visible').count()).toBe(3);
    // The share link carries the choice; so do the links to other guidelines (on a picker's page 1: later pages have none).
    const share = await page.locator('a[data-pick-share]').getAttribute('href');
    expect(new URL(share!, server.url).searchParams.get('places')!.split(',').sort()).toEqual(places);
    const keep = page.locator('a[data-pick-keep]');
    expect(await keep.count()).toBe(urlPath === 'compare/pick/metadata/' ? 31 : 0);
    if (urlPath === 'compare/pick/metadata/') {
      const other = await keep.first().getAttribute('href');
      expect(new URL(other!, server.url).searchParams.get('places')!.split(',').sort()).toEqual(places);
    }
    // Printing shows only the ticked columns.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pick-column:visible').count()).toBe(3);
    await context.close();
  });

  it('picker without JavaScript: every column shows, ticking folds the others (CSS only)', async () => {
    const { urlPath, others } = await pickerWithTestville();
    const page = await openPage(urlPath, { javaScriptEnabled: false });
    const total = await page.locator('.pick-column').count();
    expect(total).toBeGreaterThan(2);
    expect(await page.locator('.pick-column__body:visible').count()).toBe(total);
    await page.locator('.pick-column__box[value="testville-mo"]').check();
    expect(await page.locator('.pick-column__body:visible').count()).toBe(1);
    // The folded columns keep their tick box, so more places can be added.
    await page.locator(`.pick-column__box[value="${others[0]}"]`).check();
    expect(await page.locator('.pick-column__body:visible').count()).toBe(2);
    await context.close();
  });

  it('picker start page without JavaScript: a guideline button goes to its page with the places in the address', async () => {
    const page = await openPage('compare/pick/', { javaScriptEnabled: false });
    await page.locator('input[name="places"][value="testville-mo"]').check();
    await Promise.all([page.waitForURL(/\/compare\/pick\/metadata\//), page.locator('button[value="metadata"]').click()]);
    expect(new URL(page.url()).searchParams.getAll('places')).toEqual(['testville-mo']);
    await context.close();
  });

  it.runIf(samplePresent)('a rewrite (Tempe, 2017): no diff of everything against everything, but the measure and both texts one click away', async () => {
    const page = await openPage('places/tempe-az/versions/', { javaScriptEnabled: false });
    expect(await page.locator('.diff').count()).toBe(0);
    const note = page.locator('.rewrite-note');
    await expect.poll(() => note.textContent()).toMatch(/Rewritten rather than amended: (less than 1|only \d+)% of the wording/);
    const links = note.getByRole('link');
    expect(await links.count()).toBe(2);
    await Promise.all([page.waitForURL(/\/policies\/tempe-az-2017-07-24\/$/), links.nth(1).click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
    await context.close();
  });

  it('version diff: folded unchanged paragraphs open without JavaScript; changes are announced in words', async () => {
    const page = await openPage(VERSIONS, { javaScriptEnabled: false });
    const marks = page.locator('.diff ins, .diff del');
    expect(await marks.count()).toBeGreaterThan(0);
    const label = await marks.first().locator('.visually-hidden').textContent();
    expect(label).toMatch(/^(added|removed): $/);
    const folded = page.locator('.diff details');
    if (await folded.count()) {
      await folded.first().locator('summary').click();
      expect(await folded.first().getAttribute('open')).not.toBeNull();
    }
    await context.close();
  });

  it('saves phone and desktop screenshots of the map, a chart, the version diff and the enforcement report', async () => {
    for (const [name, urlPath] of PAGES) {
      const page = await openPage(urlPath);
      const files = await saveScreenshots(page, name);
      expect(files.map((f) => path.basename(f))).toEqual([`${name}-360.png`, `${name}-1280.png`]);
      await context.close();
    }
    // The chart on its own, at both widths.
    await mkdir(screenshotDir, { recursive: true });
    for (const { width, height } of SCREENSHOT_VIEWPORTS) {
      const page = await openPage('map/adoption/', { width });
      await page.setViewportSize({ width, height });
      await page.locator('.bar-chart').first().screenshot({ path: path.join(screenshotDir, `analyst-chart-${width}.png`) });
      await context.close();
    }
  });
});
