/**
 * The analyst pages on a built site: policies (legend, highlight toggles,
 * anchors, paragraph-crossing passages), guidelines (every passage quoted,
 * "Read in context" lands on it, pagination under 40 KB a page) and compare
 * (matrix, filters, CSV = JSON). Expected numbers are counted here from the
 * fixture's own source text, not taken from the site's code.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { repoRoot } from '../support/repo-root.ts';

// ---- The fixture: two places, three policies, one place with two versions ----

interface FixturePolicy {
  id: string;
  data: Record<string, unknown>;
  body: string;
}

const PLACES = {
  'springfield-mo': { name: 'Springfield', kind: 'city', state: 'MO' },
  'riverton-ks': { name: 'Riverton', kind: 'city', state: 'KS' },
} as const;

/** Enough goals-and-values passages (about the Sunlight Hub's average length) to need several pages. */
const MANY = 230;
const manyPassages = Array.from(
  { length: MANY },
  (_, i) =>
    `<span class="g-goals-and-values">Goal ${i + 1}: the city shall use its data to serve the community's values and the mission of each department, and shall say in every annual report how item ${i + 1} of this policy served them.</span>`,
).join('\n\n');

const POLICIES: FixturePolicy[] = [
  {
    id: 'springfield-mo-2015-06-01',
    data: {
      title: 'Open Data Executive Order', place: 'springfield-mo', year: 2015, date: '2015-06-01', legal_custom: 'Executive Order',
      sunlight: 'wwc', policy_urls: { 'Signed order': 'https://example.org/eo.pdf', Draft: 'https://example.org/draft.pdf' },
      press_url: 'https://example.org/press',
    },
    body: `## Purpose

<span class="g-proactive-release">The city shall publish data <span class="g-metadata">with metadata describing each set</span> on its portal.</span>

<span class="g-timelines">The coordinator shall publish a plan within 90 days.

The plan shall be reviewed every year.</span>

## Oversight

<span class="g-oversight-authority g-timelines">An open data coordinator oversees the work.</span>
`,
  },
  {
    id: 'springfield-mo-2019-02-10',
    data: {
      title: 'Open Data Ordinance', place: 'springfield-mo', year: 2019, date: '2019-02-10', legal_custom: 'Ordinance', sunlight: true,
      policy_url: 'https://example.org/ord', note: 'Replaces the 2015 executive order.', replaces: 'springfield-mo-2015-06-01',
    },
    body: `## Section 1

<span class="g-proactive-release">All data is open by default.</span> <span class="g-metadata">Every data set has metadata.</span>

<span class="g-open-formats">Data shall be released in open formats.

<span class="g-metadata">Formats and metadata are listed on the portal.</span></span>
`,
  },
  {
    id: 'riverton-ks-2017',
    data: { title: 'Data Policy', place: 'riverton-ks', year: 2017, legal_custom: 'Administrative Policy', sunlight: 'didnt', policy_url: 'https://example.org/riverton' },
    body: `<span class="g-metadata">Metadata shall be kept current.

It shall name a contact office.</span>

${manyPassages}
`,
  },
];

/** A resident FAQ that explains the 2015 order (and so, for the 2019 ordinance, one of its other versions). */
const FAQ = {
  id: 'springfield-mo/open-data-basics',
  data: {
    title: 'Open data in Springfield', place: 'springfield-mo', topic: 'open-data-basics', last_reviewed: '2025-12-01',
    summary: 'What the city publishes and where.', policies: ['springfield-mo-2015-06-01'],
  },
};

// ---- Independent counting from the source text ----

/** Guideline codes in source order, one per g- class of every span (as an editor reads the file). */
function codesInSource(body: string): string[] {
  const codes: string[] = [];
  for (const [, classes] of body.matchAll(/<span\b[^>]*\bclass="([^"]*)"/g)) {
    for (const token of classes!.split(/\s+/)) if (token.startsWith('g-')) codes.push(token.slice(2));
  }
  return codes;
}

function countBy(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

const sourceCounts = new Map(POLICIES.map((p) => [p.id, countBy(codesInSource(p.body))]));

function placeCounts(filter: (p: FixturePolicy) => boolean = () => true): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const policy of POLICIES.filter(filter)) {
    const place = policy.data['place'] as string;
    const counts = out.get(place) ?? new Map<string, number>();
    for (const [code, n] of sourceCounts.get(policy.id)!) counts.set(code, (counts.get(code) ?? 0) + n);
    out.set(place, counts);
  }
  return out;
}

// ---- HTML helpers ----

function elements(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

const hasClass = (el: Element, name: string) => Array.isArray(el.properties['className']) && el.properties['className'].includes(name);
const byTag = (tag: string) => (el: Element) => el.tagName === tag;
const byClass = (name: string) => (el: Element) => hasClass(el, name);
const attr = (el: Element, name: string) => el.properties[name] as string | undefined;

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

let contentDir: string;
let site: SiteBuild;
const html = (page: string) => readFile(path.join(site.outDir, page, 'index.html'), 'utf8');
const page = async (route: string) => fromHtml(await html(route));

beforeAll(async () => {
  // Under the project root: Astro's content layer wants entry files inside the site root.
  await mkdir(path.join(repoRoot, '.build-tmp'), { recursive: true });
  contentDir = await mkdtemp(path.join(repoRoot, '.build-tmp', 'analyst-content-'));
  await cp(path.join(repoRoot, 'content/guidelines'), path.join(contentDir, 'guidelines'), { recursive: true });
  await mkdir(path.join(contentDir, 'places'));
  await mkdir(path.join(contentDir, 'policies'));
  for (const [id, data] of Object.entries(PLACES)) await writeFile(path.join(contentDir, 'places', `${id}.md`), toContentFile({ ...data }));
  for (const p of POLICIES) await writeFile(path.join(contentDir, 'policies', `${p.id}.md`), toContentFile(p.data, p.body));
  await mkdir(path.join(contentDir, 'faqs', 'springfield-mo'), { recursive: true });
  await writeFile(path.join(contentDir, 'faqs', `${FAQ.id}.md`), toContentFile(FAQ.data, 'Answers for residents.'));
  site = await buildSite(contentDir, { env: { KB_TODAY: '2026-01-15' } });
  if (!site.ok) throw new Error(`build failed:\n${site.output}`);
});

afterAll(async () => {
  await site?.cleanup();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

describe('a policy too long for one page comes in parts', () => {
  const id = 'riverton-ks-2017';
  const partPaths = async () => {
    const links = elements(await page(`policies/${id}`), (el) => el.tagName === 'a' && /^\/policies\/riverton-ks-2017\/part-\d+\/$/.test(attr(el, 'href') ?? ''));
    const count = Math.max(...links.map((a) => Number(/part-(\d+)/.exec(attr(a, 'href')!)![1])));
    return [`policies/${id}`, ...Array.from({ length: count - 1 }, (_, i) => `policies/${id}/part-${i + 2}`)];
  };

  test('every part is at most 40 KB with its CSS, and there is no part after the last', async () => {
    const paths = await partPaths();
    expect(paths.length).toBeGreaterThan(2);
    const css = new Map<string, number>();
    for (const route of paths) {
      const text = await html(route);
      let bytes = Buffer.byteLength(text);
      for (const [, href] of text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        if (!css.has(href!)) css.set(href!, (await stat(path.join(site.outDir, href!))).size);
        bytes += css.get(href!)!;
      }
      expect(bytes, route).toBeLessThanOrEqual(40 * 1024);
    }
    await expect(stat(path.join(site.outDir, `policies/${id}/part-${paths.length + 1}`))).rejects.toThrow();
  });

  test('the parts hold every passage once, in order, each anchor on one part; each legend links the passages on its own page', async () => {
    const anchors: string[] = [];
    for (const route of await partPaths()) {
      const tree = await page(route);
      const ids = elements(tree, (el) => el.tagName === 'span' && typeof attr(el, 'id') === 'string').map((el) => attr(el, 'id')!);
      anchors.push(...ids);
      const legendLinks = elements(tree, byClass('legend__passage')).map((a) => attr(a, 'href')!);
      expect(legendLinks.length, route).toBeGreaterThan(0);
      expect(legendLinks.sort(), route).toEqual(ids.map((anchor) => `#${anchor}`).sort());
    }
    const goals = Array.from({ length: MANY }, (_, i) => `g-goals-and-values-${i + 1}`);
    expect(anchors).toEqual(['g-metadata-1', ...goals]);
  });

  test('each part names the others with links, marks itself, and links back to the facts', async () => {
    const paths = await partPaths();
    for (const [i, route] of paths.entries()) {
      const tree = await page(route);
      const nav = elements(tree, byClass('policy-parts'))[0]!;
      const items = elements(nav, byTag('li'));
      expect(items).toHaveLength(paths.length);
      expect(elements(items[i]!, (el) => attr(el, 'ariaCurrent') === 'page')).toHaveLength(1);
      expect(elements(nav, byTag('a'))).toHaveLength(paths.length - 1);
      const rels = elements(tree, (el) => el.tagName === 'a' && !!attr(el, 'rel') && !hasClass(el, 'external')).map((a) => `${attr(a, 'rel')} ${attr(a, 'href')}`);
      expect(rels).toEqual([...(i > 0 ? [`prev /${paths[i - 1]}/`] : []), ...(i < paths.length - 1 ? [`next /${paths[i + 1]}/`] : [])]);
      const facts = elements(tree, byClass('facts')).length;
      expect(facts).toBe(i === 0 ? 1 : 0);
      if (i > 0) expect(toString(elements(tree, byTag('main'))[0]!)).toContain(`About this policy`);
      expect(toString(elements(tree, byTag('h2')).find((h) => attr(h, 'id') === 'policy-text')!)).toBe(`Text of the policy, part ${i + 1} of ${paths.length}`);
    }
  });

  test('a guideline page sends each passage to the part that holds it', async () => {
    const links: string[] = [];
    for (let n = 1; ; n++) {
      const route = n === 1 ? 'guidelines/goals-and-values' : `guidelines/goals-and-values/page/${n}`;
      const text = await html(route).catch(() => undefined);
      if (!text) break;
      links.push(...elements(fromHtml(text), (el) => el.tagName === 'a' && toString(el) === 'Read in context').map((a) => attr(a, 'href')!));
    }
    expect(links).toHaveLength(MANY);
    expect(new Set(links.map((href) => href.split('#')[0])).size).toBeGreaterThan(1);
    for (const href of links) {
      const [where, anchor] = href.split('#') as [string, string];
      const target = await page(where.replace(/^\/|\/$/g, ''));
      expect(elements(target, (el) => attr(el, 'id') === anchor), href).toHaveLength(1);
    }
  });
});

describe('policy page', () => {
  const id = 'springfield-mo-2015-06-01';
  const counts = sourceCounts.get(id)!;

  test('one h1, the title', async () => {
    const h1 = elements(await page(`policies/${id}`), byTag('h1'));
    expect(h1.map((h) => toString(h))).toEqual(['Open Data Executive Order']);
  });

  test('every passage anchor id is present exactly once', async () => {
    const text = await html(`policies/${id}`);
    for (const [code, n] of counts) {
      for (let k = 1; k <= n; k++) expect(text.split(`id="g-${code}-${k}"`).length - 1, `g-${code}-${k}`).toBe(1);
      expect(text.includes(`id="g-${code}-${n + 1}"`)).toBe(false);
    }
  });

  test('the legend counts equal the passages, and each passage link lands on an anchor', async () => {
    const tree = await page(`policies/${id}`);
    const items = elements(tree, byClass('legend__item'));
    expect(new Set(items.map((li) => attr(li, 'dataG')))).toEqual(new Set(counts.keys()));
    const ids = new Set(elements(tree, (el) => typeof el.properties['id'] === 'string').map((el) => el.properties['id']));
    for (const li of items) {
      const code = attr(li, 'dataG')!;
      const stated = Number(/\((\d+) passages?\)/.exec(toString(li))?.[1]);
      const links = elements(li, byClass('legend__passage'));
      expect(stated, code).toBe(counts.get(code));
      expect(links.length, code).toBe(counts.get(code));
      for (const a of links) expect(ids.has(attr(a, 'href')!.slice(1)), attr(a, 'href')).toBe(true);
      const about = elements(li, (el) => el.tagName === 'a' && attr(el, 'href') === `/guidelines/${code}/`);
      expect(about.length, code).toBe(1);
    }
  });

  test('the legend groups guidelines under their categories in order', async () => {
    const tree = await page(`policies/${id}`);
    expect(elements(tree, byClass('legend__category')).map((h) => toString(h))).toEqual([
      'What data should be public',
      'How to make data public',
      'How to implement policy',
    ]);
  });

  test('a highlight radio per used guideline, plus none (checked) and all, before the body', async () => {
    const text = await html(`policies/${id}`);
    const tree = fromHtml(text);
    const radios = elements(tree, (el) => el.tagName === 'input' && attr(el, 'name') === 'highlight');
    expect(radios.map((r) => attr(r, 'value')).sort()).toEqual(['all', 'none', ...counts.keys()].sort());
    expect(radios.filter((r) => r.properties['checked']).map((r) => attr(r, 'value'))).toEqual(['none']);
    for (const r of radios) {
      const labels = elements(tree, (el) => el.tagName === 'label' && attr(el, 'htmlFor')?.toString() === attr(r, 'id'));
      expect(labels.length, attr(r, 'id')).toBe(1);
    }
    expect(text.indexOf('name="highlight"')).toBeLessThan(text.indexOf('class="policy-body"'));
  });

  test('the highlight stylesheet has a rule per used guideline and is allowed by the CSP hash', async () => {
    const tree = await page(`policies/${id}`);
    const style = elements(tree, (el) => el.tagName === 'style' && toString(el).includes('#hl-all:checked'));
    expect(style.length).toBe(1);
    const css = toString(style[0]!);
    for (const code of counts.keys()) expect(css).toContain(`.policy:has(#hl-${code}:checked) .g-${code}`);
    expect(css).toContain('.g:target');
    expect(css).toMatch(/::before\{content:"\[" attr\(data-g\) "\] "/);
    const csp = elements(tree, (el) => el.tagName === 'meta' && attr(el, 'httpEquiv')?.toString().toLowerCase() === 'content-security-policy');
    const hash = createHash('sha256').update(css).digest('base64');
    expect(attr(csp[0]!, 'content')).toContain(`'sha256-${hash}'`);
  });

  test('a paragraph-crossing passage: every part carries its class, and :target lights them all', async () => {
    const tree = await page(`policies/${id}`);
    const parts = elements(tree, (el) => attr(el, 'dataPassage') === 'g-timelines-1');
    expect(parts.length).toBe(2);
    for (const part of parts) expect(hasClass(part, 'g-timelines')).toBe(true);
    expect(parts.filter((p) => p.properties['dataCont'] === undefined).map((p) => attr(p, 'id'))).toEqual(['g-timelines-1']);
    expect(parts.map((p) => toString(p))).toEqual(['The coordinator shall publish a plan within 90 days.', 'The plan shall be reviewed every year.']);
    const css = toString(elements(tree, (el) => el.tagName === 'style' && toString(el).includes('#hl-all:checked'))[0]!);
    expect(css).toContain('.policy:has(#g-timelines-1:target) [data-passage="g-timelines-1"]');
  });

  test('a nested passage sits inside its parent and carries its own class', async () => {
    const tree = await page(`policies/${id}`);
    const outer = elements(tree, (el) => attr(el, 'id') === 'g-proactive-release-1')[0]!;
    const inner = elements(outer, (el) => attr(el, 'id') === 'g-metadata-1');
    expect(inner.length).toBe(1);
    expect(hasClass(inner[0]!, 'g-metadata')).toBe(true);
  });

  test('facts: place link, legal type, date, Sunlight assistance, original documents', async () => {
    const tree = await page(`policies/${id}`);
    const facts = Object.fromEntries(
      elements(tree, byClass('facts'))[0]!.children
        .filter((c): c is Element => c.type === 'element')
        .map((div) => [toString(elements(div, byTag('dt'))[0]!), elements(div, byTag('dd'))[0]!]),
    );
    expect(elements(facts['Place']!, byTag('a')).map((a) => attr(a, 'href'))).toEqual(['/places/springfield-mo/']);
    expect(toString(facts['Legal type']!)).toBe('Executive Order');
    expect(attr(elements(facts['Adopted']!, byTag('time'))[0]!, 'dateTime')).toBe('2015-06-01');
    expect(toString(facts['Sunlight assistance']!)).toBe('Sunlight formal What Works Cities engagement');
    expect(elements(facts['Original documents']!, byTag('a')).map((a) => [toString(a), attr(a, 'href')])).toEqual([
      ['Signed order', 'https://example.org/eo.pdf'],
      ['Draft', 'https://example.org/draft.pdf'],
      ['Press release', 'https://example.org/press'],
    ]);
  });

  test('boolean Sunlight assistance reads yes; a year-only policy shows its year', async () => {
    expect(toString(await page('policies/springfield-mo-2019-02-10'))).toContain('Sunlight assistance yes');
    const riverton = toString(await page('policies/riverton-ks-2017'));
    expect(riverton).toContain('Year adopted 2017');
    expect(riverton).toContain('Sunlight assistance No known Sunlight assistance');
  });

  test('versions link both ways, with what replaces what', async () => {
    const older = toString(await page(`policies/${id}`));
    expect(older).toContain('Replaced by Open Data Ordinance');
    const newer = await page('policies/springfield-mo-2019-02-10');
    expect(toString(newer)).toContain('Replaces Open Data Executive Order');
    const versions = elements(elements(newer, byClass('versions'))[0]!, byTag('a')).map((a) => attr(a, 'href'));
    expect(versions).toEqual([`/policies/${id}/`]);
  });

  test('FAQs that explain the policy, or another version of it, are linked', async () => {
    const faqLinks = async (route: string) =>
      elements(elements(await page(route), byClass('related'))[0]!, (el) => el.tagName === 'a' && attr(el, 'href') === `/faqs/${FAQ.id}/`);
    const own = await faqLinks(`policies/${id}`);
    expect(own.map((a) => toString(a))).toEqual([FAQ.data.title]);
    expect(toString(await page(`policies/${id}`))).toContain('Questions this policy answers');
    expect((await faqLinks('policies/springfield-mo-2019-02-10')).length).toBe(1);
    expect(toString(await page('policies/springfield-mo-2019-02-10'))).toContain('Questions about Open Data Executive Order (June 1, 2015)');
  });

  test('the table of contents links to the body headings', async () => {
    const tree = await page(`policies/${id}`);
    const toc = elements(elements(tree, byClass('toc'))[0]!, byTag('a')).map((a) => attr(a, 'href'));
    expect(toc).toEqual(['#purpose', '#oversight']);
    for (const href of toc) expect(elements(tree, (el) => attr(el, 'id') === href!.slice(1)).length).toBe(1);
  });
});

describe('guideline pages', () => {
  test('every metadata passage is quoted in full, and "Read in context" lands on it', async () => {
    const tree = await page('guidelines/metadata');
    expect(elements(tree, byTag('h1')).length).toBe(1);
    const items = elements(elements(tree, byTag('main'))[0]!, (el) => el.tagName === 'li' && elements(el, byTag('blockquote')).length > 0);
    const expected = [...sourceCounts].reduce((n, [, counts]) => n + (counts.get('metadata') ?? 0), 0);
    expect(items.length).toBe(expected);
    for (const li of items) {
      const link = elements(li, (el) => el.tagName === 'a' && toString(el) === 'Read in context')[0]!;
      const [pathPart, anchor] = attr(link, 'href')!.split('#') as [string, string];
      const target = await page(pathPart.replace(/^\/|\/$/g, ''));
      const parts = elements(target, (el) => attr(el, 'dataPassage') === anchor);
      expect(parts.length, anchor).toBeGreaterThan(0);
      expect(elements(target, (el) => attr(el, 'id') === anchor).length, anchor).toBe(1);
      // The quote is the passage whole: its paragraphs are the parts' texts, nested passages included.
      const quoted = elements(li, byTag('p')).map((p) => toString(p));
      expect(quoted.join(' ')).toBe(parts.map((p) => toString(p)).join(' '));
    }
  });

  test('passages are grouped under place (h2) and policy (h3) headings', async () => {
    const tree = await page('guidelines/metadata');
    const h2 = elements(tree, byTag('h2')).map((h) => toString(h));
    expect(h2).toEqual(expect.arrayContaining(['Riverton, KS', 'Springfield, MO']));
    const h3 = elements(tree, byTag('h3')).map((h) => toString(h));
    expect(h3).toEqual(['Data Policy (2017)', 'Open Data Executive Order (June 1, 2015)', 'Open Data Ordinance (February 10, 2019)']);
  });

  test(`${MANY} passages paginate: each once, in order, whole, every page at most 40 KB`, async () => {
    const first = await html('guidelines/goals-and-values');
    const pages = [first];
    const pageLinks = elements(fromHtml(first), (el) => el.tagName === 'a' && /\/guidelines\/goals-and-values\/page\/\d+\/$/.test(attr(el, 'href') ?? ''));
    const count = Math.max(...pageLinks.map((a) => Number(/page\/(\d+)\//.exec(attr(a, 'href')!)![1])));
    expect(count).toBeGreaterThan(1);
    for (let n = 2; n <= count; n++) pages.push(await html(`guidelines/goals-and-values/page/${n}`));
    await expect(stat(path.join(site.outDir, `guidelines/goals-and-values/page/${count + 1}`))).rejects.toThrow();
    const seen: number[] = [];
    for (const [i, text] of pages.entries()) {
      expect(Buffer.byteLength(text), `page ${i + 1}`).toBeLessThanOrEqual(40_000);
      const tree = fromHtml(text);
      for (const quote of elements(tree, byTag('blockquote'))) {
        const match = /^Goal (\d+): .* how item \1 of this policy served them\.$/.exec(toString(quote));
        expect(match, toString(quote)).not.toBeNull();
        seen.push(Number(match![1]));
      }
      const rels = elements(tree, (el) => el.tagName === 'a' && !!attr(el, 'rel')).map((a) => String(attr(a, 'rel')));
      expect(rels.includes('prev')).toBe(i > 0);
      expect(rels.includes('next')).toBe(i < pages.length - 1);
    }
    expect(seen).toEqual(Array.from({ length: MANY }, (_, i) => i + 1));
  });

  test('the index: three categories, each guideline with its numbers and a bar', async () => {
    const tree = await page('guidelines');
    expect(elements(tree, byTag('h1')).length).toBe(1);
    expect(elements(elements(tree, byTag('main'))[0]!, byTag('h2')).map((h) => toString(h))).toEqual([
      'What data should be public',
      'How to make data public',
      'How to implement policy',
    ]);
    const items = elements(tree, (el) => el.tagName === 'li' && elements(el, byTag('h3')).length === 1);
    expect(items.length).toBe(31);
    const metadata = items.find((li) => elements(li, (a) => a.tagName === 'a' && attr(a, 'href') === '/guidelines/metadata/').length)!;
    const policies = [...sourceCounts.values()].filter((c) => c.get('metadata')).length;
    const passages = [...sourceCounts.values()].reduce((n, c) => n + (c.get('metadata') ?? 0), 0);
    expect(toString(metadata)).toContain(`Used in ${policies} policies · ${passages} passages`);
    expect(toString(metadata)).toContain('2 of 2 places (100%)');
    expect(elements(metadata, byTag('svg')).length).toBe(1);
    expect(await html('guidelines')).not.toMatch(/\sstyle="/);
  });
});

describe('compare', () => {
  /** The matrix as the page shows it: place id → code → number (a dash reads as 0). */
  async function readMatrix(route: string): Promise<Map<string, Map<string, number>>> {
    const tree = await page(route);
    const table = elements(tree, byTag('table'))[0]!;
    const codes = elements(elements(table, byTag('thead'))[0]!, (el) => el.tagName === 'a').map((a) => attr(a, 'href')!.split('/').at(-2)!);
    const out = new Map<string, Map<string, number>>();
    for (const tr of elements(elements(table, byTag('tbody'))[0]!, byTag('tr'))) {
      const place = attr(elements(elements(tr, byTag('th'))[0]!, byTag('a'))[0]!, 'href')!.split('/').at(-2)!;
      const cells = elements(tr, byTag('td')).slice(0, codes.length);
      out.set(place, new Map(codes.map((code, i) => {
        const cell = cells[i]!;
        return [code, hasClass(cell, 'z') ? (expect(toString(cell)).toBe('none'), 0) : Number(toString(cell))];
      })));
    }
    return out;
  }

  function expectMatrix(shown: Map<string, Map<string, number>>, expected: Map<string, Map<string, number>>) {
    expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [place, row] of shown) {
      expect(row.size).toBe(31);
      for (const [code, n] of row) expect(n, `${place} × ${code}`).toBe(expected.get(place)!.get(code) ?? 0);
    }
  }

  test('matrix numbers equal the spans counted in the source files', async () => {
    expectMatrix(await readMatrix('compare'), placeCounts());
  });

  test.each([
    ['state/ks', (p: FixturePolicy) => p.data['place'] === 'riverton-ks'],
    ['type/ordinance', (p: FixturePolicy) => p.data['legal_custom'] === 'Ordinance'],
    ['year/2015', (p: FixturePolicy) => p.data['year'] === 2015],
  ])('filtered matrix %s counts only the policies it keeps', async (route, keep) => {
    expectMatrix(await readMatrix(`compare/${route}`), placeCounts(keep));
  });

  test('filter links name every state, legal type and year', async () => {
    const hrefs = elements(elements(await page('compare'), byClass('filters'))[0]!, byTag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toEqual([
      '/compare/',
      '/compare/state/ks/', '/compare/state/mo/',
      '/compare/type/administrative-policy/', '/compare/type/executive-order/', '/compare/type/ordinance/',
      '/compare/year/2015/', '/compare/year/2017/', '/compare/year/2019/',
    ]);
  });

  test('the header groups guidelines by category', async () => {
    const tree = await page('compare');
    const groups = elements(tree, (el) => el.tagName === 'th' && attr(el, 'scope') === 'colgroup');
    expect(groups.map((th) => [toString(th), Number(attr(th, 'colSpan'))])).toEqual([
      ['What data should be public', 7],
      ['How to make data public', 16],
      ['How to implement policy', 8],
    ]);
  });

  test('a count links to the side-by-side column of that place, which quotes its passages', async () => {
    const tree = await page('compare');
    const cell = elements(tree, (el) => el.tagName === 'a' && attr(el, 'href') === '/compare/timelines/#place-springfield-mo');
    expect(cell.map((a) => toString(a))).toEqual([String(placeCounts().get('springfield-mo')!.get('timelines'))]);
    const side = await page('compare/timelines');
    const column = elements(side, (el) => el.tagName === 'section' && attr(el, 'ariaLabelledBy')?.toString() === 'place-springfield-mo')[0]!;
    expect(elements(column, byTag('blockquote')).length).toBe(placeCounts().get('springfield-mo')!.get('timelines'));
    expect(elements(side, (el) => attr(el, 'id') === 'place-riverton-ks')).toEqual([]);
    const buttons = elements(side, (el) => el.tagName === 'button' && !!attr(el, 'formAction'));
    expect(buttons.length).toBe(31);
    expect(elements(side, (el) => el.tagName === 'form').map((f) => attr(f, 'method'))).toContain('get');
  });

  test('the CSV parses and matches the JSON and the source counts', async () => {
    const csv = await readFile(path.join(site.outDir, 'compare/matrix.csv'), 'utf8');
    const json = JSON.parse(await readFile(path.join(site.outDir, 'api/matrix.json'), 'utf8')) as {
      guidelines: { code: string }[];
      places: { id: string; name: string; state: string; counts: Record<string, number> }[];
    };
    const [header, ...rows] = parseCsv(csv);
    expect(header!.slice(0, 3)).toEqual(['place_id', 'place_name', 'state']);
    expect(header!.slice(3)).toEqual(json.guidelines.map((g) => g.code));
    expect(rows.map((r) => r.slice(0, 3))).toEqual(json.places.map((p) => [p.id, p.name, p.state]));
    for (const [i, row] of rows.entries()) {
      expect(row.slice(3).map(Number)).toEqual(header!.slice(3).map((code) => json.places[i]!.counts[code]));
      const expected = placeCounts().get(row[0]!)!;
      expect(row.slice(3).map(Number)).toEqual(header!.slice(3).map((code) => expected.get(code) ?? 0));
    }
    const compare = await html('compare');
    expect(compare).toMatch(new RegExp(`href="/compare/matrix.csv"[^>]*>Matrix as CSV</a> \\((${Buffer.byteLength(csv)} bytes|${(Buffer.byteLength(csv) / 1000).toFixed(1)} KB)\\)`));
  });
});

describe('policies index', () => {
  test('by state then place, each policy with its passage count from the source', async () => {
    const tree = await page('policies');
    const main = elements(tree, byTag('main'))[0]!;
    expect(elements(main, byTag('h2')).map((h) => toString(h))).toEqual(['Kansas', 'Missouri']);
    expect(elements(main, byTag('h3')).map((h) => toString(h))).toEqual(['Riverton', 'Springfield']);
    for (const policy of POLICIES) {
      const link = elements(main, (el) => el.tagName === 'a' && attr(el, 'href') === `/policies/${policy.id}/`)[0]!;
      expect(toString(link)).toBe(policy.data['title']);
      const li = elements(main, (el) => el.tagName === 'li' && el.children.includes(link))[0]!;
      const n = [...sourceCounts.get(policy.id)!.values()].reduce((a, b) => a + b, 0);
      expect(toString(li)).toContain(`${policy.data['legal_custom']} · ${n} passage`);
    }
  });
});
