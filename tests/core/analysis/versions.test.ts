/**
 * Versions of a place's policy: gained/lost guidelines and counts per pair,
 * and the word diff (escaped, labelled, folded). On written policies, and on
 * the real Sunlight sample (tempe-az and seattle-wa have two policies each)
 * imported with the project's importer, checked against counts made here
 * straight from the Hub's files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diffWords } from 'diff';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedWording } from '../../../src/core/analysis/shared-wording.ts';
import { compareCounts, placesWithVersions, placeVersions, REWRITE_BELOW, type VersionsSource } from '../../../src/core/analysis/versions.ts';
import { toPlainText } from '../../../src/core/passages/plain-text.ts';
import { countWords, diffRun, mergeChanges, wordDiff } from '../../../src/core/analysis/word-diff.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/core/index.ts';
import { importSunlightSample, SUNLIGHT_SAMPLE, sunlightSamplePresent } from '../../support/sunlight-sample.ts';

const ORDER = ['alpha', 'beta', 'gamma', 'delta'];

describe('compareCounts', () => {
  test.each<[string, Record<string, number>, Record<string, number>, { gained: string[]; lost: string[]; kept: string[] }]>([
    ['nothing tagged on either side', {}, {}, { gained: [], lost: [], kept: [] }],
    ['one gained, one lost, one kept', { alpha: 2, gamma: 1 }, { gamma: 4, beta: 1 }, { gained: ['beta'], lost: ['alpha'], kept: ['gamma'] }],
    ['everything new', {}, { delta: 1, alpha: 3 }, { gained: ['alpha', 'delta'], lost: [], kept: [] }],
    ['a zero count is no passage', { beta: 0 }, { beta: 2 }, { gained: ['beta'], lost: [], kept: [] }],
  ])('%s', (_name, before, after, expected) => {
    const result = compareCounts(ORDER, before, after);
    expect({ gained: result.gained, lost: result.lost, kept: result.kept }).toEqual(expected);
    // Counts list every guideline present on either side, in guideline order.
    expect(result.counts.map((c) => c.code)).toEqual(ORDER.filter((c) => (before[c] ?? 0) > 0 || (after[c] ?? 0) > 0));
    for (const c of result.counts) expect([c.before, c.after]).toEqual([before[c.code] ?? 0, after[c.code] ?? 0]);
  });
});

describe('sharedWording: an amendment or a rewrite', () => {
  const sentences = Array.from({ length: 40 }, (_, i) => `Section ${i}: the department shall publish the register of datasets within ${i + 2} days of a request.`);
  const original = sentences.join(' ');

  test('the same text, and a text inside a longer one, share all their wording', () => {
    expect(sharedWording(original, original)).toBe(1);
    expect(sharedWording(original, `${original}\n\nA new section on privacy reviews, added in full by the amendment.`)).toBe(1);
  });

  test('one word changed in every sentence still shares most of the wording', () => {
    const amended = sentences.map((s) => s.replace('shall', 'must')).join(' ');
    expect(sharedWording(original, amended)).toBeGreaterThan(0.6);
    expect(sharedWording(original, amended)).toBeLessThan(1);
  });

  test('a rewrite on the same subject shares next to nothing; case and punctuation do not count', () => {
    const rewrite = 'Every agency publishes its data inventory online. Residents may ask for any record, and the clerk answers in ten days.';
    expect(sharedWording(original, rewrite)).toBeLessThan(REWRITE_BELOW);
    expect(sharedWording('The City Shall Publish.', 'the city shall publish')).toBe(1);
  });

  test('placeVersions: a rewrite gets no word diff but the measure; an amendment gets its diff', () => {
    const source: VersionsSource = {
      guidelines: [],
      policies: [
        { id: 'x-1', place: 'x', counts: {}, doc: { body: original } },
        { id: 'x-2', place: 'x', counts: {}, doc: { body: sentences.map((s) => s.replace('shall', 'must')).join(' ') } },
        { id: 'x-3', place: 'x', counts: {}, doc: { body: 'Every agency publishes its data inventory online. Residents may ask for any record.' } },
      ],
    };
    const [amendment, rewrite] = placeVersions(source, 'x');
    expect(amendment!.rewritten).toBeUndefined();
    expect(amendment!.diff.addedWords).toBe(40);
    expect(rewrite!.rewritten).toMatchObject({ beforeWords: countWords(sentences.map((s) => s.replace('shall', 'must')).join(' ')), afterWords: 13 });
    expect(rewrite!.diff).toMatchObject({ blocks: [], addedWords: 0, removedWords: 0 });
  });
});

describe('placeVersions on written policies', () => {
  const source: VersionsSource = {
    guidelines: ORDER.map((code) => ({ code })),
    policies: [
      { id: 'a-2014', place: 'a', counts: { alpha: 1 }, doc: { body: 'The city <span class="g-alpha">publishes data</span>.' } },
      { id: 'a-2015', place: 'a', counts: { alpha: 2, beta: 1 }, doc: { body: 'The city **publishes** open data.\n\nA new paragraph.' } },
      { id: 'a-2019', place: 'a', counts: { beta: 1 }, doc: { body: 'The city publishes open data.\n\nA new paragraph.' } },
      { id: 'b-2016', place: 'b', counts: {}, doc: { body: 'Only one.' } },
    ],
  };

  test('only places with two or more policies have versions', () => {
    expect(placesWithVersions(source)).toEqual(['a']);
    expect(placeVersions(source, 'b')).toEqual([]);
  });

  test('one step per consecutive pair, oldest first', () => {
    const steps = placeVersions(source, 'a');
    expect(steps.map((s) => [s.before, s.after, s.gained, s.lost])).toEqual([
      ['a-2014', 'a-2015', ['beta'], []],
      ['a-2015', 'a-2019', [], ['alpha']],
    ]);
    // Markup is not text: the span and the ** are gone before diffing.
    expect(steps[0]!.diff.html).not.toMatch(/span class="g-|\*\*/);
    expect(steps[0]!.diff.addedWords).toBe(4); // "open" + "A new paragraph."
    expect(steps[1]!.diff).toMatchObject({ addedWords: 0, removedWords: 0, blockChanges: 0 });
    expect(steps[1]!.diff.html).not.toMatch(/<ins|<del/);
  });
});

describe('wordDiff', () => {
  test('marks additions and removals with a hidden label, and escapes the text', () => {
    const diff = wordDiff('Keep <b>this</b> & drop that.', 'Keep <b>this</b> & add "more".');
    expect(diff.html).toContain('<del><span class="visually-hidden">removed: </span>drop that</del>');
    expect(diff.html).toContain('<ins><span class="visually-hidden">added: </span>add &quot;more&quot;</ins>');
    expect(diff.html).toContain('Keep &lt;b&gt;this&lt;/b&gt; &amp;');
    expect(diff.html).not.toMatch(/<b>/);
  });

  test('keeps paragraphs and folds long unchanged runs into <details>', () => {
    const same = ['One.', 'Two.', 'Three.', 'Four.'];
    const diff = wordDiff([...same, 'Old end.'].join('\n\n'), [...same, 'New end.'].join('\n\n'), { foldAfter: 3 });
    expect(diff.html).toMatch(/^<details class="diff__same"><summary>4 unchanged paragraphs \(4 words\)<\/summary><p>One\.<\/p>/);
    expect(diff.html.match(/<p>/g)).toHaveLength(5);
    expect(wordDiff([...same, 'x'].join('\n\n'), [...same, 'y'].join('\n\n'), { foldAfter: 0 }).html).not.toContain('<details');
  });

  test('a changed run longer than maxHunkWords is shown whole: removed, then added', () => {
    const before = 'Kept paragraph here.\n\nalpha beta gamma\n\ndelta';
    const after = 'Kept paragraph here.\n\nalpha beta two\n\nthree';
    const wordLevel = wordDiff(before, after);
    expect(wordLevel.blockChanges).toBe(0);
    expect(wordLevel.html).toContain('<p>alpha beta <del>');
    const blocks = wordDiff(before, after, { maxHunkWords: 5 });
    expect(blocks.blockChanges).toBe(1);
    expect(blocks.html.split('\n')).toEqual([
      '<p>Kept paragraph here.</p>',
      '<p><del><span class="visually-hidden">removed: </span>alpha beta gamma</del></p>',
      '<p><del><span class="visually-hidden">removed: </span>delta</del></p>',
      '<p><ins><span class="visually-hidden">added: </span>alpha beta two</ins></p>',
      '<p><ins><span class="visually-hidden">added: </span>three</ins></p>',
    ]);
    expect(blocks).toMatchObject({ addedWords: 4, removedWords: 4, unchangedWords: 3 });
  });

  describe('long runs: sentences first, then words', () => {
    const sentence = (i: number) => `Section ${i} says the department shall publish dataset number ${i} every quarter in an open format.`;
    const long = (from: number, n: number) => Array.from({ length: n }, (_, k) => sentence(from + k)).join(' ');
    const keepsBoth = (before: string, after: string) => {
      const changes = diffRun(before, after);
      const text = (kind: 'added' | 'removed') => changes.filter((c) => !c.added && !c.removed || c[kind]).map((c) => c.value).join('');
      const words = (t: string) => t.replace(/\s+/g, ' ').trim();
      expect(words(text('removed'))).toBe(words(before));
      expect(words(text('added'))).toBe(words(after));
      return changes;
    };

    test('one edited sentence in a 60-sentence paragraph is marked word by word, the rest kept', () => {
      const before = long(0, 60);
      const after = before.replace('dataset number 30 every quarter', 'dataset number 30 every month');
      const changes = keepsBoth(before, after);
      expect(changes.filter((c) => c.removed).map((c) => c.value.trim())).toEqual(['quarter']);
      expect(changes.filter((c) => c.added).map((c) => c.value.trim())).toEqual(['month']);
    });

    test('a paragraph rewritten from scratch is removed and added sentence by sentence, not word by word', () => {
      const before = long(0, 60);
      const after = 'Residents may ask the City Clerk for any record. '.repeat(60).trim();
      const changes = keepsBoth(before, after);
      // Only whole sentences change: every removed piece ends a sentence of the old text.
      for (const c of changes.filter((x) => x.removed)) expect(c.value.trim()).toMatch(/\.$/);
      expect(changes.filter((c) => c.removed || c.added).length).toBeLessThanOrEqual(2);
    });

    test('a short run is still diffed word by word', () => {
      const changes = diffRun('The city shall publish data.', 'The city may publish data.');
      expect(changes.filter((c) => c.removed).map((c) => c.value)).toEqual(['shall']);
    });
  });

  test.each([
    ['The city is committed to expanding the data it makes available.', 'The city has decided to publish the data it holds.'],
    ['a b c d e f g', 'a x c y e z g'],
    ['First paragraph stays.\n\nSecond one goes away entirely.', 'First paragraph stays.\n\nA different second one.\n\nAnd a third.'],
  ])('merging changes keeps both texts: %s', (before, after) => {
    const segments = mergeChanges(diffWords(before, after));
    const text = (kind: string) => segments.filter((s) => s.kind === 'same' || s.kind === kind).map((s) => s.text).join('');
    // diffWords itself keeps whitespace only "as far as possible": compare words.
    const words = (t: string) => t.replace(/\s+/g, ' ').trim();
    expect(words(text('removed'))).toBe(words(before));
    expect(words(text('added'))).toBe(words(after));
  });
});

const SAMPLE = SUNLIGHT_SAMPLE;
const samplePresent = sunlightSamplePresent;
if (!samplePresent) console.warn(`skipped: the Sunlight Hub sample is not at ${SAMPLE}`);

/** Guideline codes tagged in a Hub file, counted here from its class attributes, not by the project's scanner. */
async function tagsInHubFile(id: string): Promise<Set<string>> {
  const text = await readFile(path.join(SAMPLE, '_policies', `${id}.md`), 'utf8');
  const codes = new Set<string>();
  for (const match of text.matchAll(/class\s*=\s*["']([^"']*)["']/g)) {
    for (const cls of match[1]!.split(/\s+/)) if (cls.startsWith('g-')) codes.add(cls.slice(2));
  }
  return codes;
}

async function expectedChange(beforeId: string, afterId: string, order: readonly string[]) {
  const before = await tagsInHubFile(beforeId);
  const after = await tagsInHubFile(afterId);
  return {
    gained: order.filter((c) => after.has(c) && !before.has(c)),
    lost: order.filter((c) => before.has(c) && !after.has(c)),
  };
}

describe.skipIf(!samplePresent)('versions in the Sunlight sample (../shared/sunlight-sample)', () => {
  let dir = '';
  let kb: KnowledgeBase;
  // Two tagged policies of different places, filed in the test as two versions of one place.
  const REHOMED = { before: 'topeka-ks-2016-10-03', after: 'wichita-ks-2016-09-08', as: 'wichita-ks-2016-10-03' };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-versions-'));
    importSunlightSample(dir);
    const topeka = await readFile(path.join(dir, 'policies', `${REHOMED.before}.md`), 'utf8');
    // Moved to Wichita and dated after Wichita's policy, so it becomes its second version.
    await writeFile(path.join(dir, 'policies', `${REHOMED.as}.md`), topeka.replace(/^place: topeka-ks$/m, 'place: wichita-ks'));
    await rm(path.join(dir, 'policies', `${REHOMED.before}.md`));
    kb = (await loadKnowledgeBase(dir)).kb;
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('tempe-az and seattle-wa are the places with two policies (and the rehomed one)', () => {
    expect(placesWithVersions(kb).sort()).toEqual(['seattle-wa', 'tempe-az', 'wichita-ks']);
  });

  test.each([
    ['tempe-az', 'tempe-az-2017-02-23', 'tempe-az-2017-07-24'],
    ['seattle-wa', 'seattle-wa-2016-02-01', 'seattle-wa-2016-02-26'],
  ])('%s: gained and lost guidelines match the Hub files', async (place, before, after) => {
    const steps = placeVersions(kb, place);
    expect(steps.map((s) => [s.before, s.after])).toEqual([[before, after]]);
    const expected = await expectedChange(before, after, kb.guidelines.map((g) => g.code));
    expect({ gained: steps[0]!.gained, lost: steps[0]!.lost }).toEqual(expected);
    // Both pairs are rewrites (no sentence in common): no word diff, the shared wording measured, the words counted.
    const [beforeText, afterText] = [before, after].map((id) => toPlainText(kb.policy(id)!.doc.body));
    expect(steps[0]!.rewritten).toEqual({ sharedWording: sharedWording(beforeText!, afterText!), beforeWords: countWords(beforeText!), afterWords: countWords(afterText!) });
    expect(steps[0]!.rewritten!.sharedWording).toBeLessThan(REWRITE_BELOW);
    expect(steps[0]!.rewritten!.beforeWords).toBeGreaterThan(500);
    expect(steps[0]!.diff.blocks).toEqual([]);
  }, 60_000);

  test('a pair of tagged policies: gained, lost and counts match the Hub files', async () => {
    const [step] = placeVersions(kb, 'wichita-ks');
    expect([step!.before, step!.after]).toEqual([REHOMED.after, REHOMED.as]);
    // Wichita's policy is older, so it is "before" and Topeka's text "after".
    const expected = await expectedChange(REHOMED.after, REHOMED.before, kb.guidelines.map((g) => g.code));
    expect(expected.gained.length + expected.lost.length).toBeGreaterThan(0);
    expect({ gained: step!.gained, lost: step!.lost }).toEqual(expected);
    for (const c of step!.counts) {
      expect(c.before).toBe(kb.policy(step!.before)!.passages.filter((p) => p.guideline === c.code).length);
      expect(c.after).toBe(kb.policy(step!.after)!.passages.filter((p) => p.guideline === c.code).length);
    }
  }, 60_000);
});
