/**
 * Paging by bytes (src/core/graph/paging.ts): lists split into pages that stay
 * under a byte budget without cutting or losing an item, indexes that fall
 * back to one page per section, group headings that repeat on a continued
 * page, and a pager that stays small at any size.
 */
import { escapeHTML } from 'astro/runtime/server/index.js';
import { describe, expect, test } from 'vitest';
import {
  CONTENT_BUDGET_BYTES, PAGE_LIMIT_BYTES, firstPageOf, groupHeadings, groupRuns, htmlBytes, listBytes, pagerEntries, paginateByBytes, planIndex, totalsByGroup,
  type ByteBudget, type PagerEntry,
} from '../../src/core/graph/paging.ts';
import { createHrefs } from '../../src/core/urls.ts';

interface Item {
  id: string;
  place: string;
  size: number;
}

/** A seeded sequence, so the "random" lists are the same on every run. */
function lcg(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function items(count: number, seed: number, places = 7, maxSize = 900): Item[] {
  const next = lcg(seed);
  let place = 0;
  return Array.from({ length: count }, (_, i) => {
    if (next() < 0.3) place = (place + 1) % places;
    return { id: `i${i}`, place: `p${place}`, size: 1 + Math.floor(next() * maxSize) };
  });
}

const weights = { bytes: (i: Item) => i.size, headingBytes: groupHeadings((i: Item) => i.place, () => 50) };

/** What one page weighs as its items are shown: headings at group changes and at the top. */
function pageBytes(page: Item[]) {
  return listBytes(page, weights);
}

describe('htmlBytes', () => {
  test.each([
    ['plain', 'Springfield'],
    ['escaped characters', `a<b & "c" 'd' > e`],
    ['multi-byte', 'Coeur d’Alene — São Paulo 東京'],
    ['empty', ''],
    ['astral and lone surrogates', 'flag 🇺🇸 & \ud800 alone < \udfff'],
    ['only escapes', `&&<<>>""''`],
  ])('%s: equals the UTF-8 length of Astro’s escaped text', (_name, text) => {
    expect(htmlBytes(text)).toBe(Buffer.byteLength(String(escapeHTML(text))));
  });
});

describe('paginateByBytes', () => {
  test.each([
    [0, 1, 2000],
    [1, 2, 2000],
    [40, 3, 2000],
    [500, 4, 5000],
    [500, 5, 901],
    [120, 6, 300],
  ])('%i items (seed %i), budget %i: every item once, in order; a page over budget holds one item only', (count, seed, budget) => {
    const list = items(count, seed);
    const pages = paginateByBytes(list, { ...weights, budget });
    expect(pages.flat()).toEqual(list);
    expect(pages.every((p) => p.length > 0)).toBe(true);
    for (const page of pages) if (pageBytes(page) > budget) expect(page.length).toBe(1);
    // Greedy: each page but the last is full, the next item would not have fitted.
    for (let i = 0; i + 1 < pages.length; i++) expect(pageBytes([...pages[i]!, pages[i + 1]![0]!])).toBeGreaterThan(budget);
  });

  test('a group heading is paid again when a page continues the group', () => {
    const list: Item[] = [
      { id: 'a', place: 'x', size: 40 },
      { id: 'b', place: 'x', size: 40 },
      { id: 'c', place: 'x', size: 40 },
    ];
    // 50 + 40 + 40 = 130 fits; the third would make 170 > 150 and starts a page that pays the heading again.
    expect(paginateByBytes(list, { ...weights, budget: 150 }).map((p) => p.map((i) => i.id))).toEqual([['a', 'b'], ['c']]);
    // Without groups the same three fit in 120.
    expect(paginateByBytes(list, { bytes: (i) => i.size, budget: 150 }).length).toBe(1);
  });

  test('two levels of headings: the place and the policy, both shown again at the top of a page', () => {
    type Passage = { place: string; policy: string; size: number };
    const list: Passage[] = [
      { place: 'a', policy: 'a1', size: 100 },
      { place: 'a', policy: 'a1', size: 100 },
      { place: 'a', policy: 'a2', size: 100 },
      { place: 'b', policy: 'b1', size: 100 },
    ];
    const headingBytes = (p: Passage, before: Passage | undefined) =>
      (before?.place === p.place ? 0 : 30) + (before?.policy === p.policy ? 0 : 20);
    // a1: 30+20+100, +100, a2: +20+100 = 370; b1: +30+20+100 = 520.
    expect(listBytes(list, { bytes: (p) => p.size, headingBytes })).toBe(520);
    expect(paginateByBytes(list, { bytes: (p) => p.size, headingBytes, budget: 370 }).map((page) => page.length)).toEqual([3, 1]);
    // At 300: a1, a1 (250) then a2 would make 370; page 2 starts at a2 and pays the place heading again: 150 + b1 150 = 300.
    expect(paginateByBytes(list, { bytes: (p) => p.size, headingBytes, budget: 300 }).map((page) => page.length)).toEqual([2, 2]);
  });

  test('page 1 may have a budget of its own (it carries the introduction)', () => {
    const list = items(200, 8);
    const pages = paginateByBytes(list, { ...weights, budget: 4000, firstBudget: 1500 });
    expect(pages.flat()).toEqual(list);
    expect(pageBytes(pages[0]!)).toBeLessThanOrEqual(1500);
    expect(pageBytes([...pages[0]!, pages[1]![0]!])).toBeGreaterThan(1500);
    for (const page of pages.slice(1)) if (page.length > 1) expect(pageBytes(page)).toBeLessThanOrEqual(4000);
  });

  test('maxItems caps a page whatever the bytes', () => {
    const pages = paginateByBytes(items(25, 9), { ...weights, budget: 1e9, maxItems: 10 });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
  });

  test('an item heavier than the budget is kept whole on its own page', () => {
    const list: Item[] = [
      { id: 'a', place: 'x', size: 10 },
      { id: 'huge', place: 'x', size: 10_000 },
      { id: 'b', place: 'x', size: 10 },
    ];
    expect(paginateByBytes(list, { ...weights, budget: 500 }).map((p) => p.map((i) => i.id))).toEqual([['a'], ['huge'], ['b']]);
  });
});

describe('planIndex', () => {
  const sections = (seed: number, perSection: number[]) => {
    const list = items(perSection.reduce((a, b) => a + b, 0), seed);
    let at = 0;
    return perSection.map((n, i) => ({ key: `s${i}`, items: list.slice(at, (at += n)) }));
  };
  const options: ByteBudget<Item> & { sectionBytes: () => number } = { ...weights, budget: 20_000, sectionBytes: () => 80 };

  test('small: one page lists every section; empty sections are dropped', () => {
    const plan = planIndex(sections(1, [3, 0, 5]), options);
    expect(plan.single).toBe(true);
    expect(plan.sections.map((s) => s.key)).toEqual(['s0', 's2']);
    expect(plan.sections.map((s) => s.pages.length)).toEqual([1, 1]);
  });

  test('too big for one page: a page per section, a big section split, nothing lost', () => {
    const input = sections(2, [10, 200, 30]);
    const plan = planIndex(input, options);
    expect(plan.single).toBe(false);
    for (const [i, section] of plan.sections.entries()) {
      expect(section.pages.flat()).toEqual(input[i]!.items);
      for (const page of section.pages) if (page.length > 1) expect(pageBytes(page)).toBeLessThanOrEqual(options.budget);
    }
    expect(plan.sections[1]!.pages.length).toBeGreaterThan(1);
    expect(plan.sections[0]!.pages.length).toBe(1);
  });

  test('section headings count towards the single page', () => {
    const input = sections(3, [4, 4]);
    const bytes = input.reduce((n, s) => n + listBytes(s.items, weights), 0);
    expect(planIndex(input, { ...options, budget: bytes + 160 }).single).toBe(true);
    expect(planIndex(input, { ...options, budget: bytes + 159 }).single).toBe(false);
  });

  test('maxItems splits an index whose sections hold more items than a page may', () => {
    expect(planIndex(sections(4, [3, 12]), { ...options, maxItems: 10 }).single).toBe(false);
  });
});

describe('groupRuns and firstPageOf', () => {
  const list = items(300, 11, 9);
  const pages = paginateByBytes(list, { ...weights, budget: 3000 });

  test('runs rebuild each page in order, and a run is continued exactly when the page before ended in its group', () => {
    for (let i = 0; i < pages.length; i++) {
      const runs = groupRuns(pages, i, (item) => item.place);
      expect(runs.flatMap((r) => r.items)).toEqual(pages[i]);
      for (const run of runs) expect(new Set(run.items.map((item) => item.place))).toEqual(new Set([run.key]));
      const carried = i > 0 && pages[i - 1]!.at(-1)!.place === pages[i]![0]!.place;
      expect(runs[0]!.continued).toBe(carried);
      expect(runs.slice(1).some((r) => r.continued)).toBe(false);
    }
    expect(groupRuns(pages, pages.length, (item) => item.place)).toEqual([]);
  });

  test('firstPageOf names the page where each group starts', () => {
    const first = firstPageOf(pages, (item) => item.place);
    for (const place of new Set(list.map((item) => item.place))) {
      const page = pages.findIndex((p) => p.some((item) => item.place === place)) + 1;
      expect(first.get(place), place).toBe(page);
    }
  });
});

describe('pagerEntries', () => {
  const numbers = (entries: PagerEntry[]) => entries.flatMap((e) => ('page' in e ? [e.page] : []));

  test('few pages: all of them, no gaps', () => {
    expect(pagerEntries(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7].map((page) => ({ page })));
    expect(pagerEntries(1, 1)).toEqual([{ page: 1 }]);
    expect(pagerEntries(1, 0)).toEqual([]);
  });

  test('many pages: first, last, neighbours and powers of ten away, gaps marked', () => {
    expect(pagerEntries(37, 800)).toEqual([
      { page: 1 }, { gap: true }, { page: 27 }, { gap: true }, { page: 35 }, { page: 36 }, { page: 37 }, { page: 38 }, { page: 39 },
      { gap: true }, { page: 47 }, { gap: true }, { page: 137 }, { gap: true }, { page: 800 },
    ]);
  });

  test.each([13, 100, 800, 19_000])('%i pages: small on every page, and every page reachable in a few steps', (pages) => {
    const links = new Map<number, number[]>();
    for (let page = 1; page <= pages; page++) {
      const shown = numbers(pagerEntries(page, pages));
      expect(shown.length).toBeLessThanOrEqual(7 + 2 * Math.ceil(Math.log10(pages)));
      expect(shown).toContain(page);
      expect(shown).toEqual([...shown].sort((a, b) => a - b));
      links.set(page, shown);
    }
    // Breadth-first from page 1: every page is reached, in at most ~ 9 clicks per digit.
    const depth = new Map([[1, 0]]);
    const queue = [1];
    while (queue.length) {
      const page = queue.shift()!;
      for (const next of links.get(page)!) if (!depth.has(next)) depth.set(next, depth.get(page)! + 1), queue.push(next);
    }
    expect(depth.size).toBe(pages);
    expect(Math.max(...depth.values())).toBeLessThanOrEqual(6 * Math.ceil(Math.log10(pages)));
  });
});

describe('totalsByGroup', () => {
  test('sums rows by group column by column, groups in order of first appearance', () => {
    const keys = ['ames-ia', 'bolton-mo', 'cary-mo', 'dale-ia', 'eden-ks'];
    const counts = [[1, 0, 2], [0, 3, 1], [4, 0, 0], [0, 0, 5], [0, 0, 0]];
    expect(totalsByGroup(keys, counts, (key) => key.slice(-2))).toEqual([
      { group: 'ia', rows: 2, totals: [1, 0, 7] },
      { group: 'mo', rows: 2, totals: [4, 3, 1] },
      { group: 'ks', rows: 1, totals: [0, 0, 0] },
    ]);
  });

  test('the group totals add up to the column totals of the whole table', () => {
    const next = lcg(5);
    const keys = Array.from({ length: 300 }, (_, i) => `p${i}-${['ia', 'mo', 'ks', 'ne'][Math.floor(next() * 4)]}`);
    const counts = keys.map(() => Array.from({ length: 31 }, () => (next() < 0.7 ? 0 : Math.floor(next() * 9))));
    const groups = totalsByGroup(keys, counts, (key) => key.slice(-2));
    expect(groups.reduce((n, g) => n + g.rows, 0)).toBe(300);
    for (let j = 0; j < 31; j++) expect(groups.reduce((n, g) => n + g.totals[j]!, 0)).toBe(counts.reduce((n, row) => n + row[j]!, 0));
  });

  test('no rows, no groups', () => {
    expect(totalsByGroup([], [], () => 'x')).toEqual([]);
  });
});

describe('addresses of later pages (src/core/urls.ts)', () => {
  test.each([
    ['/', 1, ['/policies/state/mo/', '/faqs/state/mo/', '/contacts/state/mo/', '/states/mo/', '/compare/state/mo/', '/compare/metadata/', '/compare/metadata/#place-ames-ia']],
    ['/', 3, ['/policies/state/mo/page/3/', '/faqs/state/mo/page/3/', '/contacts/state/mo/page/3/', '/states/mo/page/3/', '/compare/state/mo/page/3/', '/compare/metadata/page/3/', '/compare/metadata/page/3/#place-ames-ia']],
    ['/kb/', 2, ['/kb/policies/state/mo/page/2/', '/kb/faqs/state/mo/page/2/', '/kb/contacts/state/mo/page/2/', '/kb/states/mo/page/2/', '/kb/compare/state/mo/page/2/', '/kb/compare/metadata/page/2/', '/kb/compare/metadata/page/2/#place-ames-ia']],
  ])('base %s, page %i: page 1 is the list itself, later pages add page/<n>/', (base, page, expected) => {
    const h = createHrefs(base);
    expect([
      h.policiesInState('MO', page), h.faqsInState('MO', page), h.contactsInState('mo', page), h.statePage('MO', page),
      h.compareFilterPage('state', 'mo', page), h.compareGuidelinePage('metadata', page), h.compareCellOnPage('metadata', 'ames-ia', page),
    ]).toEqual(expected);
  });

  test('page 1 of a list has the address the list always had', () => {
    const h = createHrefs('/');
    expect(h.statePage('MO')).toBe(h.state('MO'));
    expect(h.compareFilterPage('type', 'ordinance')).toBe(h.compareFilter('type', 'ordinance'));
    expect(h.compareGuidelinePage('metadata')).toBe(h.compareGuideline('metadata'));
    expect(h.compareCellOnPage('metadata', 'ames-ia', 1)).toBe(h.compareCell('metadata', 'ames-ia'));
  });
});

test('the content budget leaves room for the frame within the page limit', () => {
  expect(PAGE_LIMIT_BYTES).toBe(40 * 1024);
  expect(CONTENT_BUDGET_BYTES).toBeGreaterThan(PAGE_LIMIT_BYTES / 2);
  expect(CONTENT_BUDGET_BYTES).toBeLessThan(PAGE_LIMIT_BYTES);
});
