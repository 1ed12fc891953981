/** Reading the raw text: mojibake, dropped apostrophes, bullet marks, the optional header line. */
import { describe, expect, test } from 'vitest';
import { normalizeText } from '../../../src/core/importers/faq-text/normalize-text.ts';
import { parseHeader, readHeaderLine, toIsoDate } from '../../../src/core/importers/faq-text/parse-header.ts';

describe('normalizeText', () => {
  test('"ยท" (UTF-8 "·" read as Windows-874) becomes "·" and is reported', () => {
    const { lines, repaired } = normalizeText('Title\nTechnology and Data Ohio 2 Minutes Read ยท published May 02, 2026 Flag of Ohio');
    expect(lines[1]?.text).toContain('Read · published');
    expect(repaired).toEqual(['mis-decoded "ยท" → "·" (1×)']);
  });

  test.each([
    ['the citys portal', "the city's portal", 'citys'],
    ['the City Clerks records page', "the City Clerk's records page", 'City Clerks'],
    ['check each datasets metadata', "check each dataset's metadata", 'each datasets'],
    ['The portals dataset pages', "The portal's dataset pages", 'the portals'],
  ])('dropped apostrophe: %s', (input, expected, label) => {
    const { lines, repaired } = normalizeText(input);
    expect(lines[0]?.text).toBe(expected);
    expect(repaired.join()).toContain(label);
  });

  test('a plural that may be right is left alone', () => {
    expect(normalizeText('The City Clerks.').lines[0]?.text).toBe('The City Clerks.');
    expect(normalizeText('Some datasets are large.').repaired).toEqual([]);
  });

  test('"code.City Code[1]": a sentence glued to a link text gets its space back', () => {
    const { lines, repaired } = normalizeText('listed in the code.City Code[1]');
    expect(lines[0]?.text).toBe('listed in the code. City Code[1]');
    expect(repaired).toHaveLength(1);
  });

  test('a domain is not a glued sentence', () => {
    expect(normalizeText('Portal: data.riverbend.gov[1]').repaired).toEqual([]);
  });

  test.each([
    ['  • Fines: none.', 'bullet', 'Fines: none.'],
    ['- Fines: none.', 'bullet', 'Fines: none.'],
    ['  2. Send it.', 'number', 'Send it.'],
    ['A plain line.', 'none', 'A plain line.'],
  ] as const)('marks %j as %s', (input, mark, text) => {
    expect(normalizeText(input).lines[0]).toEqual({ line: 1, text, mark });
  });

  test('blank lines are dropped but line numbers stay those of the input', () => {
    expect(normalizeText('One\n\n\nTwo').lines.map((l) => l.line)).toEqual([1, 4]);
  });
});

describe('header line', () => {
  test('category, state, reading time and publication date', () => {
    const header = readHeaderLine({ line: 3, mark: 'none', text: 'Technology and Data Missouri 4 Minutes Read · published March 01, 2026 Flag of Missouri' });
    expect(header).toEqual({ line: 3, category: 'Technology and Data', state: 'MO', readingMinutes: 4, published: '2026-03-01' });
  });

  test('the longest state name wins ("West Virginia", not "Virginia")', () => {
    const header = readHeaderLine({ line: 2, mark: 'none', text: 'Public Safety West Virginia 1 Minute Read · published June 9, 2026 Flag of West Virginia' });
    expect(header?.state).toBe('WV');
    expect(header?.category).toBe('Public Safety');
  });

  test('no header: the line under the title is the first paragraph', () => {
    const top = parseHeader([
      { line: 1, mark: 'none', text: 'Riverbend Camera FAQ' },
      { line: 2, mark: 'none', text: 'Riverbend, Missouri runs street cameras.' },
    ]);
    expect(top.header).toBeUndefined();
    expect(top.title?.text).toBe('Riverbend Camera FAQ');
    expect(top.rest).toHaveLength(1);
  });

  test.each([
    ['March 01, 2026', '2026-03-01'],
    ['Sept 5, 2025', '2025-09-05'],
    ['February 30, 2026', undefined],
    ['Smarch 01, 2026', undefined],
  ])('date %s → %s (never a guessed date)', (written, iso) => {
    expect(toIsoDate(written)).toBe(iso);
  });
});
