/**
 * The comparison functions behind /compare/: filtered matrices, facet values,
 * grouping and paging of passages, and the CSV/JSON downloads.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  compareFacets, compareMatrix, csvField, filterPolicies, groupPassagesByPlace, legalTypeSlug, matrixCsv, matrixJson,
  paginatePassages, toCsv, type CompareFilter, type MatrixJsonSource,
  repeatedPassages,
} from '../../src/core/graph/compare.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/core/index.ts';
import type { Passage } from '../../src/core/passages/extract.ts';
import { toContentFile } from '../../src/core/write/serialize.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const guidelines = [
  { code: 'alpha', number: 1, name: 'Alpha', category: 'c1' },
  { code: 'beta', number: 2, name: 'Beta', category: 'c1' },
  { code: 'gamma', number: 3, name: 'Gamma', category: 'c2' },
];

function policy(id: string, place: string, legal: string, year: number, counts: Record<string, number>) {
  return { id, place, counts, doc: { data: { legal_custom: legal, year } } };
}

/** Three places in two states; one place has two policies of different types and years. */
const source = {
  guidelines,
  places: [
    { id: 'ames-ia', name: 'Ames', state: 'IA' },
    { id: 'bolton-mo', name: 'Bolton', state: 'MO' },
    { id: 'cary-mo', name: 'Cary, "the town"', state: 'MO' },
    { id: 'dale-mo', name: 'Dale', state: 'MO' }, // no policies: never in a matrix
  ],
  policies: [
    policy('ames-ia-2015', 'ames-ia', 'Ordinance', 2015, { alpha: 2 }),
    policy('bolton-mo-2015', 'bolton-mo', 'Executive Order', 2015, { alpha: 1, gamma: 4 }),
    policy('bolton-mo-2019', 'bolton-mo', 'Ordinance', 2019, { beta: 3, gamma: 1 }),
    policy('cary-mo-2019', 'cary-mo', 'ordinance', 2019, {}),
  ],
} satisfies MatrixJsonSource;

describe('compareMatrix', () => {
  test.each<[string, CompareFilter | undefined, Record<string, number[]>]>([
    ['no filter: every place with a policy, all policies summed', undefined, { 'ames-ia': [2, 0, 0], 'bolton-mo': [1, 3, 5], 'cary-mo': [0, 0, 0] }],
    ['state keeps the places of that state', { facet: 'state', value: 'mo' }, { 'bolton-mo': [1, 3, 5], 'cary-mo': [0, 0, 0] }],
    // Bolton's 2015 executive order drops out; "ordinance" and "Ordinance" are one type.
    ['type keeps only policies of that type', { facet: 'type', value: 'ordinance' }, { 'ames-ia': [2, 0, 0], 'bolton-mo': [0, 3, 1], 'cary-mo': [0, 0, 0] }],
    ['year keeps only policies of that year', { facet: 'year', value: '2015' }, { 'ames-ia': [2, 0, 0], 'bolton-mo': [1, 0, 4] }],
    ['a value nobody has gives an empty matrix', { facet: 'year', value: '1999' }, {}],
  ])('%s', (_name, filter, expected) => {
    const matrix = compareMatrix(source, filter);
    expect(matrix.guidelines).toEqual(['alpha', 'beta', 'gamma']);
    expect(Object.fromEntries(matrix.places.map((p, i) => [p, matrix.counts[i]]))).toEqual(expected);
    expect(matrix.policies).toEqual(matrix.places.map((p) => filterPolicies(source, filter).filter((x) => x.place === p).length));
  });
});

describe('compareFacets', () => {
  const facets = compareFacets(source);
  test('states by code, labelled with their names, counting places and policies', () => {
    expect(facets.state).toEqual([
      { facet: 'state', value: 'ia', label: 'Iowa', places: 1, policies: 1 },
      { facet: 'state', value: 'mo', label: 'Missouri', places: 2, policies: 3 },
    ]);
  });
  test('legal types merge spellings under one slug, labelled by the first spelling', () => {
    expect(facets.type.map((v) => [v.value, v.label, v.places, v.policies])).toEqual([
      ['executive-order', 'Executive Order', 1, 1],
      ['ordinance', 'Ordinance', 3, 3],
    ]);
  });
  test('years ascending', () => {
    expect(facets.year.map((v) => [v.value, v.policies])).toEqual([['2015', 2], ['2019', 2]]);
  });
  test('every facet value filters to a non-empty matrix whose policies add up', () => {
    for (const values of Object.values(facets)) {
      for (const v of values) {
        const matrix = compareMatrix(source, v);
        expect(matrix.places.length).toBe(v.places);
        expect(matrix.policies.reduce((a, b) => a + b, 0)).toBe(v.policies);
      }
    }
  });
});

test.each([
  ['Executive Order', 'executive-order'],
  ['  Administrative Policy ', 'administrative-policy'],
  ['Resolution (non-binding)', 'resolution-non-binding'],
])('legalTypeSlug(%j) is %j', (label, expected) => {
  expect(legalTypeSlug(label)).toBe(expected);
});

function passage(policyId: string, guideline: string, ordinal: number, text = 'x'): Passage {
  return {
    anchor: `g-${guideline}-${ordinal}`, guideline, policy: policyId, ordinal, text,
    paragraphs: 1, line: 1, column: 1, depth: 0, start: 0, end: 0,
  };
}

describe('groupPassagesByPlace', () => {
  test('groups by place then policy, keeping order', () => {
    const list = [passage('a-1', 'g', 1), passage('a-1', 'g', 2), passage('a-2', 'g', 1), passage('b-1', 'g', 1)];
    const groups = groupPassagesByPlace(list, (id) => id.split('-')[0]!);
    expect(groups.map((g) => [g.place, g.policies.map((p) => [p.policy, p.passages.map((x) => x.ordinal)])])).toEqual([
      ['a', [['a-1', [1, 2]], ['a-2', [1]]]],
      ['b', [['b-1', [1]]]],
    ]);
    expect(groups.flatMap((g) => g.policies.flatMap((p) => p.passages))).toEqual(list);
  });
});

describe('paginatePassages', () => {
  // Headings cost nothing here unless a test says so, to keep the arithmetic visible.
  const paging = { maxPassages: 3, maxBytes: 100, perPassage: 10, perPolicy: 0, perPlace: 0 };
  const placeOf = (policy: string) => policy.split('-')[0]!;
  test('no passages, no pages', () => {
    expect(paginatePassages([], placeOf, paging)).toEqual([]);
  });
  test.each([
    // 5 short passages: the count limit cuts at 3.
    ['count limit', [5, 5, 5, 5, 5], [3, 2]],
    // weights 40+40 fit, a third 40 would make 120 > 100.
    ['text limit', [30, 30, 30, 30], [2, 2]],
    // a passage longer than a whole page still gets a page of its own, whole.
    ['oversized passage', [10, 500, 10], [1, 1, 1]],
  ])('%s', (_name, lengths, sizes) => {
    const list = lengths.map((n, i) => passage('a-1', 'g', i + 1, 'a'.repeat(n)));
    const pages = paginatePassages(list, placeOf, paging);
    expect(pages.map((p) => p.length)).toEqual(sizes);
    expect(pages.flat()).toEqual(list); // nothing lost, nothing reordered, nothing cut
  });
  test('the text limit counts UTF-8 bytes: 30 em dashes weigh 90 + 10, 30 letters 30 + 10', () => {
    const list = [1, 2].map((i) => passage('a-1', 'g', i, '—'.repeat(30)));
    expect(paginatePassages(list, placeOf, paging).map((p) => p.length)).toEqual([1, 1]);
    expect(paginatePassages(list.map((x) => ({ ...x, text: 'a'.repeat(30) })), placeOf, paging).map((p) => p.length)).toEqual([2]);
  });
  test('a new policy or place costs its heading, and every page starts with both', () => {
    const headed = { ...paging, maxPassages: 10, perPolicy: 15, perPlace: 20 };
    // Each passage weighs 10 + 10. First: 20 + 15 + 20 = 55. Same policy: +20 → 75.
    // Other policy, same place: +20 + 15 → 110 > 100, so a new page, which pays both headings again.
    const list = [passage('a-1', 'g', 1, 'x'.repeat(10)), passage('a-1', 'g', 2, 'x'.repeat(10)), passage('a-2', 'g', 1, 'x'.repeat(10))];
    expect(paginatePassages(list, placeOf, headed).map((p) => p.map((x) => `${x.policy}/${x.ordinal}`))).toEqual([['a-1/1', 'a-1/2'], ['a-2/1']]);
    // Without heading costs all three fit (60).
    expect(paginatePassages(list, placeOf, paging).map((p) => p.length)).toEqual([3]);
  });
});

describe('CSV', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [7, '7'],
  ])('csvField(%j) is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
  test('records end in CRLF, header first', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
  test('matrixCsv and matrixJson hold the same numbers', () => {
    const matrix = compareMatrix(source);
    const csv = matrixCsv(source, matrix);
    const json = matrixJson(source, matrix);
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('place_id,place_name,state,alpha,beta,gamma');
    expect(lines[3]).toBe('cary-mo,"Cary, ""the town""",MO,0,0,0');
    expect(json.places.map((p) => [p.id, p.state, ...Object.values(p.counts)])).toEqual(
      matrix.places.map((id, i) => [id, source.places.find((p) => p.id === id)!.state, ...matrix.counts[i]!]),
    );
    expect(json.guidelines.map((g) => g.code)).toEqual(matrix.guidelines);
  });
});

describe('on a knowledge graph built from content files', () => {
  let dir: string;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-compare-'));
    await cp(path.join(repoRoot, 'content/guidelines'), path.join(dir, 'guidelines'), { recursive: true });
    await mkdir(path.join(dir, 'places'));
    await mkdir(path.join(dir, 'policies'));
    await writeFile(path.join(dir, 'places/ames-ia.md'), toContentFile({ name: 'Ames', kind: 'city', state: 'IA' }));
    await writeFile(path.join(dir, 'places/bolton-mo.md'), toContentFile({ name: 'Bolton', kind: 'city', state: 'MO' }));
    const write = (id: string, data: Record<string, unknown>, body: string) =>
      writeFile(path.join(dir, `policies/${id}.md`), toContentFile({ policy_url: 'https://example.org/p', sunlight: false, ...data }, body));
    await write('ames-ia-2016', { title: 'A', place: 'ames-ia', year: 2016, legal_custom: 'Ordinance' },
      '<span class="g-metadata">One <span class="g-open-formats">two</span>.</span>\n\n<span class="g-metadata">Three</span>');
    await write('bolton-mo-2015-01-02', { title: 'B', place: 'bolton-mo', year: 2015, date: '2015-01-02', legal_custom: 'Executive Order' },
      '<span class="g-timelines">Four.\n\nFive.</span>');
    await write('bolton-mo-2018-05-06', { title: 'C', place: 'bolton-mo', year: 2018, date: '2018-05-06', legal_custom: 'Ordinance' },
      '<span class="g-metadata">Six</span>');
    ({ kb } = await loadKnowledgeBase(dir, { today: '2026-01-01' }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('without a filter the matrix is the graph\'s own', () => {
    const { policies: _policies, ...matrix } = compareMatrix(kb);
    expect(matrix).toEqual(kb.matrix);
  });
  test('the type filter counts passages of that type only', () => {
    const matrix = compareMatrix(kb, { facet: 'type', value: 'ordinance' });
    const at = (place: string, code: string) => matrix.counts[matrix.places.indexOf(place)]![matrix.guidelines.indexOf(code)];
    expect(at('ames-ia', 'metadata')).toBe(2);
    expect(at('bolton-mo', 'metadata')).toBe(1);
    expect(at('bolton-mo', 'timelines')).toBe(0);
  });
  test('passages of a guideline group by place and policy in the graph\'s order', () => {
    const metadata = kb.guideline('metadata')!;
    const groups = groupPassagesByPlace(metadata.passages, (id) => kb.policy(id)!.place);
    expect(groups.map((g) => [g.place, g.policies.map((p) => [p.policy, p.passages.length])])).toEqual([
      ['ames-ia', [['ames-ia-2016', 2]]],
      ['bolton-mo', [['bolton-mo-2018-05-06', 1]]],
    ]);
  });
});

describe('repeatedPassages (the picker names a passage an amended version repeats)', () => {
  const passage = (policy: string, text: string) => ({ policy, text }) as unknown as Passage;
  test('a passage repeated word for word (whitespace aside) by a later policy of the place maps to the first', () => {
    const first = passage('p-2016', 'The city shall publish\n\nits data.');
    const own = passage('p-2016', 'Only in 2016.');
    const again = passage('p-2019', 'The city  shall publish\n\nits   data.');
    const changed = passage('p-2019', 'The city shall publish its data sets.');
    const thrice = passage('p-2022', 'The city shall publish\n\nits data.');
    const repeats = repeatedPassages({ place: 'x', policies: [{ policy: 'p-2016', passages: [first, own] }, { policy: 'p-2019', passages: [again, changed] }, { policy: 'p-2022', passages: [thrice] }] });
    expect([...repeats]).toEqual([[again, first], [thrice, first]]);
  });
  test('the same words twice in one policy are both quoted: only another version repeats', () => {
    const a = passage('p', 'Same.');
    const b = passage('p', 'Same.');
    expect(repeatedPassages({ place: 'x', policies: [{ policy: 'p', passages: [a, b] }] }).size).toBe(0);
  });
});
