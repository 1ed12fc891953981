/**
 * Every page bounded (issue 4: ≤ 40 KB of HTML plus linked CSS) on a built
 * site big enough to need paging: 206 places, 226 policies, 103 guides and 206
 * offices, 200 of the places in one state. The indexes must fall back to a page
 * per state, the state pages, the filtered matrices, the side-by-side views and
 * the guideline pages must page, and nothing may be lost: following the pages,
 * every policy, guide, office, place, matrix row and passage shows up exactly
 * once. Expected counts come from the fixture's own source text.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { attr, elements, hasClass, links, main } from '../support/html-tree.ts';
import { repoRoot } from '../support/repo-root.ts';

const LIMIT = 40 * 1024;

// ---- The fixture ----

const pad = (n: number) => String(n).padStart(3, '0');
interface Place { id: string; name: string; state: string }
const PLACES: Place[] = [
  ...Array.from({ length: 200 }, (_, i) => ({ id: `town-${pad(i)}-mo`, name: `Town ${pad(i)}`, state: 'MO' })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: `prairie-${pad(i)}-ks`, name: `Prairie ${pad(i)}`, state: 'KS' })),
];

interface Doc { id: string; place: string; data: Record<string, unknown>; body: string }

let codes: string[] = [];

function passage(code: string, place: Place, what: string): string {
  return `<span class="g-${code}">${place.name} shall ${what} for ${code.replaceAll('-', ' ')}, and say so in its yearly report on open data.</span>`;
}

function policies(): Doc[] {
  const out: Doc[] = [];
  PLACES.forEach((place, i) => {
    const a = codes[i % codes.length]!;
    const b = codes[(i * 7 + 3) % codes.length]!;
    out.push({
      id: `${place.id}-2015`,
      place: place.id,
      data: { title: `Open Data Policy of ${place.name}`, place: place.id, year: 2015, legal_custom: i % 2 ? 'Ordinance' : 'Executive Order', sunlight: false, policy_url: 'https://example.org/policy' },
      body: `## Purpose\n\n${passage('metadata', place, 'publish metadata with every data set')}\n\n${passage(a, place, 'keep a plan')} ${passage(b, place, 'name an office')}\n`,
    });
    if (i < 20) {
      out.push({
        id: `${place.id}-2019`,
        place: place.id,
        data: {
          title: `Open Data Ordinance of ${place.name}`, place: place.id, year: 2019, date: '2019-05-01', legal_custom: 'Ordinance', sunlight: true,
          policy_url: 'https://example.org/ordinance', replaces: `${place.id}-2015`,
        },
        body: `${passage('metadata', place, 'review its metadata every year')}\n\n${passage('open-formats', place, 'release data in open formats')}\n`,
      });
    }
  });
  return out;
}

const FAQ_PLACES = PLACES.filter((_, i) => i % 2 === 0);

function codesInSource(body: string): string[] {
  return [...body.matchAll(/class="g-([a-z0-9-]+)"/g)].map((m) => m[1]!);
}

// ---- Reading the built site ----

let contentDir: string;
let site: SiteBuild;
let POLICIES: Doc[];


const fileOf = (sitePath: string) => path.join(site.outDir, decodeURI(sitePath.split('#')[0]!), 'index.html');
const read = async (sitePath: string) => fromHtml(await readFile(fileOf(sitePath), 'utf8'));

/** A list's pages, following rel="next" from its first page; checks prev/next agree and later pages' titles count the pages. */
async function followPages(first: string): Promise<{ path: string; tree: Root }[]> {
  const pages: { path: string; tree: Root }[] = [];
  let next: string | undefined = first;
  while (next) {
    const tree = await read(next);
    pages.push({ path: next, tree });
    const rel = (value: string) => [
      ...new Set(elements(tree, (el) => el.tagName === 'a' && (attr(el, 'rel') ?? '').split(' ').includes(value)).map((a) => attr(a, 'href')!)),
    ];
    expect(rel('prev'), `${next}: rel=prev`).toEqual(pages.length > 1 ? [pages.at(-2)!.path] : []);
    const after = rel('next');
    expect(after.length, `${next}: one rel=next at most`).toBeLessThanOrEqual(1);
    next = after[0];
    expect(pages.length, 'no loop').toBeLessThan(500);
  }
  if (pages.length > 1) {
    for (const [i, page] of pages.entries()) {
      if (i > 0) expect(toString(elements(page.tree, (el) => el.tagName === 'h1')[0]!), page.path).toContain(`page ${i + 1} of ${pages.length}`);
    }
  }
  return pages;
}

/** Every entry link on the pages, in order: each must appear once. */
function entryLinks(pages: { tree: Root }[], pattern: RegExp): string[] {
  return pages.flatMap((p) => links(main(p.tree), pattern));
}

beforeAll(async () => {
  await mkdir(path.join(repoRoot, '.build-tmp'), { recursive: true });
  contentDir = await mkdtemp(path.join(repoRoot, '.build-tmp', 'paging-content-'));
  await cp(path.join(repoRoot, 'content/guidelines'), path.join(contentDir, 'guidelines'), { recursive: true });
  codes = (await readdir(path.join(contentDir, 'guidelines'))).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  POLICIES = policies();
  for (const dir of ['places', 'policies']) await mkdir(path.join(contentDir, dir));
  for (const place of PLACES) {
    await writeFile(path.join(contentDir, 'places', `${place.id}.md`), toContentFile({ name: place.name, kind: 'city', state: place.state }));
    await mkdir(path.join(contentDir, 'contacts', place.id), { recursive: true });
    await writeFile(path.join(contentDir, 'contacts', place.id, 'city-clerk.md'), toContentFile({ name: 'City Clerk', role: 'clerk', place: place.id }));
  }
  for (const p of POLICIES) await writeFile(path.join(contentDir, 'policies', `${p.id}.md`), toContentFile(p.data, p.body));
  for (const place of FAQ_PLACES) {
    await mkdir(path.join(contentDir, 'faqs', place.id), { recursive: true });
    await writeFile(
      path.join(contentDir, 'faqs', place.id, 'open-data.md'),
      toContentFile(
        {
          title: `Open data in ${place.name}`, place: place.id, topic: 'open-data', last_reviewed: '2025-12-01',
          summary: `What ${place.name} publishes, where to find it, and which office to ask when a data set is missing or out of date.`,
          policies: [`${place.id}-2015`],
        },
        'Answers for residents.',
      ),
    );
  }
  site = await buildSite(contentDir, { env: { KB_TODAY: '2026-01-15' } });
  if (!site.ok) throw new Error(`build failed:\n${site.output}`);
}, 900_000);

afterAll(async () => {
  await site?.cleanup();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

test('every page weighs at most 40 KB with the stylesheets it links', async () => {
  const files = (await readdir(site.outDir, { recursive: true }))
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
  expect(files.length).toBeGreaterThan(800);
  const css = new Map<string, number>();
  const over: string[] = [];
  // Every page: the analysis pages (map, picker, enforcement report, versions) are paged too (tests/site/analysis-paging.test.ts).
  for (const file of files) {
    const html = await readFile(path.join(site.outDir, file), 'utf8');
    let total = Buffer.byteLength(html);
    for (const [tag] of html.matchAll(/<link\b[^>]*rel="?stylesheet"?[^>]*>/g)) {
      const href = /href="?([^" >]+)/.exec(tag)![1]!;
      if (!css.has(href)) css.set(href, (await stat(path.join(site.outDir, href))).size);
      total += css.get(href)!;
    }
    if (total > LIMIT) over.push(`${file}: ${(total / 1024).toFixed(1)} KB`);
  }
  expect(over).toEqual([]);
});

describe.each([
  ['policies', 'policies', /^\/policies\/[a-z0-9-]+\/$/, (state: string) => POLICIES.filter((p) => p.place.endsWith(`-${state}`)).map((p) => `/policies/${p.id}/`)],
  ['guides', 'faqs', /^\/faqs\/(?!state\/)[a-z0-9-]+\/[a-z0-9-]+\/$/, (state: string) => FAQ_PLACES.filter((p) => p.id.endsWith(`-${state}`)).map((p) => `/faqs/${p.id}/open-data/`)],
  ['contacts', 'contacts', /^\/contacts\/(?!state\/)[a-z0-9-]+\/[a-z0-9-]+\/$/, (state: string) => PLACES.filter((p) => p.id.endsWith(`-${state}`)).map((p) => `/contacts/${p.id}/city-clerk/`)],
])('the %s index, too long for one page', (_name, section, entry, expected) => {
  test('lists the states with their counts, each linking to its own pages', async () => {
    const tree = await read(`/${section}/`);
    expect(links(main(tree), /./).filter((href) => entry.test(href)), 'no entries on the index itself').toEqual([]);
    expect(links(main(tree), new RegExp(`^/${section}/state/`))).toEqual([`/${section}/state/ks/`, `/${section}/state/mo/`]);
    for (const state of ['ks', 'mo']) {
      const item = elements(main(tree), (el) => el.tagName === 'li' && links(el, new RegExp(`/state/${state}/$`)).length === 1)[0]!;
      expect(toString(item)).toMatch(new RegExp(`· ${expected(state).length} `));
    }
  });

  test.each(['mo', 'ks'])('the pages of %s list each of its entries exactly once', async (state) => {
    const pages = await followPages(`/${section}/state/${state}/`);
    if (state === 'mo') expect(pages.length).toBeGreaterThan(1);
    const shown = entryLinks(pages, entry);
    expect(shown).toEqual(expected(state));
    // A place cut by a page break is headed again, "(continued)".
    for (let i = 1; i < pages.length; i++) {
      const lastBefore = links(main(pages[i - 1]!.tree), /^\/places\/[^/]+\/$/).at(-1);
      const heading = elements(main(pages[i]!.tree), (el) => /^h[23]$/.test(el.tagName) && links(el, /^\/places\//).length === 1)[0]!;
      const continued = links(heading, /./)[0] === lastBefore;
      expect(toString(heading).endsWith('(continued)'), `${pages[i]!.path}: ${toString(heading)}`).toBe(continued);
    }
  });
});

describe('places', () => {
  test('the index lists the states with their counts; each state page lists each of its places once', async () => {
    const tree = await read('/places/');
    expect(links(main(tree), /^\/places\/[a-z0-9-]+\/$/)).toEqual([]);
    expect(links(main(tree), /^\/states\//)).toEqual(['/states/ks/', '/states/mo/']);
    for (const state of ['ks', 'mo']) {
      const pages = await followPages(`/states/${state}/`);
      if (state === 'mo') expect(pages.length).toBeGreaterThan(1);
      const rows = pages.flatMap((p) => elements(main(p.tree), (el) => el.tagName === 'tr' && elements(el, (c) => c.tagName === 'td').length > 0));
      expect(rows.map((tr) => links(tr, /^\/places\//)[0])).toEqual(PLACES.filter((p) => p.id.endsWith(`-${state}`)).map((p) => `/places/${p.id}/`));
    }
  });
});

describe('compare', () => {
  const counts = (place: string) => {
    const out = new Map<string, number>();
    for (const p of POLICIES.filter((x) => x.place === place)) for (const code of codesInSource(p.body)) out.set(code, (out.get(code) ?? 0) + 1);
    return out;
  };

  test('/compare/ sums the places by state, each state linking to its matrix', async () => {
    const tree = await read('/compare/');
    const table = elements(main(tree), (el) => el.tagName === 'table')[0]!;
    const rows = elements(table, (el) => el.tagName === 'tr' && elements(el, (c) => c.tagName === 'td').length > 0);
    const read_ = rows.map((tr) => [links(tr, /./)[0], ...elements(tr, (c) => c.tagName === 'td').map((td) => Number(toString(td)))]);
    const expected = ['ks', 'mo'].map((state) => {
      const places = PLACES.filter((p) => p.id.endsWith(`-${state}`));
      const policies = POLICIES.filter((p) => p.place.endsWith(`-${state}`));
      const passages = policies.reduce((n, p) => n + codesInSource(p.body).length, 0);
      return [`/compare/state/${state}/`, places.length, policies.length, passages];
    });
    // Places, policies, then the categories, then all passages.
    expect(read_.map((r) => [r[0], r[1], r[2], r.at(-1)])).toEqual(expected);
    for (const row of read_) expect((row.slice(3, -1) as number[]).reduce((a, b) => a + b, 0)).toBe(row.at(-1));
  });

  test("Missouri's matrix pages hold each of its places once, with the counts of its policy files", async () => {
    const pages = await followPages('/compare/state/mo/');
    expect(pages.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const { tree } of pages) {
      const table = elements(main(tree), (el) => el.tagName === 'table')[0]!;
      const columns = elements(elements(table, (el) => el.tagName === 'thead')[0]!, (el) => el.tagName === 'a').map((a) => attr(a, 'href')!.split('/').at(-2)!);
      expect(columns.length).toBe(31);
      for (const tr of elements(elements(table, (el) => el.tagName === 'tbody')[0]!, (el) => el.tagName === 'tr')) {
        const place = links(tr, /^\/places\//)[0]!.split('/').at(-2)!;
        seen.push(place);
        const cells = elements(tr, (el) => el.tagName === 'td').slice(0, 31);
        const expected = counts(place);
        cells.forEach((td, i) => expect(hasClass(td, 'z') ? 0 : Number(toString(td)), `${place} × ${columns[i]}`).toBe(expected.get(columns[i]!) ?? 0));
      }
    }
    expect(seen).toEqual(PLACES.filter((p) => p.state === 'MO').map((p) => p.id));
  });

  test('a count links to the side-by-side page where that place starts, and the place is quoted as many times', async () => {
    const pages = await followPages('/compare/state/mo/');
    const cells = pages.flatMap(({ tree }) => links(main(tree), /^\/compare\/metadata\/(page\/\d+\/)?#place-/));
    expect(cells.length).toBe(200);
    expect(cells.some((href) => href.includes('/page/'))).toBe(true);
    const side = await followPages('/compare/metadata/');
    const sections = (tree: Root, place: string) =>
      elements(main(tree), (el) => el.tagName === 'section' && attr(el, 'ariaLabelledBy') === `place-${place}`);
    for (const href of cells) {
      const place = href.split('#place-')[1]!;
      const first = side.findIndex(({ tree }) => sections(tree, place).length > 0);
      expect(href.split('#')[0], href).toBe(side[first]!.path);
      expect(elements(await read(href), (el) => attr(el, 'id') === `place-${place}`).length, href).toBe(1);
      const quoted = side.reduce((n, { tree }) => n + sections(tree, place).reduce((m, s) => m + elements(s, (el) => el.tagName === 'blockquote').length, 0), 0);
      expect(quoted, href).toBe(counts(place).get('metadata'));
    }
  });

  test('the side-by-side view and the guideline page each quote every metadata passage once, over several pages', async () => {
    // The graph's order: by place id, then date.
    const ordered = [...POLICIES].sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : a.id < b.id ? -1 : 1));
    const expected = ordered.flatMap((p) => codesInSource(p.body).filter((c) => c === 'metadata').map(() => p.place));
    for (const first of ['/compare/metadata/', '/guidelines/metadata/']) {
      const pages = await followPages(first);
      expect(pages.length, first).toBeGreaterThan(1);
      const quotes = pages.flatMap(({ tree }) => elements(main(tree), (el) => el.tagName === 'blockquote').map((q) => toString(q)));
      expect(quotes.length, first).toBe(expected.length);
      expect(new Set(quotes).size, `${first}: no passage twice`).toBe(quotes.length);
      expect(quotes.map((q) => PLACES.find((p) => q.startsWith(`${p.name} `))!.id), first).toEqual(expected);
    }
  });
});

test('the search page links no Pagefind stylesheet; its script is told where to find it', async () => {
  const html = await readFile(fileOf('/search/'), 'utf8');
  expect(html).not.toMatch(/<link[^>]*pagefind-component-ui\.css/);
  const href = /data-search-css="([^"]+)"/.exec(html)?.[1];
  expect(href).toBe('/pagefind/pagefind-component-ui.css');
  expect((await stat(path.join(site.outDir, href!))).size).toBeGreaterThan(1000);
});
