/**
 * The resident pages on a built site: a guide (FAQ) with stated, not-specified
 * and absent enforcement facets, Q&A, steps, takeaways and three sources (one
 * without a link), reviewed long enough ago to be stale; its place, two
 * contacts, a policy; and the index pages around them. Built once from a
 * content folder this file writes, with KB_TODAY pinned.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toContentFile } from '../../src/core/write/serialize.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { repoRoot } from '../support/repo-root.ts';

/** More than 12 months after the guide's last review, so the stale notice shows. */
const KB_TODAY = '2026-03-01';
const LAST_REVIEWED = '2024-11-15';
const NOT_SPECIFIED_FACETS = ['Fines', 'Escalation'];
const ABSENT_FACETS = ['Non-monetary sanctions'];
const FAQ_ID = 'testville-mo/records-requests';
const CLERK = 'testville-mo/city-clerk';
const ATTORNEY = 'testville-mo/city-attorney';

// Example domains (RFC 2606): the fixture names no real office.
const FILES: Record<string, string> = {
  'places/testville-mo.md': toContentFile({
    name: 'Testville', kind: 'city', state: 'MO',
    portal_url: 'https://data.testville.example.org/',
    municipal_code_url: 'https://code.example.org/testville',
    records_request_url: 'https://testville.example.org/records',
  }),
  'places/otherton-ks.md': toContentFile({ name: 'Otherton', kind: 'county', state: 'KS' }),
  'contacts/testville-mo/city-clerk.md': toContentFile({
    name: 'City Clerk', role: 'clerk', place: 'testville-mo',
    channels: { email: 'clerk@testville.example.org', phone: '(555) 010-0100', hours: 'Monday to Friday, 8 a.m. to 5 p.m.' },
    handles: ['Public records requests', 'Council minutes'],
  }),
  'contacts/testville-mo/city-attorney.md': toContentFile({ name: 'City Attorney', role: 'attorney', place: 'testville-mo' }),
  'policies/testville-mo-2019-04-02.md': toContentFile(
    {
      title: 'Testville Open Data Ordinance', place: 'testville-mo', year: 2019, date: '2019-04-02',
      legal_custom: 'Ordinance', sunlight: false, policy_url: 'https://testville.example.org/ordinance', contacts: [CLERK],
    },
    'The city <span class="g-proactive-release">publishes data by default</span>.\n\nThe clerk <span class="g-oversight-authority">oversees the programme</span>.',
  ),
  'faqs/testville-mo/records-requests.md': toContentFile(
    {
      title: 'Public Records Requests in Testville',
      place: 'testville-mo',
      topic: 'records-requests',
      category: 'Technology and Data',
      last_reviewed: LAST_REVIEWED,
      summary: 'How to ask Testville for public records, and what happens when a request is refused.',
      enforcement: {
        enforcers: [
          { contact: CLERK, role: 'Receives and answers records requests [3]', sources: [3] },
          { contact: ATTORNEY, role: 'Reviews refusals', sources: [1] },
        ],
        enforcers_text: 'The City Clerk handles requests; the City Attorney reviews refusals [1].',
        enforcers_sources: [1],
        fines: { status: 'not-specified', text: 'The cited code page lists no fine.', sources: [1] },
        escalation: { status: 'not-specified', text: 'No schedule for repeat cases is given.', sources: [1] },
        complaints: { status: 'stated', text: 'Complain to the City Clerk in writing [3].', sources: [3] },
        appeals: { status: 'stated', text: 'Ask the City Attorney to review a refusal.', sources: [1, 2] },
        timelines: { status: 'stated', text: 'The clerk answers within three business days [2].', sources: [2] },
      },
      forms: [
        { name: 'Records request form', url: 'https://testville.example.org/records/form', sources: [3] },
        { name: 'Written request', description: 'A letter that describes the records is accepted [2].', sources: [2] },
      ],
      questions: [
        { q: 'Do I have to say why I want the records?', a: 'No; the code does not ask for a reason [1].', sources: [1] },
        { q: 'Are copies free?', a: 'Copies may cost a fee set by the clerk.', sources: [2] },
      ],
      howto: [
        'Search the open data portal first.',
        'Write down which records you need [2].',
        'Send the request to the City Clerk and keep a copy [3].',
      ],
      takeaways: ['Try the portal before filing a request.', 'The City Clerk handles requests [3].'],
      sources: [
        { n: 1, title: 'Testville Municipal Code, Chapter 2', kind: 'municipal-code', url: 'https://code.example.org/testville/ch2' },
        { n: 2, title: 'Records requests page', kind: 'city-page', url: 'https://testville.example.org/records', accessed: '2024-11-10' },
        { n: 3, title: 'Records request form (paper)', kind: 'form' },
      ],
      policies: ['testville-mo-2019-04-02'],
    },
    '## Overview\n\nTestville publishes many records online [2]. The code sets the rules [1].\n\n## Fees\n\nSome copies cost money [2].',
  ),
};

let contentDir: string;
let site: SiteBuild;

async function page(sitePath: string): Promise<{ html: string; tree: Root }> {
  const html = await readFile(path.join(site.outDir, sitePath, 'index.html'), 'utf8');
  return { html, tree: fromHtml(html) };
}

function elements(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

const byTag = (tag: string) => (el: Element) => el.tagName === tag;
const hasClass = (name: string) => (el: Element) => Array.isArray(el.properties['className']) && el.properties['className'].includes(name);
const main = (tree: Root) => elements(tree, byTag('main'))[0]!;
const hrefsIn = (node: Root | Element) => elements(node, byTag('a')).map((a) => String(a.properties['href']));

beforeAll(async () => {
  // Inside the repository (.build-tmp/ is git-ignored): Astro's content layer refuses entry
  // file paths outside the site root, and the collections report each file's path.
  await mkdir(path.join(repoRoot, '.build-tmp'), { recursive: true });
  contentDir = await mkdtemp(path.join(repoRoot, '.build-tmp', 'resident-content-'));
  await cp(path.join(repoRoot, 'content/guidelines'), path.join(contentDir, 'guidelines'), { recursive: true });
  for (const [relative, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(contentDir, relative)), { recursive: true });
    await writeFile(path.join(contentDir, relative), text);
  }
  site = await buildSite(contentDir, { env: { KB_TODAY } });
  if (!site.ok) throw new Error(`site build failed:\n${site.output}`);
});

afterAll(async () => {
  await site?.cleanup();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

describe('guide (FAQ) page', () => {
  test('has exactly one h1, the guide title', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const h1 = elements(tree, byTag('h1'));
    expect(h1.map((h) => hastToString(h))).toEqual(['Public Records Requests in Testville']);
  });

  test('every in-page link, every [n] included, reaches an element with that id', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const ids = new Set(elements(tree, (el) => typeof el.properties['id'] === 'string').map((el) => String(el.properties['id'])));
    const fragments = hrefsIn(tree).filter((href) => href.startsWith('#'));
    const citations = fragments.filter((href) => href.startsWith('#source-'));
    // Body, enforcement, forms, answers, steps and takeaways all cite.
    expect(citations.length).toBeGreaterThanOrEqual(15);
    expect(new Set(citations)).toEqual(new Set(['#source-1', '#source-2', '#source-3']));
    for (const href of fragments) expect(ids, href).toContain(href.slice(1));
  });

  test('no "[n]" is left as plain text outside a citation link or the source list', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const stray: string[] = [];
    visit(main(tree), 'text', (node, _index, parent) => {
      const el = parent as Element | undefined;
      if (/\[\d+\]/.test(node.value) && !(el?.tagName === 'a' && String(el.properties['href']).startsWith('#source-'))) stray.push(node.value);
    });
    expect(stray).toEqual([]);
  });

  test('numbered sources: item n has id source-n, a link when a URL exists and says so when not', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const list = elements(tree, hasClass('source-list'))[0]!;
    expect(list.tagName).toBe('ol');
    const items = elements(list, byTag('li'));
    expect(items.map((li) => li.properties['id'])).toEqual(['source-1', 'source-2', 'source-3']);
    expect(hrefsIn(items[0]!)).toEqual(['https://code.example.org/testville/ch2']);
    expect(hastToString(items[0]!)).toContain('Municipal code');
    expect(hastToString(items[1]!)).toContain('checked November 10, 2024');
    expect(hrefsIn(items[2]!)).toEqual([]);
    expect(hastToString(items[2]!)).toContain('No link recorded');
    expect(hastToString(items[0]!)).not.toContain('No link recorded');
  });

  test('"Not specified on the cited page" appears exactly for the not-specified facets, with the page checked', async () => {
    const { tree, html } = await page(`faqs/${FAQ_ID}`);
    expect(html.split('Not specified on the cited page').length - 1).toBe(NOT_SPECIFIED_FACETS.length);
    const rows = elements(tree, hasClass('facts__row'));
    const flagged = rows.filter((row) => hastToString(row).includes('Not specified on the cited page'));
    expect(flagged.map((row) => hastToString(elements(row, byTag('dt'))[0]!))).toEqual(NOT_SPECIFIED_FACETS);
    for (const row of flagged) {
      expect(elements(row, hasClass('badge'))).toHaveLength(1);
      expect(hastToString(row)).toContain('checked: source [1]');
      expect(hrefsIn(row)).toContain('#source-1');
    }
  });

  test('a facet the guide leaves out says "Not covered by this guide"; stated facets show their text and sources', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const rows = elements(tree, hasClass('facts__row'));
    const labelOf = (row: Element) => hastToString(elements(row, byTag('dt'))[0]!);
    expect(rows.map(labelOf)).toEqual([
      'Who enforces', 'Fines', 'Escalation', 'Non-monetary sanctions', 'Complaints and inspection', 'Appeals and review', 'Time limits',
    ]);
    const notCovered = rows.filter((row) => hastToString(row).includes('Not covered by this guide'));
    expect(notCovered.map(labelOf)).toEqual(ABSENT_FACETS);
    const appeals = rows.find((row) => labelOf(row) === 'Appeals and review')!;
    expect(hastToString(appeals)).toContain('Ask the City Attorney to review a refusal.');
    expect(hrefsIn(appeals)).toEqual(['#source-1', '#source-2']);
  });

  test('enforcers link to their contact pages with their role text, and those pages exist', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const who = rows(tree).find((row) => hastToString(row).startsWith('Who enforces'))!;
    const links = elements(who, byTag('a')).filter((a) => !String(a.properties['href']).startsWith('#'));
    expect(links.map((a) => [hastToString(a), a.properties['href']])).toEqual([
      ['City Clerk', `/contacts/${CLERK}/`],
      ['City Attorney', `/contacts/${ATTORNEY}/`],
    ]);
    expect(hastToString(who)).toContain('Receives and answers records requests');
    expect(hastToString(who)).toContain('The City Clerk handles requests; the City Attorney reviews refusals');
    for (const a of links) await expect(page(String(a.properties['href']))).resolves.toBeTruthy();
  });

  test('shows the stale notice as a labelled note, in words', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const notes = elements(tree, (el) => el.properties['role'] === 'note');
    expect(notes).toHaveLength(1);
    expect(hastToString(notes[0]!)).toContain('Review overdue');
    expect(hastToString(notes[0]!).replace(/\s+/g, ' ')).toContain('last checked on November 15, 2024 and was due for a new check on November 15, 2025.');
    const review = elements(tree, hasClass('review-line'))[0]!;
    expect(hastToString(review).replace(/\s+/g, ' ')).toBe('Last reviewed November 15, 2024 · Next review due November 15, 2025');
  });

  test('questions are <details>, steps an <ol> under "How to", takeaways a labelled aside, forms linked only with a URL', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const details = elements(tree, byTag('details'));
    expect(details.map((d) => hastToString(elements(d, byTag('summary'))[0]!))).toEqual([
      'Do I have to say why I want the records?', 'Are copies free?',
    ]);
    expect(hrefsIn(details[1]!)).toEqual(['#source-2']);
    const howTo = elements(tree, (el) => el.tagName === 'h2' && hastToString(el) === 'How to')[0]!;
    const steps = elements(elements(tree, hasClass('steps'))[0]!, byTag('li'));
    expect(howTo).toBeDefined();
    expect(steps).toHaveLength(3);
    const aside = elements(tree, byTag('aside'))[0]!;
    const labelId = String(aside.properties['ariaLabelledBy']);
    expect(hastToString(elements(tree, (el) => el.properties['id'] === labelId)[0]!)).toBe('Key takeaways');
    const forms = elements(elements(tree, hasClass('forms'))[0]!, byTag('li'));
    expect(hrefsIn(forms[0]!)).toContain('https://testville.example.org/records/form');
    expect(hrefsIn(forms[1]!).filter((h) => !h.startsWith('#'))).toEqual([]);
  });

  test('renders the body, the place link, the policies it explains and who to contact', async () => {
    const { tree } = await page(`faqs/${FAQ_ID}`);
    const text = hastToString(main(tree));
    expect(text).toContain('Testville publishes many records online');
    expect(hrefsIn(main(tree))).toEqual(expect.arrayContaining(['/places/testville-mo/', '/policies/testville-mo-2019-04-02/']));
    const box = elements(tree, hasClass('who-to-contact'))[0]!;
    // Enforcers first, in the guide's order (the clerk is named first, though "Attorney" sorts first).
    expect(hrefsIn(box)).toEqual([`/contacts/${CLERK}/`, 'tel:5550100100', 'mailto:clerk@testville.example.org', `/contacts/${ATTORNEY}/`]);
    // The attorney has no channel: said once, in words, with nothing invented.
    expect(hastToString(box)).toContain("have no contact channel recorded yet; see the city's website.");
  });
});

function rows(tree: Root): Element[] {
  return elements(tree, hasClass('facts__row'));
}

describe('contact pages', () => {
  test.each([CLERK, ATTORNEY])('%s backlinks the guide that names it as an enforcer', async (id) => {
    const { tree } = await page(`contacts/${id}`);
    expect(elements(tree, byTag('h1'))).toHaveLength(1);
    expect(hrefsIn(main(tree))).toContain(`/faqs/${FAQ_ID}/`);
  });

  test('shows recorded channels only, and says so when none is recorded', async () => {
    const clerk = hastToString(main((await page(`contacts/${CLERK}`)).tree));
    expect(clerk).toContain('(555) 010-0100');
    expect(clerk).toContain('Monday to Friday, 8 a.m. to 5 p.m.');
    expect(clerk).not.toContain('No contact channel is recorded yet');
    const attorney = main((await page(`contacts/${ATTORNEY}`)).tree);
    expect(hastToString(attorney)).toContain("No contact channel is recorded yet; see the city's website");
    expect(hrefsIn(attorney).filter((h) => /^(tel|mailto|https?):/.test(h))).toEqual([]);
  });

  test('the clerk backlinks the policy that names it; the attorney has none', async () => {
    expect(hrefsIn(main((await page(`contacts/${CLERK}`)).tree))).toContain('/policies/testville-mo-2019-04-02/');
    expect(hastToString(main((await page(`contacts/${ATTORNEY}`)).tree))).toContain('No policy names this office yet.');
  });
});

describe('place, state and index pages', () => {
  test('the place page lists its guide, contacts, policy, links and coverage', async () => {
    const { tree } = await page('places/testville-mo');
    expect(elements(tree, byTag('h1')).map((h) => hastToString(h))).toEqual(['Testville']);
    const links = hrefsIn(main(tree));
    expect(links).toEqual(expect.arrayContaining([
      `/faqs/${FAQ_ID}/`, `/contacts/${CLERK}/`, `/contacts/${ATTORNEY}/`, '/policies/testville-mo-2019-04-02/', '/states/mo/',
      'https://data.testville.example.org/', 'https://code.example.org/testville', 'https://testville.example.org/records',
      '/guidelines/proactive-release/', '/guidelines/oversight-authority/',
    ]));
    const counts = elements(tree, hasClass('coverage__count')).map((p) => hastToString(p).replace(/\s+/g, ' '));
    expect(counts).toHaveLength(3);
    expect(counts.filter((c) => c.startsWith('1 of '))).toHaveLength(2);
    expect(counts.filter((c) => c.startsWith('0 of '))).toHaveLength(1);
  });

  test('the state page counts policies, guides and contacts per place', async () => {
    const { tree } = await page('states/mo');
    const row = elements(tree, byTag('tr')).find((tr) => hastToString(tr).includes('Testville'))!;
    expect(elements(row, byTag('td')).map((td) => hastToString(td))).toEqual(['City', '1', '1', '2']);
  });

  test.each([
    ['faqs', [`/faqs/${FAQ_ID}/`]],
    ['contacts', [`/contacts/${CLERK}/`, `/contacts/${ATTORNEY}/`]],
    ['places', ['/places/testville-mo/', '/places/otherton-ks/']],
    ['states', ['/states/mo/', '/states/ks/']],
    ['', ['/places/testville-mo/', `/faqs/${FAQ_ID}/`, '/policies/testville-mo-2019-04-02/', '/guidelines/']],
  ])('/%s/ links to its entries and has one h1', async (sitePath, expected) => {
    const { tree } = await page(sitePath);
    expect(elements(tree, byTag('h1'))).toHaveLength(1);
    expect(hrefsIn(main(tree))).toEqual(expect.arrayContaining(expected));
  });

  test('the guide index flags the overdue review in words', async () => {
    const { tree } = await page('faqs');
    expect(hastToString(main(tree))).toContain('Review overdue');
  });

  test('the home page lists the latest changes newest first', async () => {
    const { tree } = await page('');
    const items = elements(elements(tree, hasClass('latest-list'))[0]!, byTag('li'));
    expect(items.map((li) => hrefsIn(li)[0])).toEqual([`/faqs/${FAQ_ID}/`, '/policies/testville-mo-2019-04-02/']);
  });
});
