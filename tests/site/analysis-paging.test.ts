/**
 * The pages that listed everything, bounded (issue 4: ≤ 40 KB of HTML plus
 * linked CSS), on a built site big enough to need it: 160 places (150 in one
 * state, most with coordinates), a policy each tagging "metadata", one place
 * with three long versions of its policy, and 80 resident guides. The home
 * page must fall back to the states, the enforcement report to a page per
 * state, the versions page, the picker and the map to pages — and nothing may
 * be lost: following the pages, every guide, diff paragraph, column and place
 * shows up exactly once. Expected values come from the files this test writes
 * (and, for the diff, from the core's own one-page diff). Every new page has
 * one h1, its own canonical address, breadcrumbs, a pager marking the current
 * page, and is in the sitemap.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeVersions } from '../../src/core/analysis/versions.ts';
import { loadKnowledgeBase } from '../../src/core/index.ts';
import { FACET_KEYS } from '../../src/core/schema/index.ts';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { attr, elements, hasClass, links, main } from '../support/html-tree.ts';
import { repoRoot } from '../support/repo-root.ts';

const LIMIT = 40 * 1024;

// ---- The fixture ----

const pad = (n: number) => String(n).padStart(3, '0');
interface Place { id: string; name: string; state: string; coordinates?: { lat: number; lon: number } }
/** 150 in Missouri and 10 in Kansas, on a grid inside each state; every 25th has no coordinates. */
const PLACES: Place[] = [
  // Long names, so that the home page's list of every place passes its budget.
  ...Array.from({ length: 150 }, (_, i) => ({ id: `north-fork-meadows-${pad(i)}-mo`, name: `Township of North Fork Meadows Junction ${pad(i)}`, state: 'MO', coordinates: { lat: 37 + (i % 10) * 0.3, lon: -94.5 + Math.floor(i / 10) * 0.25 } })),
  ...Array.from({ length: 10 }, (_, i) => ({ id: `prairie-${pad(i)}-ks`, name: `Prairie ${pad(i)}`, state: 'KS', coordinates: { lat: 38 + (i % 5) * 0.3, lon: -99 + i * 0.3 } })),
].map((p, i) => (i % 25 === 7 ? { id: p.id, name: p.name, state: p.state } : p));
const LONG_PLACE = 'north-fork-meadows-000-mo';
/** The first place of the picker's first state, with a metadata column too big to share page 1 with the list of states. */
const BIG_COLUMN_PLACE = 'prairie-000-ks';
const BIG_COLUMN_PASSAGES = 24;
const FAQ_PLACES = PLACES.filter((_, i) => i % 2 === 0);
const STATUSES = ['stated', 'not-specified', 'absent'] as const;
const statusOf = (i: number, j: number) => STATUSES[(i + j) % 3]!;

const WORDS = ['council', 'dataset', 'portal', 'record', 'office', 'notice', 'budget', 'review', 'request', 'format', 'license', 'archive', 'resident', 'schedule'];
/** A paragraph of about 300 characters, its words picked by a fixed rule from its seed. */
function paragraph(seed: number): string {
  const words = Array.from({ length: 40 }, (_, k) => WORDS[(seed * 7 + k * (seed % 5 + 3)) % WORDS.length]!);
  return `Section ${seed}. The ${words.join(' ')}.`;
}
const SAME_IN_EVERY_VERSION = 'Longtown shall keep a public inventory of its data sets and review it every year.';
/** A version of the long policy: 14 paragraphs all versions share (an unchanged run), then 30 of its own. */
const longBody = (version: number) =>
  [
    `<span class="g-metadata">Longtown shall publish metadata with every data set, version ${version}.</span>`,
    // Kept word for word by every version: the picker quotes it once.
    `<span class="g-metadata">${SAME_IN_EVERY_VERSION}</span>`,
    ...Array.from({ length: 14 }, (_, i) => paragraph(1000 + i)),
    ...Array.from({ length: 30 }, (_, i) => paragraph(version * 100 + i)),
  ].join('\n\n');

function passage(code: string, place: Place, what: string): string {
  return `<span class="g-${code}">${place.name} shall ${what} for ${code.replaceAll('-', ' ')}, and say so in its yearly report on open data.</span>`;
}

async function writeFixture(dir: string): Promise<void> {
  await cp(path.join(repoRoot, 'content/guidelines'), path.join(dir, 'guidelines'), { recursive: true });
  for (const sub of ['places', 'policies']) await mkdir(path.join(dir, sub));
  for (const place of PLACES) {
    await writeFile(path.join(dir, 'places', `${place.id}.md`), toContentFile({ name: place.name, kind: 'city', state: place.state, coordinates: place.coordinates }));
    await mkdir(path.join(dir, 'contacts', place.id), { recursive: true });
    await writeFile(path.join(dir, 'contacts', place.id, 'city-clerk.md'), toContentFile({ name: 'City Clerk', role: 'clerk', place: place.id, handles: ['Public records requests'] }));
    const data = { title: `Open Data Policy of ${place.name}`, place: place.id, year: 2016, legal_custom: 'Ordinance', sunlight: false, policy_url: 'https://example.org/policy' };
    if (place.id !== LONG_PLACE) {
      const more = place.id === BIG_COLUMN_PLACE ? Array.from({ length: BIG_COLUMN_PASSAGES }, (_, i) => `<span class="g-metadata">${paragraph(500 + i)}</span>\n\n`).join('') : '';
      await writeFile(path.join(dir, 'policies', `${place.id}-2016.md`), toContentFile(data, `${passage('metadata', place, 'publish metadata with every data set')}\n\n${more}${passage('open-formats', place, 'use open formats')}\n`));
    }
  }
  for (const [v, year] of [2014, 2017, 2021].entries()) {
    await writeFile(
      path.join(dir, 'policies', `${LONG_PLACE}-${year}.md`),
      toContentFile({ title: `Longtown Open Data Order ${year}`, place: LONG_PLACE, year, legal_custom: 'Executive Order', sunlight: false, policy_url: 'https://example.org/order' }, longBody(v + 1)),
    );
  }
  for (const [i, place] of FAQ_PLACES.entries()) {
    const enforcement: Record<string, unknown> = { enforcers_text: 'The city clerk enforces this [1].', enforcers_sources: [1] };
    FACET_KEYS.forEach((key, j) => {
      const status = statusOf(i, j);
      if (status !== 'absent') enforcement[key] = { status, text: status === 'stated' ? `The guide states the ${key} [1].` : 'Not specified on the cited page.', sources: [1] };
    });
    await mkdir(path.join(dir, 'faqs', place.id), { recursive: true });
    await writeFile(
      path.join(dir, 'faqs', place.id, 'records.md'),
      toContentFile(
        {
          title: `Public records in ${place.name}`, place: place.id, topic: 'records', last_reviewed: '2025-12-01',
          summary: `How to ask ${place.name} for a public record [1].`, enforcement,
          sources: [{ n: 1, title: 'Municipal Code', kind: 'municipal-code', url: `https://code.example.org/${place.id}` }],
        },
        'Read the code [1].',
      ),
    );
  }
}

// ---- Reading the built site ----

let contentDir: string;
let site: SiteBuild;

const text = (el: Root | Element) => toString(el).replace(/\s+/g, ' ').trim();

const fileOf = (sitePath: string) => path.join(site.outDir, decodeURI(sitePath.split(/[#?]/)[0]!), 'index.html');
const read = async (sitePath: string) => fromHtml(await readFile(fileOf(sitePath), 'utf8'));

/**
 * A list's pages from its first, following rel="next"; each page checked as
 * a page of a list: one h1 (counting the pages past one), its own canonical
 * address, breadcrumbs ending in itself, and a pager marking it current.
 */
async function followPages(first: string): Promise<{ path: string; tree: Root }[]> {
  const pages: { path: string; tree: Root }[] = [];
  for (let next: string | undefined = first; next; ) {
    const tree = await read(next);
    pages.push({ path: next, tree });
    const rel = (value: string) => [...new Set(elements(tree, (el) => el.tagName === 'a' && (attr(el, 'rel') ?? '').split(' ').includes(value)).map((a) => attr(a, 'href')!))];
    expect(rel('prev'), `${next}: rel=prev`).toEqual(pages.length > 1 ? [pages.at(-2)!.path] : []);
    const after = rel('next');
    expect(after.length, `${next}: one rel=next at most`).toBeLessThanOrEqual(1);
    next = after[0];
    expect(pages.length, 'no loop').toBeLessThan(200);
  }
  for (const [i, { path: sitePath, tree }] of pages.entries()) {
    const h1 = elements(tree, (el) => el.tagName === 'h1');
    expect(h1, sitePath).toHaveLength(1);
    if (pages.length > 1) expect(text(h1[0]!), sitePath).toContain(`page ${i + 1} of ${pages.length}`);
    const canonical = elements(tree, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical')[0]!;
    expect(new URL(attr(canonical, 'href')!).pathname, sitePath).toBe(sitePath);
    const crumbs = elements(tree, (el) => el.tagName === 'nav' && attr(el, 'ariaLabel') === 'Breadcrumb')[0]!;
    expect(links(crumbs, /./).at(-1), `${sitePath}: breadcrumbs end in the page`).toBe(sitePath);
    if (pages.length > 1) {
      const pagers = elements(tree, (el) => el.tagName === 'nav' && hasClass(el, 'pager'));
      expect(pagers.length, sitePath).toBeGreaterThan(0);
      for (const pager of pagers) {
        const current = elements(pager, (el) => el.tagName === 'a' && attr(el, 'ariaCurrent') === 'page');
        expect(current.map((a) => [attr(a, 'href'), text(a)]), sitePath).toEqual([[sitePath, `Page ${i + 1}`]]);
      }
    }
  }
  return pages;
}

let sitemap: Set<string>;

beforeAll(async () => {
  await mkdir(path.join(repoRoot, '.build-tmp'), { recursive: true });
  contentDir = await mkdtemp(path.join(repoRoot, '.build-tmp', 'analysis-paging-content-'));
  await writeFixture(contentDir);
  site = await buildSite(contentDir, { env: { KB_TODAY: '2026-01-15' } });
  if (!site.ok) throw new Error(`build failed:\n${site.output}`);
  const xml = await readFile(path.join(site.outDir, 'sitemap.xml'), 'utf8');
  sitemap = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
}, 900_000);

afterAll(async () => {
  await site?.cleanup();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

test('every page of the home page, the report, the versions, the picker and the map weighs at most 40 KB with its stylesheets', async () => {
  const files = (await readdir(site.outDir, { recursive: true }))
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f === 'index.html' || /^(map|compare\/pick|compare\/enforcement|places\/[^/]+\/versions)\/(.*\/)?index\.html$/.test(f));
  expect(files.length).toBeGreaterThan(40);
  const css = new Map<string, number>();
  const over: string[] = [];
  for (const file of files) {
    const html = await readFile(path.join(site.outDir, file), 'utf8');
    let total = Buffer.byteLength(html);
    for (const [tag] of html.matchAll(/<link\b[^>]*rel="?stylesheet"?[^>]*>/g)) {
      const href = /href="?([^" >]+)/.exec(tag)![1]!;
      if (!css.has(href)) css.set(href, (await stat(path.join(site.outDir, href))).size);
      total += css.get(href)!;
    }
    if (total > LIMIT) over.push(`${file}: ${(total / 1024).toFixed(1)} KB`);
    // Every page of these lists is in the sitemap.
    expect(sitemap.has(`/${file.replace(/index\.html$/, '')}`), file).toBe(true);
  }
  expect(over).toEqual([]);
});

test('the home page lists the states with their counts, each linking to its state page', async () => {
  const tree = await read('/');
  const section = elements(main(tree), (el) => el.tagName === 'section' && attr(el, 'ariaLabelledBy') === 'home-places')[0]!;
  expect(links(section, /^\/places\/[a-z0-9-]+\/$/), 'no place named').toEqual([]);
  expect(links(section, /^\/states\//)).toEqual(['/states/ks/', '/states/mo/']);
  for (const state of ['ks', 'mo']) {
    const item = elements(section, (el) => el.tagName === 'li' && links(el, new RegExp(`^/states/${state}/$`)).length === 1)[0]!;
    expect(text(item)).toContain(`· ${PLACES.filter((p) => p.id.endsWith(`-${state}`)).length} places`);
  }
});

describe('the enforcement report', () => {
  test('keeps its summaries and links each state to its pages, which list each of its guides once with its statuses', async () => {
    const index = await read('/compare/enforcement/');
    expect(elements(main(index), (el) => hasClass(el, 'gap-table')), 'no guide rows on the report itself').toEqual([]);
    const byState = elements(main(index), (el) => hasClass(el, 'gap-by-state'))[0]!;
    expect(links(byState, /./)).toEqual(['/compare/enforcement/state/ks/', '/compare/enforcement/state/mo/']);
    for (const state of ['ks', 'mo']) {
      const pages = await followPages(`/compare/enforcement/state/${state}/`);
      if (state === 'mo') expect(pages.length).toBeGreaterThan(1);
      const rows = pages.flatMap(({ tree }) => elements(elements(main(tree), (el) => hasClass(el, 'gap-table'))[0]!, (el) => el.tagName === 'tr' && elements(el, (c) => c.tagName === 'td').length > 0));
      const expected = FAQ_PLACES.map((p, i) => ({ p, i })).filter(({ p }) => p.state === state.toUpperCase());
      expect(rows.map((tr) => links(tr, /^\/faqs\//)[0])).toEqual(expected.map(({ p }) => `/faqs/${p.id}/records/`));
      const words = { stated: 'Stated', 'not-specified': 'Not specified', absent: 'Not covered' };
      rows.forEach((tr, r) => {
        const cells = elements(tr, (el) => el.tagName === 'td').slice(1).map(text);
        expect(cells).toEqual(['Stated', ...FACET_KEYS.map((_, j) => words[statusOf(expected[r]!.i, j)])]);
      });
      // Page 1 sums the state by enforcement point.
      const facetTable = elements(main(pages[0]!.tree), (el) => hasClass(el, 'gap-by-facet'))[0]!;
      const stated = elements(elements(facetTable, (el) => el.tagName === 'tbody')[0]!, (el) => el.tagName === 'tr').map((tr) => Number(text(elements(tr, (el) => el.tagName === 'td')[0]!)));
      expect(stated).toEqual([expected.length, ...FACET_KEYS.map((_, j) => expected.filter(({ i }) => statusOf(i, j) === 'stated').length)]);
    }
  });
});

test("the versions page goes on over several pages, each comparison's summary and every diff paragraph once, in order", async () => {
  const pages = await followPages(`/places/${LONG_PLACE}/versions/`);
  expect(pages.length).toBeGreaterThan(2);
  const sections = pages.flatMap(({ tree }) => elements(main(tree), (el) => hasClass(el, 'version-step')));
  const summaries = sections.filter((s) => elements(s, (el) => attr(el, 'dataChange') === 'gained').length > 0).map((s) => attr(s, 'ariaLabelledBy'));
  expect(summaries).toEqual(['step-1', 'step-2']);
  // The diff's paragraphs, page after page, are the one-page diff's: none lost, none twice, none moved.
  const paragraphs = (html: string) => [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => text(fromHtml(m[1]!, { fragment: true })));
  const { kb } = await loadKnowledgeBase(contentDir);
  const expected = placeVersions(kb, LONG_PLACE).flatMap((step) => paragraphs(step.diff.html));
  const shown = sections.flatMap((s) => elements(s, (el) => hasClass(el, 'diff')).flatMap((diff) => elements(diff, (el) => el.tagName === 'p').map(text)));
  expect(shown).toEqual(expected);
  expect(expected.length).toBeGreaterThan(80);
});

test("the picker goes on over pages by state: every column once, and page 1 links each state to where it starts", async () => {
  const pages = await followPages('/compare/pick/metadata/');
  expect(pages.length).toBeGreaterThan(1);
  const columns = pages.flatMap(({ path: sitePath, tree }) =>
    elements(main(tree), (el) => el.tagName === 'input' && hasClass(el, 'pick-column__box')).map((box) => ({ sitePath, place: attr(box, 'value')! })),
  );
  // Every place has metadata passages: by state (Kansas, then Missouri), each state's places in the graph's order (by id).
  expect(columns.map((c) => c.place)).toEqual([...PLACES.filter((p) => p.state === 'KS'), ...PLACES.filter((p) => p.state === 'MO')].map((p) => p.id));
  const stateLinks = links(elements(main(pages[0]!.tree), (el) => el.tagName === 'ul' && hasClass(el, 'pick-states'))[0]!, /./);
  expect(stateLinks).toHaveLength(2);
  for (const href of stateLinks) {
    const first = columns.find((c) => c.place.endsWith(href.endsWith('-ks') ? '-ks' : '-mo'))!;
    expect(href).toBe(`${first.sitePath}#place-${first.place}`);
  }
  // The first state's first column is too big to sit beside the list of states: page 1 is the list, and says where the columns start.
  expect(columns[0]).toEqual({ sitePath: '/compare/pick/metadata/page/2/', place: BIG_COLUMN_PLACE });
  const firstMain = main(pages[0]!.tree);
  expect(elements(firstMain, (el) => hasClass(el, 'pick-columns'))).toEqual([]);
  expect(elements(firstMain, (el) => attr(el, 'dataPickStatus') !== undefined), 'no tick status without boxes').toEqual([]);
  expect(text(firstMain)).toContain("The places' columns start on page 2.");
  expect(links(firstMain, /^\/compare\/pick\/metadata\/page\/2\/$/).length).toBeGreaterThan(0);
  const bigColumn = elements(main(pages[1]!.tree), (el) => el.tagName === 'section' && attr(el, 'ariaLabelledBy') === `place-${BIG_COLUMN_PLACE}`)[0]!;
  expect(elements(bigColumn, (el) => el.tagName === 'blockquote')).toHaveLength(BIG_COLUMN_PASSAGES + 1);
  // The long place's three versions repeat one passage word for word: quoted once, named in the two later versions.
  const longColumn = pages.flatMap(({ tree }) => elements(main(tree), (el) => el.tagName === 'section' && attr(el, 'ariaLabelledBy') === `place-${LONG_PLACE}`))[0]!;
  const quotes = elements(longColumn, (el) => el.tagName === 'blockquote').map(text);
  expect(quotes.filter((q) => q === SAME_IN_EVERY_VERSION)).toHaveLength(1);
  expect(quotes).toHaveLength(4);
  const named = elements(longColumn, (el) => hasClass(el, 'passage-same')).map(text);
  expect(named).toHaveLength(2);
  for (const line of named) expect(line).toMatch(/^Same wording as in Longtown Open Data Order \d{4} \(.+\), quoted above\.$/);
  expect(links(longColumn, /^\/policies\/north-fork-meadows-000-mo-\d{4}\/#/)).toHaveLength(6);
  // The start page has too many places to tick: it lists the guidelines.
  const start = await read('/compare/pick/');
  expect(elements(main(start), (el) => el.tagName === 'input')).toEqual([]);
  expect(links(main(start), /^\/compare\/pick\/[a-z-]+\/$/)).toHaveLength(31);
});

test('the map draws a point per state; each state map draws and lists each of its places once, the rest named once', async () => {
  const index = await read('/map/');
  const marks = elements(elements(main(index), (el) => hasClass(el, 'us-map'))[0]!, (el) => el.tagName === 'a').map((a) => attr(a, 'href'));
  expect(marks.sort()).toEqual(['/map/state/ks/', '/map/state/mo/']);
  for (const state of ['KS', 'MO']) {
    const pages = await followPages(`/map/state/${state.toLowerCase()}/`);
    if (state === 'MO') expect(pages.length).toBeGreaterThan(1);
    const drawn: string[] = [];
    const listed: string[] = [];
    const omitted: string[] = [];
    for (const { tree } of pages) {
      const points = links(elements(main(tree), (el) => hasClass(el, 'us-map'))[0]!, /./);
      const table = elements(main(tree), (el) => el.tagName === 'tbody')[0];
      const rows = table ? links(table, /^\/places\//) : [];
      expect(rows, 'the table lists the points of its page').toEqual(points);
      drawn.push(...points);
      listed.push(...rows);
      const notOnMap = elements(main(tree), (el) => hasClass(el, 'not-on-map'))[0];
      if (notOnMap) omitted.push(...links(notOnMap, /^\/places\//));
    }
    const own = PLACES.filter((p) => p.state === state);
    expect(drawn.sort()).toEqual(own.filter((p) => p.coordinates).map((p) => `/places/${p.id}/`).sort());
    expect(omitted.sort()).toEqual(own.filter((p) => !p.coordinates).map((p) => `/places/${p.id}/`).sort());
  }
  expect((await stat(path.join(site.outDir, 'map/us-outline.svg'))).size).toBeGreaterThan(10_000);
});
