/**
 * The analysis pages on a built site: the map (one point per drawable place,
 * every point inside the outline's bounds and where its coordinates project,
 * the table with the same places, the places left off with the reason), the
 * versions pages (gained/lost guidelines recounted here from the policy
 * files' class attributes), the enforcement gap report and its CSV/JSON
 * (recounted from the FAQ files), the side-by-side picker and the model
 * language pages. Built once from the analysis fixture plus, when present,
 * the Sunlight Hub sample imported with the project's importer.
 */
import { existsSync } from 'node:fs';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { geoAlbersUsa } from 'd3-geo';
import matter from 'gray-matter';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeAnalysisFixture } from '../core/analysis/fixture.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { importSunlightSample, SUNLIGHT_SAMPLE, sunlightSamplePresent } from '../support/sunlight-sample.ts';

const SAMPLE = SUNLIGHT_SAMPLE;
const samplePresent = sunlightSamplePresent;
if (!samplePresent) console.warn(`analysis site test: the Sunlight Hub sample is not at ${SAMPLE}; building the written fixture alone`);

const FACETS = ['enforcers', 'fines', 'escalation', 'sanctions', 'complaints', 'appeals', 'timelines'] as const;

// ---- small HTML helpers ----

function all(root: Root | Element, match: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(root, 'element', (el: Element) => {
    if (match(el)) out.push(el);
  });
  return out;
}
const classes = (el: Element) => (Array.isArray(el.properties['className']) ? (el.properties['className'] as string[]) : []);
const hasClass = (name: string) => (el: Element) => classes(el).includes(name);
const tag = (name: string) => (el: Element) => el.tagName === name;
const text = (el: Element | Root) => hastToString(el).replace(/\s+/g, ' ').trim();
const prop = (el: Element, name: string) => String(el.properties[name] ?? '');

// ---- the content, read straight from the files ----

interface FilePlace {
  id: string;
  state: string;
  coordinates?: { lat: number; lon: number };
}
interface FilePolicy {
  id: string;
  place: string;
  sortKey: string;
  codes: Map<string, number>;
}

async function readMarkdown(dir: string): Promise<{ name: string; data: Record<string, any>; content: string }[]> {
  const out = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()) {
    const file = matter(await readFile(path.join(dir, name), 'utf8'));
    out.push({ name: name.replace(/\.md$/, ''), data: file.data, content: file.content });
  }
  return out;
}

/** Guideline codes in a body, counted from class attributes. */
function countClasses(body: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of body.matchAll(/class\s*=\s*["']([^"']*)["']/g)) {
    for (const cls of m[1]!.split(/\s+/)) if (cls.startsWith('g-')) counts.set(cls.slice(2), (counts.get(cls.slice(2)) ?? 0) + 1);
  }
  return counts;
}

describe('analysis pages', () => {
  let contentDir = '';
  let site: SiteBuild;
  let places: FilePlace[];
  let policies: FilePolicy[];
  let guidelineNames: Map<string, string>;
  const page = async (p: string) => fromHtml(await readFile(path.join(site.outDir, p), 'utf8'));
  const raw = (p: string) => readFile(path.join(site.outDir, p), 'utf8');

  beforeAll(async () => {
    contentDir = await mkdtemp(path.join(os.tmpdir(), 'kb-analysis-site-'));
    if (samplePresent) {
      importSunlightSample(contentDir);
    }
    await writeAnalysisFixture({}, contentDir);
    places = (await readMarkdown(path.join(contentDir, 'places'))).map((f) => ({ id: f.name, state: f.data['state'], coordinates: f.data['coordinates'] }));
    policies = (await readMarkdown(path.join(contentDir, 'policies'))).map((f) => ({
      // gray-matter reads an unquoted date as a Date.
      id: f.name, place: f.data['place'], sortKey: f.data['date'] instanceof Date ? f.data['date'].toISOString().slice(0, 10) : String(f.data['date'] ?? f.data['year']),
      codes: countClasses(f.content),
    }));
    guidelineNames = new Map((await readMarkdown(path.join(contentDir, 'guidelines'))).map((g) => [g.data['code'], `${g.data['number']}. ${g.data['name']}`]));
    site = await buildSite(contentDir);
    if (!site.ok) throw new Error(`build failed (exit ${site.exitCode}):\n${site.output}`);
  }, 240_000);

  afterAll(async () => {
    await site?.cleanup();
    await rm(contentDir, { recursive: true, force: true });
  });

  /** A paged list's pages, page 1 first, following rel="next". */
  async function following(first: string): Promise<{ file: string; html: Root }[]> {
    const pages: { file: string; html: Root }[] = [];
    for (let file: string | undefined = first; file; ) {
      const html = await page(file);
      pages.push({ file, html });
      const next = all(html, (el) => el.tagName === 'a' && prop(el, 'rel') === 'next')[0];
      file = next ? `${prop(next, 'href').replace(/^\//, '')}index.html` : undefined;
    }
    return pages;
  }

  describe('map', () => {
    const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);
    const drawable = () => places.filter((p) => p.coordinates && projection([p.coordinates.lon, p.coordinates.lat]));

    /**
     * The pages that draw places: /map/ while it draws every place, else each
     * state's map (linked from /map/'s table of states), page by page.
     */
    async function placeMaps(): Promise<{ file: string; html: Root }[]> {
      const index = await page('map/index.html');
      const stateLinks = all(index, (el) => el.tagName === 'a' && /\/map\/state\/[a-z]+\/$/.test(prop(el, 'href'))).map((a) => prop(a, 'href'));
      if (stateLinks.length === 0) return [{ file: 'map/index.html', html: index }];
      const out = [];
      for (const href of [...new Set(stateLinks)]) out.push(...(await following(`${href.slice(1)}index.html`)));
      return out;
    }

    const pointsOf = (html: Root) =>
      all(all(html, hasClass('us-map'))[0]!, tag('a')).map((a) => {
        const circle = all(a, tag('circle'))[0]!;
        return { href: prop(a, 'href'), x: Number(prop(circle, 'cx')), y: Number(prop(circle, 'cy')), label: prop(a, 'ariaLabel') };
      });

    test('one point per place with coordinates, positioned by them and inside the outline', async () => {
      // The outline is one file every map page draws with <use>.
      const outline = await raw('map/us-outline.svg');
      const paths = [...outline.matchAll(/<path id="(land|borders)" d="([^"]+)"/g)].map((m) => m[2]!);
      expect(paths).toHaveLength(2);
      const numbers = paths.flatMap((d) => (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number));
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };

      const maps = await placeMaps();
      const points = maps.flatMap(({ html }) => {
        const figure = all(html, hasClass('us-map'))[0]!;
        expect(all(figure, tag('use')).map((u) => prop(u, 'href'))).toEqual(['/map/us-outline.svg#land', '/map/us-outline.svg#borders']);
        expect(all(figure, tag('circle'))).toHaveLength(all(figure, tag('a')).length);
        return pointsOf(html).map((p) => ({ ...p, id: p.href.match(/\/places\/([^/]+)\/$/)![1]! }));
      });
      expect(points.map((p) => p.id).sort()).toEqual(drawable().map((p) => p.id).sort());
      for (const p of points) {
        expect(p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1, `${p.id} at ${p.x},${p.y} outside ${JSON.stringify(box)}`).toBe(true);
        const place = places.find((x) => x.id === p.id)!;
        const [x, y] = projection([place.coordinates!.lon, place.coordinates!.lat])!;
        expect(Math.abs(p.x - x) <= 0.1 && Math.abs(p.y - y) <= 0.1, p.id).toBe(true);
        expect(p.label).toMatch(/: \d+ polic(y|ies), \d+ guides?$/);
      }
    });

    test('the SVG stays small: the outline is a file of its own, each page inlines only its points', async () => {
      const outline = await raw('map/us-outline.svg');
      expect(outline.length).toBeGreaterThan(10_000);
      expect(outline.length).toBeLessThan(60_000);
      for (const { file } of [{ file: 'map/index.html' }, ...(await placeMaps())]) {
        const html = await raw(file);
        const svg = html.slice(html.indexOf('<svg viewBox'), html.indexOf('</svg>') + 6);
        expect(svg.length, file).toBeLessThan(25_000);
      }
    });

    test('the table lists the same places as the map; the others are named with the reason', async () => {
      const items: string[] = [];
      for (const { file, html } of await placeMaps()) {
        const figureIds = pointsOf(html).map((p) => p.href);
        const table = all(html, hasClass('map-table'))[0];
        const rowIds = table ? all(all(table, tag('tbody'))[0]!, tag('tr')).map((tr) => prop(all(tr, tag('a'))[0]!, 'href')) : [];
        expect(rowIds.sort(), file).toEqual(figureIds.sort());
        const notOnMap = all(html, hasClass('not-on-map'))[0];
        if (notOnMap) items.push(...all(notOnMap, tag('li')).map(text));
      }
      const missing = places.filter((p) => !p.coordinates);
      expect(items.filter((t) => t.includes('not on the map (no coordinates recorded)'))).toHaveLength(missing.length);
      expect(items.length).toBe(places.length - drawable().length);
    });

    test('past one page, /map/ draws a point per state, each linking to its map, with the same states in its table', async () => {
      const index = await page('map/index.html');
      const maps = await placeMaps();
      if (maps[0]!.file === 'map/index.html') return; // Every place fits on /map/: nothing summed.
      const marks = pointsOf(index);
      const rows = all(all(all(index, hasClass('map-table'))[0]!, tag('tbody'))[0]!, tag('tr'));
      expect(rows.map((tr) => prop(all(tr, tag('a'))[0]!, 'href')).sort()).toEqual(marks.map((m) => m.href).sort());
      const drawnStates = [...new Set(drawable().map((p) => p.state))];
      expect(marks).toHaveLength(drawnStates.length);
      for (const row of rows) {
        const code = prop(all(row, tag('a'))[0]!, 'href').match(/\/map\/state\/([a-z]+)\/$/)![1]!.toUpperCase();
        expect(text(all(row, tag('td'))[0]!), code).toBe(String(drawable().filter((p) => p.state === code).length));
      }
    });

    test('the coverage chart is an image with a name and its numbers in a table', async () => {
      const html = await page('map/adoption/index.html');
      const chart = all(html, hasClass('bar-chart'))[0]!;
      const svg = all(chart, tag('svg'))[0]!;
      expect(prop(svg, 'role')).toBe('img');
      expect(prop(svg, 'ariaLabel')).toMatch(/^Bar chart: Places whose policies carry each guideline\./);
      const rows = all(all(chart, tag('tbody'))[0]!, tag('tr'));
      expect(rows).toHaveLength(guidelineNames.size);
      const withPolicies = new Set(policies.map((p) => p.place)).size;
      for (const row of rows) {
        const name = text(all(row, tag('th'))[0]!);
        const code = [...guidelineNames].find(([, n]) => n === name)![0];
        const carrying = new Set(policies.filter((p) => p.codes.has(code)).map((p) => p.place)).size;
        expect(text(all(row, tag('td'))[0]!), name).toBe(`${carrying} of ${withPolicies}`);
      }
    });
  });

  describe('versions', () => {
    /** Places whose version pairs are rewrites: the sample's (checked word by word in tests/core/analysis/versions.test.ts). */
    const REWRITES = new Set(['seattle-wa', 'tempe-az']);
    const versionPlaces = () => {
      const byPlace = new Map<string, FilePolicy[]>();
      for (const p of policies) byPlace.set(p.place, [...(byPlace.get(p.place) ?? []), p]);
      return [...byPlace].filter(([, list]) => list.length >= 2).map(([place, list]) => ({ place, list: list.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.id.localeCompare(b.id)) }));
    };

    test('a page for each place with two or more policies, and none for the others', async () => {
      const expected = versionPlaces().map((v) => v.place).sort();
      if (samplePresent) expect(expected).toEqual(expect.arrayContaining(['seattle-wa', 'tempe-az', 'testville-mo']));
      const built = [];
      for (const place of await readdir(path.join(site.outDir, 'places'))) {
        if (await access(path.join(site.outDir, 'places', place, 'versions', 'index.html')).then(() => true, () => false)) built.push(place);
      }
      expect(built.sort()).toEqual(expected);
    });

    /** A place's versions pages, page 1 first (a long history goes on at …/versions/page/<n>/). */
    const versionsPages = async (place: string) => (await following(`places/${place}/versions/index.html`)).map((p) => p.html);

    test('gained and lost guidelines match the class attributes of the policy files', async () => {
      for (const { place, list } of versionPlaces()) {
        // A comparison carried over to the next page repeats its section: its parts, in page order, make one step.
        const sections = (await versionsPages(place)).flatMap((html) => all(html, hasClass('version-step')));
        const ids = [...new Set(sections.map((s) => prop(s, 'ariaLabelledBy')))];
        expect(ids, place).toEqual(list.slice(1).map((_, i) => `step-${i + 1}`));
        const steps = ids.map((id) => ({ type: 'root', children: sections.filter((s) => prop(s, 'ariaLabelledBy') === id) }) as Root);
        for (const [i, step] of steps.entries()) {
          const [before, after] = [list[i]!, list[i + 1]!];
          const gained = [...after.codes.keys()].filter((c) => !before.codes.has(c));
          const lost = [...before.codes.keys()].filter((c) => !after.codes.has(c));
          const listed = (kind: string) => {
            const box = all(step, (el) => prop(el, 'dataChange') === kind)[0];
            return box ? all(box, tag('li')).map(text).sort() : [];
          };
          expect(listed('gained'), `${place} step ${i + 1} gained`).toEqual(gained.map((c) => guidelineNames.get(c)).sort());
          expect(listed('lost'), `${place} step ${i + 1} lost`).toEqual(lost.map((c) => guidelineNames.get(c)).sort());
          if (!before.codes.size && !after.codes.size) expect(text(step)).toContain('Neither policy has passages tagged with a guideline');
          // Passage counts per guideline, before and after.
          for (const tr of all(step, hasClass('version-counts')).flatMap((t) => all(all(t, tag('tbody'))[0]!, tag('tr')))) {
            const code = [...guidelineNames].find(([, n]) => n === text(all(tr, tag('th'))[0]!))![0];
            const [b, a] = all(tr, tag('td')).map(text);
            expect([Number(b), Number(a)], `${place} ${code}`).toEqual([before.codes.get(code) ?? 0, after.codes.get(code) ?? 0]);
          }
          // The sample's two version pairs (Tempe, Seattle) are rewrites — no sentence in common, measured — and
          // say so with links to both texts; the fixture's are amendments, whose diff marks changes with <ins>/<del>
          // and a hidden label.
          if (REWRITES.has(place)) {
            expect(all(step, hasClass('diff')), `${place} step ${i + 1}: no diff`).toEqual([]);
            const note = all(step, hasClass('rewrite-note'))[0]!;
            expect(text(note)).toMatch(/^Rewritten rather than amended: (less than 1|only \d+)% of the wording/);
            expect(all(note, tag('a')).map((a) => prop(a, 'href'))).toEqual([`/policies/${before.id}/`, `/policies/${after.id}/`]);
            continue;
          }
          expect(all(step, hasClass('rewrite-note')), `${place} step ${i + 1}: not a rewrite`).toEqual([]);
          expect(all(step, hasClass('diff')).length, `${place} step ${i + 1} diff`).toBeGreaterThan(0);
          for (const mark of all(step, hasClass('diff')).flatMap((diff) => all(diff, (el) => el.tagName === 'ins' || el.tagName === 'del'))) {
            expect(text(mark)).toMatch(mark.tagName === 'ins' ? /^added: / : /^removed: /);
          }
        }
      }
    });
  });

  describe('enforcement gaps', () => {
    let faqs: { id: string; state: string; statuses: Record<string, string> }[];
    beforeAll(async () => {
      faqs = [];
      const stateOf = new Map(places.map((p) => [p.id, p.state]));
      for (const place of await readdir(path.join(contentDir, 'faqs'))) {
        for (const f of await readMarkdown(path.join(contentDir, 'faqs', place))) {
          const e = f.data['enforcement'];
          const statuses: Record<string, string> = { enforcers: e?.enforcers?.length || e?.enforcers_text ? 'stated' : 'absent' };
          for (const key of FACETS.slice(1)) statuses[key] = e?.[key]?.status ?? 'absent';
          faqs.push({ id: `${place}/${f.name}`, state: stateOf.get(place)!, statuses });
        }
      }
    });

    test('the per-facet table matches the FAQ frontmatter', async () => {
      const html = await page('compare/enforcement/index.html');
      const rows = all(all(all(html, hasClass('gap-by-facet'))[0]!, tag('tbody'))[0]!, tag('tr'));
      expect(rows).toHaveLength(FACETS.length);
      rows.forEach((row, i) => {
        const facet = FACETS[i]!;
        const cells = all(row, tag('td')).map(text);
        const n = (status: string) => String(faqs.filter((f) => f.statuses[facet] === status).length);
        expect(cells.slice(0, 3), facet).toEqual([n('stated'), n('not-specified'), n('absent')]);
      });
    });

    test('the per-state table matches the FAQ frontmatter', async () => {
      const html = await page('compare/enforcement/index.html');
      const rows = all(all(all(html, hasClass('gap-by-state'))[0]!, tag('tbody'))[0]!, tag('tr'));
      const states = [...new Set(faqs.map((f) => f.state))].sort();
      expect(rows).toHaveLength(states.length);
      rows.forEach((row, i) => {
        const mine = faqs.filter((f) => f.state === states[i]);
        const entries = mine.flatMap((f) => Object.values(f.statuses));
        const n = (status: string) => String(entries.filter((s) => s === status).length);
        expect(all(row, tag('td')).map(text), states[i]).toEqual([String(mine.length), n('stated'), n('not-specified'), n('absent')]);
      });
    });

    test('CSV and JSON carry every guide with the same statuses', async () => {
      const csv = (await raw('compare/enforcement/gaps.csv')).split('\r\n').filter(Boolean);
      expect(csv).toHaveLength(faqs.length + 1);
      for (const f of faqs) {
        const cells = csv.find((l) => l.startsWith(`${f.id},`))!.split(',');
        expect(cells.slice(5, 5 + FACETS.length), f.id).toEqual(FACETS.map((k) => f.statuses[k]));
      }
      const json = JSON.parse(await raw('api/enforcement-gaps.json'));
      expect(json.totals.faqs).toBe(faqs.length);
      expect(json.faqs.map((f: { id: string }) => f.id).sort()).toEqual(faqs.map((f) => f.id).sort());
    });
  });

  describe('side by side and model language', () => {
    test('a picker page per guideline with a tick box per place that has passages of it', async () => {
      for (const code of guidelineNames.keys()) {
        // A picker with more columns than one page holds goes on at …/page/<n>/: every column once across its pages.
        const pages = await following(`compare/pick/${code}/index.html`);
        const boxes = pages.flatMap(({ html }) => all(html, hasClass('pick-column__box')).map((b) => prop(b, 'value'))).sort();
        const expected = [...new Set(policies.filter((p) => p.codes.has(code)).map((p) => p.place))].sort();
        expect(boxes, code).toEqual(expected);
      }
      const start = await page('compare/pick/index.html');
      const form = all(start, (el) => el.tagName === 'form' && 'dataPickStart' in el.properties)[0]!;
      expect(prop(form, 'method')).toBe('get');
      expect(all(form, (el) => el.tagName === 'button' && prop(el, 'formAction').endsWith('/compare/pick/metadata/'))).toHaveLength(1);
      expect(all(form, (el) => el.tagName === 'input' && prop(el, 'name') === 'places')).toHaveLength(new Set(policies.map((p) => p.place)).size);
    });

    test('model language links land on passage anchors of the policy pages', async () => {
      const html = await page('model-language/open-formats/index.html');
      const contextLinks = all(html, (el) => el.tagName === 'a' && text(el) === 'Read in context').map((a) => prop(a, 'href'));
      expect(contextLinks.length).toBeGreaterThan(0);
      for (const href of contextLinks) {
        // A long policy's passage is on the part of its text that holds it (/policies/<id>/part-<n>/).
        const [, where, anchor] = href.match(/\/(policies\/[^/]+\/(?:part-\d+\/)?)#(g-[a-z-]+-\d+)$/)!;
        expect(await raw(`${where}index.html`), href).toContain(`id="${anchor}"`);
      }
      // The fixture's sentence shared by four policies is the most common wording.
      expect(text(html)).toContain('Same wording in 4 policies');
    });

    test('no inline styles or event handlers on the analysis pages (CSP)', async () => {
      const paged = ['map/state/mo/index.html', 'compare/pick/metadata/page/2/index.html', 'places/tempe-az/versions/page/2/index.html'].filter((p) =>
        existsSync(path.join(site.outDir, p)),
      );
      for (const p of ['map/index.html', 'map/adoption/index.html', 'compare/enforcement/index.html', 'compare/pick/index.html', 'compare/pick/metadata/index.html', 'model-language/index.html', 'places/testville-mo/versions/index.html', ...paged]) {
        const html = await raw(p);
        expect(html, p).not.toMatch(/<[^>]+\sstyle=/);
        expect(html, p).not.toMatch(/<[^>]+\son[a-z]+=/);
        expect(all(await page(p), tag('h1')), p).toHaveLength(1);
      }
    });
  });
});
