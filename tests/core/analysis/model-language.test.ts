/**
 * Model language picks: shortest usable passages, repeated wording across
 * policies, and the most central passage when nothing repeats — on small
 * written sources and on the written content fixture.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allModelLanguage, jaccard, MIN_WORDS, modelLanguage, normalizeText, type ModelSource,
} from '../../../src/core/analysis/model-language.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/core/index.ts';
import { writeAnalysisFixture } from './fixture.ts';

const words = (n: number, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function source(passages: [policy: string, text: string][]): ModelSource {
  return {
    guidelines: [{ code: 'g', passages: passages.map(([policy, text], i) => ({ policy, anchor: `g-g-${i + 1}`, start: i, text })) }],
    policies: [...new Set(passages.map(([p]) => p))].map((id) => ({ id, place: `${id}-place` })),
  };
}

describe('helpers', () => {
  test.each([
    ['Shall publish — data.', 'shall publish data'],
    ['  Café   “Open”\n\nData!  ', 'cafe open data'],
    ['§ 2-101(a)', '2 101 a'],
  ])('normalizeText(%j) = %j', (input, expected) => expect(normalizeText(input)).toBe(expected));

  test.each([
    [['a', 'b'], ['b', 'c'], 1 / 3],
    [['a'], ['a'], 1],
    [['a'], ['b'], 0],
    [[], [], 0],
  ])('jaccard(%j, %j) = %d', (a, b, expected) => expect(jaccard(new Set(a), new Set(b))).toBeCloseTo(expected, 10));
});

describe('modelLanguage on written sources', () => {
  test(`shortest: at least ${MIN_WORDS} words, three, shortest first, each wording once`, () => {
    const result = modelLanguage(source([
      ['p1', words(MIN_WORDS - 1)],
      ['p1', words(20)],
      ['p2', words(14)],
      ['p2', words(MIN_WORDS)],
      ['p3', words(MIN_WORDS)], // same wording as p2's: shown once
      ['p3', words(13)],
    ]), 'g')!;
    expect(result.shortest.map((p) => [p.policy, p.words])).toEqual([['p2', 12], ['p3', 13], ['p2', 14]]);
    expect(result).toMatchObject({ passages: 6, eligible: 5, policies: 3 });
  });

  test('repeated wording (after normalizing) in two or more policies wins, most policies first', () => {
    const shared = `The City shall publish ${words(10)}.`;
    const result = modelLanguage(source([
      ['p1', shared],
      ['p2', shared.toUpperCase().replace('.', '!')],
      ['p3', shared],
      ['p1', `Another clause ${words(12, 'x')}`],
      ['p2', `another clause ${words(12, 'x')}`],
      ['p1', words(15, 'solo')],
    ]), 'g')!;
    expect(result.method).toBe('repeated');
    expect(result.common.map((c) => c.policies)).toEqual([['p1', 'p2', 'p3'], ['p1', 'p2']]);
    // The first occurrence is quoted and linked.
    expect(result.common[0]).toMatchObject({ policy: 'p1', anchor: 'g-g-1', text: shared });
  });

  test('when nothing repeats, the passage closest to the other policies is the most common', () => {
    const result = modelLanguage(source([
      ['p1', 'data shall be published in open formats on the portal every month without fail'],
      ['p2', 'data shall be published in open formats on the city portal each quarter at least'],
      ['p3', 'data shall be published in open formats on the portal every week by staff'],
      ['p4', 'the mayor appoints a chief data officer who reports to the council once a year'],
    ]), 'g')!;
    expect(result.method).toBe('central');
    // p1 and p3 share the most words with the others (a tie, kept in text order); p4 is the odd one out.
    expect(result.common.map((c) => c.policy)).toEqual(['p1', 'p3', 'p2']);
    const [first, second, third] = result.common.map((c) => c.centrality!);
    expect(first).toBe(second);
    expect(second).toBeGreaterThan(third!);
    expect(result.common.every((c) => c.policies.length === 1)).toBe(true);
  });

  test('a single policy leaves nothing to compare', () => {
    const result = modelLanguage(source([['p1', words(12)], ['p1', words(12)]]), 'g')!;
    expect(result).toMatchObject({ method: 'none', common: [] });
    expect(result.shortest).toHaveLength(1);
  });

  test('unknown guideline', () => expect(modelLanguage(source([]), 'nope')).toBeUndefined());
});

describe('modelLanguage on the content fixture', () => {
  let dir = '';
  let kb: KnowledgeBase;
  beforeAll(async () => {
    dir = await writeAnalysisFixture();
    kb = (await loadKnowledgeBase(dir)).kb;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('every guideline gets an entry, in guideline order', () => {
    expect(allModelLanguage(kb).map((m) => m.code)).toEqual(kb.guidelines.map((g) => g.code));
  });

  test.each([
    ['open-formats', 'repeated', 4],
    ['future-review', 'repeated', 2],
    ['metadata', 'central', 1],
    ['public-apis', 'none', 0],
  ])('%s: %s', (code, method, firstSharedBy) => {
    const result = modelLanguage(kb, code)!;
    expect(result.method).toBe(method);
    if (firstSharedBy) expect(result.common[0]!.policies).toHaveLength(firstSharedBy);
    // Every pick points at a real passage of that policy, with its text.
    for (const pick of [...result.shortest, ...result.common]) {
      const passage = kb.policy(pick.policy)!.passages.find((p) => p.anchor === pick.anchor)!;
      expect(passage.guideline).toBe(code);
      expect(pick.text).toBe(passage.text);
      expect(pick.place).toBe(kb.policy(pick.policy)!.place);
    }
  });

  test('metadata: the one-word passage is never a pick', () => {
    const result = modelLanguage(kb, 'metadata')!;
    expect(result.shortest.every((p) => p.words >= MIN_WORDS)).toBe(true);
    expect(result.passages - result.eligible).toBe(1);
  });
});
