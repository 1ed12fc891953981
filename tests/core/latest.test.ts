/**
 * latestChanges: the home page's and the feed's "Latest changes", computed on
 * a real knowledge graph built from content files held in memory.
 */
import { describe, expect, test } from 'vitest';
import { buildKnowledgeBase } from '../../src/core/graph/build-graph.ts';
import { compareLatest, latestChanges, LATEST_CHANGES_LIMIT, type LatestChange } from '../../src/core/graph/latest.ts';
import { parseDocuments } from '../../src/core/load/load-content.ts';
import { ruleContext } from '../../src/core/rules/context.ts';
import { toContentFile } from '../../src/core/write/serialize.ts';

const TODAY = '2026-06-01';

function place(slug: string, name: string): { relative: string; text: string } {
  return { relative: `places/${slug}.md`, text: toContentFile({ name, kind: 'city', state: 'MO' }) };
}

function faq(placeSlug: string, topic: string, lastReviewed: string) {
  return {
    relative: `faqs/${placeSlug}/${topic}.md`,
    text: toContentFile({
      title: `Guide ${topic}`, place: placeSlug, topic, last_reviewed: lastReviewed, summary: 'A short summary.',
    }),
  };
}

function policy(id: string, placeSlug: string, year: number, date?: string) {
  return {
    relative: `policies/${id}.md`,
    text: toContentFile({ title: `Policy ${id}`, place: placeSlug, year, date, legal_custom: 'Ordinance', sunlight: false, no_text: true }),
  };
}

function graphOf(files: { relative: string; text: string }[]) {
  const parsed = parseDocuments(files.map((f) => ({ ...f, file: `content/${f.relative}` })));
  expect(parsed.diagnostics).toEqual([]);
  return buildKnowledgeBase(ruleContext(parsed.documents, TODAY, parsed.bodies));
}

const smallGraph = () =>
  graphOf([
    place('alpha-mo', 'Alpha'),
    place('beta-mo', 'Beta'),
    faq('alpha-mo', 'parking', '2025-03-10'),
    faq('beta-mo', 'records', '2026-01-20'),
    faq('beta-mo', 'noise', '2026-01-20'),
    policy('alpha-mo-2016-03-15', 'alpha-mo', 2016, '2016-03-15'),
    policy('beta-mo-2016', 'beta-mo', 2016),
    policy('beta-mo-2025-12-01', 'beta-mo', 2025, '2025-12-01'),
  ]);

describe('latestChanges', () => {
  test('lists FAQ reviews and policy adoptions newest first, with their places named', () => {
    const list = latestChanges(smallGraph());
    expect(list.map((c) => [c.kind, c.id, c.date])).toEqual([
      // Same day: tie broken by id.
      ['faq-reviewed', 'beta-mo/noise', '2026-01-20'],
      ['faq-reviewed', 'beta-mo/records', '2026-01-20'],
      ['policy-adopted', 'beta-mo-2025-12-01', '2025-12-01'],
      ['faq-reviewed', 'alpha-mo/parking', '2025-03-10'],
      ['policy-adopted', 'alpha-mo-2016-03-15', '2016-03-15'],
      // Only the year is known: after every dated event of 2016.
      ['policy-adopted', 'beta-mo-2016', '2016'],
    ]);
    expect(list.find((c) => c.id === 'alpha-mo/parking')).toMatchObject({ title: 'Guide parking', place: 'alpha-mo', placeName: 'Alpha', precision: 'day' });
    expect(list.find((c) => c.id === 'beta-mo-2016')?.precision).toBe('year');
  });

  test.each([
    [0, 0],
    [2, 2],
    [LATEST_CHANGES_LIMIT, 6],
    [Number.POSITIVE_INFINITY, 6],
  ])('limit %s gives %i items, the newest ones', (limit, expected) => {
    const all = latestChanges(smallGraph(), Number.POSITIVE_INFINITY);
    const cut = latestChanges(smallGraph(), limit);
    expect(cut).toHaveLength(expected);
    expect(cut).toEqual(all.slice(0, expected));
  });

  test('cuts at ten by default', () => {
    const files = [place('alpha-mo', 'Alpha')];
    for (let day = 1; day <= 12; day += 1) files.push(faq('alpha-mo', `topic-${day}`, `2026-02-${String(day).padStart(2, '0')}`));
    const list = latestChanges(graphOf(files));
    expect(list).toHaveLength(10);
    expect(list[0]?.date).toBe('2026-02-12');
    expect(list.at(-1)?.date).toBe('2026-02-03');
  });

  test('an empty knowledge base has no changes', () => {
    expect(latestChanges(graphOf([]))).toEqual([]);
  });

  test('order does not depend on the order of the input', () => {
    const kb = smallGraph();
    const reversed = { faqs: [...kb.faqs].reverse(), policies: [...kb.policies].reverse(), place: kb.place };
    expect(latestChanges(reversed)).toEqual(latestChanges(kb));
  });
});

describe('compareLatest', () => {
  const item = (kind: LatestChange['kind'], id: string, date: string): LatestChange => ({
    kind, id, date, title: id, place: 'p', placeName: 'P', precision: date.length === 4 ? 'year' : 'day',
  });
  test.each([
    ['newer date first', item('policy-adopted', 'b', '2024-01-02'), item('faq-reviewed', 'a', '2024-01-01'), -1],
    ['a bare year after a date of that year', item('policy-adopted', 'a', '2024'), item('policy-adopted', 'b', '2024-01-01'), 1],
    ['a bare year before a date of the year before', item('policy-adopted', 'a', '2024'), item('policy-adopted', 'b', '2023-12-31'), -1],
    ['same date: FAQ before policy', item('faq-reviewed', 'z', '2024-05-05'), item('policy-adopted', 'a', '2024-05-05'), -1],
    ['same date and kind: by id', item('faq-reviewed', 'a', '2024-05-05'), item('faq-reviewed', 'b', '2024-05-05'), -1],
  ])('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareLatest(a, b))).toBe(sign);
    expect(Math.sign(compareLatest(b, a))).toBe(-sign);
  });
});
