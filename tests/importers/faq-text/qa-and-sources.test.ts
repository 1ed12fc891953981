/** The FAQ section in both layouts, and numbered sources from citations and the Resources list. */
import { describe, expect, test } from 'vitest';
import { parseCitations, type Citation } from '../../../src/core/importers/faq-text/citations.ts';
import { normalizeText } from '../../../src/core/importers/faq-text/normalize-text.ts';
import { parseQa } from '../../../src/core/importers/faq-text/parse-qa.ts';
import { parseSources, sourceKind } from '../../../src/core/importers/faq-text/parse-sources.ts';

const lines = (text: string) => normalizeText(text).lines;

describe('parseQa', () => {
  const expected = [
    { q: 'Who keeps camera footage?', a: 'The City Clerk keeps it [1].', sources: [1], line: 1 },
    { q: 'Can I get a copy?', a: 'Yes, through a records request. Fees may apply [2].', sources: [2], line: 3 },
  ];

  test.each([
    ['question line / answer line', 'Who keeps camera footage?\nThe City Clerk keeps it [1].\nCan I get a copy?\nYes, through a records request.\nFees may apply [2].'],
    ['"- Q" / "- A" bullets', '- Who keeps camera footage?\n- The City Clerk keeps it [1].\n- Can I get a copy?\n- Yes, through a records request.\n- Fees may apply [2].'],
    ['"Q:" / "A:" prefixes', 'Q: Who keeps camera footage?\nA: The City Clerk keeps it [1].\nQ: Can I get a copy?\nA: Yes, through a records request.\nFees may apply [2].'],
  ])('%s', (_style, text) => {
    const parsed = parseQa(lines(text));
    expect(parsed.questions).toEqual(expected);
    expect(parsed.unanswered).toEqual([]);
  });

  test('a question the input stops before answering is reported, not imported', () => {
    const parsed = parseQa(lines('Intro for the questions.\nWho keeps footage?\nThe Clerk.\nHow long is it kept?'));
    expect(parsed.questions.map((q) => q.q)).toEqual(['Who keeps footage?']);
    expect(parsed.unanswered).toEqual([{ q: 'How long is it kept?', line: 4 }]);
    expect(parsed.leftover.map((l) => l.text)).toEqual(['Intro for the questions.']);
  });
});

/** Citations of a few paragraphs, as the importer collects them. */
function citationsOf(...paragraphs: string[]): Citation[] {
  return paragraphs.flatMap((p) => parseCitations(p).citations);
}

describe('parseSources', () => {
  test('link texts name sources; the URL stays absent', () => {
    const { sources } = parseSources(citationsOf('See the code publisher linked below Municipal Code[1].', 'Browse the portal Open Data Portal[2].'), undefined);
    expect(sources).toEqual([
      { n: 1, title: 'Municipal Code', kind: 'municipal-code' },
      { n: 2, title: 'Open Data Portal', kind: 'portal' },
    ]);
    expect(sources.every((s) => !('url' in s))).toBe(true);
  });

  test('a Resources item that carries its number wins over the link text', () => {
    const resources = lines('1. [1] Riverbend Code of Ordinances - Municode');
    const { sources } = parseSources(citationsOf('in city departments and the code. City Code[1]'), resources);
    expect(sources).toEqual([{ n: 1, title: 'Riverbend Code of Ordinances - Municode', kind: 'municipal-code' }]);
  });

  test('bare markers take the Resources items by position when there are as many items as numbers', () => {
    const resources = lines('- Riverbend Municipal Code\n- City Clerk - Records Requests');
    const { sources, repaired } = parseSources(citationsOf('the code publisher site [1] and the clerk pages [2].'), resources);
    expect(sources.map((s) => [s.n, s.title, s.kind])).toEqual([
      [1, 'Riverbend Municipal Code', 'municipal-code'],
      [2, 'City Clerk - Records Requests', 'city-page'],
    ]);
    expect(repaired).toEqual(['numbered the 2 Resources items by position ([1]–[2])']);
  });

  test('more items than numbers: position is trusted only where the words around each marker match its item', () => {
    const resources = lines('- Riverbend Municipal Code\n- City Clerk - Records Requests\n- Office of the City Manager - Contacts');
    const matching = parseSources(citationsOf('the municipal code publisher site [1] and the Clerk records pages [2].'), resources);
    expect(matching.sources.map((s) => s.title)).toEqual(['Riverbend Municipal Code', 'City Clerk - Records Requests', 'Office of the City Manager - Contacts']);
    const crossed = parseSources(citationsOf('the Clerk records pages [1] and the municipal code publisher site [2].'), resources);
    expect(crossed.sources.map((s) => s.title)).toEqual(['Clerk records pages', 'Municipal code publisher site']);
    expect(crossed.missing).toContain('title of source [1]: the article does not name it; used its own words "Clerk records pages"');
  });

  test('a source named nowhere gets a title that says so, and is reported', () => {
    const { sources, missing } = parseSources(citationsOf('Fines are not specified on the cited page.[1]'), undefined);
    expect(sources).toEqual([{ n: 1, title: 'Source 1 (not named in the article)', kind: 'other' }]);
    expect(missing).toEqual(['title of source [1]: the article does not name it', 'section "Help and Support / Resources"']);
  });

  test('a Resources heading with nothing under it is reported as cut off', () => {
    expect(parseSources([], []).missing).toEqual(['the Resources list (the input stops at its heading)']);
  });

  test.each([
    ['City of Riverbend Code of Ordinances - Municode', 'municipal-code'],
    ['Chapter 610 of the Missouri Revised Statutes', 'statute'],
    ['RSMo 610.023', 'statute'],
    ['Open Data Portal', 'portal'],
    ['data.riverbend.gov', 'portal'],
    ['City Clerk - Open Records and Contact', 'city-page'],
    ['Riverbend Code Enforcement', 'city-page'],
    ['Footage request form', 'form'],
    ['Money transmission licensing', 'other'],
  ] as const)('kind of "%s" → %s', (title, kind) => {
    expect(sourceKind(title)).toBe(kind);
  });
});
