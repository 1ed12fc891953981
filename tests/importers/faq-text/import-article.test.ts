/** Whole articles through importFaqArticle: one test per variation of the family. */
import { describe, expect, test } from 'vitest';
import { importFaqArticle } from '../../../src/core/importers/faq-text/index.ts';
import { faqSchema } from '../../../src/core/schema/faq.ts';
import { offsetOf, riverbendArticle, type ArticleOptions } from './article-fixture.ts';

const TODAY = '2026-11-23';
const run = (options: ArticleOptions = {}, extra: Parameters<typeof importFaqArticle>[2] = { today: TODAY }) =>
  importFaqArticle(riverbendArticle(options), 'riverbend.txt', extra);

/** 1-based line of a phrase in a text. */
function lineOf(text: string, phrase: string): number {
  return text.slice(0, offsetOf(text, phrase)).split('\n').length;
}

/** Every "[n]" anywhere in the FAQ, frontmatter and body. */
function citedEverywhere(result: ReturnType<typeof run>): number[] {
  const { sources: _sources, ...rest } = result.faq?.data ?? {};
  const text = JSON.stringify(rest) + (result.faq?.body ?? '');
  return [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort();
}

describe('importFaqArticle', () => {
  test('a complete article with a header: every part lands in its field, valid against faqSchema', () => {
    const result = run();
    expect(result.diagnostics).toEqual([]);
    expect(result.place).toEqual({ slug: 'riverbend-mo', name: 'Riverbend', state: 'MO', kind: 'city' });
    const data = faqSchema.parse(result.faq?.data);
    expect(data).toMatchObject({
      title: 'Riverbend Street Camera Data & Records FAQ',
      place: 'riverbend-mo',
      topic: 'street-camera-data-records-faq',
      category: 'Technology and Data',
      published: '2026-04-14',
      last_reviewed: TODAY,
      reading_minutes: 2,
      summary:
        "This FAQ explains how Riverbend, Missouri handles footage from the city's street cameras and requests to see it. It covers who enforces the rules, what a request needs and where to send it.",
    });
    expect(data.enforcement?.fines).toEqual({ status: 'not-specified', text: 'Not specified on the cited page.', sources: [1] });
    expect(data.enforcement?.escalation?.status).toBe('stated');
    expect(data.enforcement?.enforcers.map((e) => e.contact)).toEqual(['riverbend-mo/city-clerk', 'riverbend-mo/police-department']);
    expect(data.forms).toEqual([{ name: 'Footage request form', description: 'Ask the City Clerk for the current form [2].', sources: [2] }]);
    expect(data.questions.map((q) => q.sources)).toEqual([[1], [2]]);
    expect(data.howto).toEqual(['Note the date, time and camera location.', 'Send the request to the City Clerk.']);
    expect(data.takeaways).toHaveLength(2);
    expect(data.sources).toEqual([
      { n: 1, title: 'City Code', kind: 'municipal-code' },
      { n: 2, title: 'Records Request Page', kind: 'city-page' },
    ]);
    expect(result.offices.map((o) => o.slug)).toEqual(['city-clerk', 'police-department']);
    expect(result.report.missing).toEqual([]);
  });

  test('citations everywhere are " [n]" and every one resolves to a source', () => {
    const result = run();
    const numbers = result.faq?.data.sources?.map((s) => s.n) ?? [];
    expect(citedEverywhere(result)).toEqual([1, 2]);
    expect(citedEverywhere(result).every((n) => numbers.includes(n))).toBe(true);
    expect(result.faq?.body).not.toMatch(/\S\[\d+\]/);
    expect(result.faq?.body).not.toContain('City Code[1]');
  });

  test('the body holds the overview, free sections and enforcement prose, not what the frontmatter holds', () => {
    const body = run().faq?.body ?? '';
    expect(body.match(/^## .+$/gm)).toEqual(['## Overview', '## Camera Locations', '## Penalties & Enforcement']);
    expect(body).toContain('The city lists camera locations on its records page [2].');
    expect(body).toContain('Keep a copy of every letter you send.');
    expect(body).not.toContain('Fines');
    expect(body).not.toContain('How long does the city keep camera footage?');
  });

  test('no header line: no published date, category or reading time, and the report says so', () => {
    const result = run({ header: false });
    const data = result.faq?.data;
    expect(data?.published).toBeUndefined();
    expect(data?.category).toBeUndefined();
    expect(data?.reading_minutes).toBeUndefined();
    expect(result.report.missing).toEqual(['header line (category, reading time, publication date)']);
    expect(faqSchema.safeParse(data).success).toBe(true);
  });

  test('"ยท" in the header is repaired and the header still read', () => {
    const result = run({ mojibake: true });
    expect(result.report.repaired).toContain('mis-decoded "ยท" → "·" (1×)');
    expect(result.faq?.data.published).toBe('2026-04-14');
  });

  test.each([
    ['"-" bullets, no blank lines', { bullet: '-', blankLines: false }],
    ['"•" bullets, no blank lines', { bullet: '•', blankLines: false }],
    ['"-" bullets with blank lines', { bullet: '-', blankLines: true }],
    ['Q/A written as "- Q" / "- A" bullets', { qa: 'bullets' }],
  ] as const)('%s: the same FAQ as the reference layout', (_label, options) => {
    expect(run(options).faq?.data).toEqual(run().faq?.data);
  });

  test('input cut off inside the FAQ: complete parts imported, the rest reported missing', () => {
    const full = riverbendArticle();
    const result = importFaqArticle(full.slice(0, offsetOf(full, 'Anyone may ask') + 10), 'cut.txt', { today: TODAY });
    const data = faqSchema.parse(result.faq?.data);
    expect(data.questions.map((q) => q.q)).toEqual(['How long does the city keep camera footage?']);
    expect(data.howto).toEqual([]);
    expect(result.report.missing).toEqual([
      `end of the article: the input stops mid-sentence at line ${lineOf(full, 'Anyone may')} (in "FAQ"); left out the cut-off words "Anyone may"`,
      'section "How-To"',
      'section "Key Takeaways"',
      `answer to the question "Who may ask to see footage?" (line ${lineOf(full, 'Who may ask')})`,
      'section "Help and Support / Resources"',
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'faq-import-truncated', severity: 'warning', line: lineOf(full, 'Anyone may') })]);
  });

  test('input cut off at a heading: that section is reported as stopping at its heading', () => {
    const full = riverbendArticle();
    const result = importFaqArticle(full.slice(0, offsetOf(full, 'Key Takeaways') + 'Key Takeaways'.length), 'cut.txt', { today: TODAY });
    expect(result.report.missing).toContain('section "Key Takeaways" (the input stops at its heading)');
    expect(result.report.missing.some((m) => m.startsWith('end of the article'))).toBe(false);
  });

  test('input cut off inside an enforcement bullet: the broken bullet is not imported as a facet', () => {
    const full = riverbendArticle();
    const result = importFaqArticle(full.slice(0, offsetOf(full, 'Appeals and review') + 25), 'cut.txt', { today: TODAY });
    expect(result.faq?.data.enforcement?.appeals).toBeUndefined();
    expect(result.report.missing).toContain('enforcement facet "appeals"');
    expect(faqSchema.safeParse(result.faq?.data).success).toBe(true);
  });

  test('a place already in the content keeps its slug and name', () => {
    const result = run({}, { today: TODAY, knownPlaces: [{ slug: 'riverbend-mo', name: 'Riverbend', state: 'MO' }] });
    expect(result.place?.slug).toBe('riverbend-mo');
    const renamed = run({}, { today: TODAY, knownPlaces: [{ slug: 'riverbend-city-mo', name: 'Riverbend', state: 'MO' }] });
    expect(renamed.faq?.data.place).toBe('riverbend-city-mo');
  });

  test('an office already in the content is linked, not made again', () => {
    const result = run({}, { today: TODAY, knownContacts: [{ id: 'riverbend-mo/city-clerk', name: 'City Clerk' }] });
    expect(result.faq?.data.enforcement?.enforcers?.map((e) => e.contact)).toEqual(['riverbend-mo/city-clerk', 'riverbend-mo/police-department']);
    expect(result.offices.map((o) => o.slug)).toEqual(['police-department']);
  });

  test('kind is "city" only when the text calls the place a city', () => {
    const town = riverbendArticle().replace(/the city's street cameras/, 'county street cameras').replace(/The city lists/, 'Riverbend is an unincorporated town; the county lists');
    expect(importFaqArticle(town, 't.txt', { today: TODAY }).place?.kind).toBe('local');
  });

  test('"Paradise, NV" in the title: place from the USPS code, topic without the place', () => {
    const text = 'Paradise, NV Camera Data Guide\nThis guide explains how public bodies serving Paradise, Nevada share camera data.\nPenalties & Enforcement\n- Fines: not specified on the cited page.';
    const result = importFaqArticle(text, 'p.txt', { today: TODAY });
    expect(result.place).toMatchObject({ slug: 'paradise-nv', name: 'Paradise', state: 'NV' });
    expect(result.faq?.data.topic).toBe('camera-data-guide');
  });

  test('an article naming no place is an error with the file, line and field', () => {
    const result = importFaqArticle('Camera Data FAQ\nThis guide explains camera data.', 'none.txt', { today: TODAY });
    expect(result.faq).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'none.txt', line: 1, rule: 'faq-import-place', severity: 'error', field: 'place' }),
    ]);
  });

  test('an empty file is an error, not a throw', () => {
    expect(importFaqArticle('\n\n', 'empty.txt', { today: TODAY }).diagnostics).toEqual([
      expect.objectContaining({ file: 'empty.txt', rule: 'faq-import-empty', severity: 'error' }),
    ]);
  });
});
