/**
 * Versions of one place's policy, compared in adoption order: for each
 * consecutive pair, the guidelines gained and lost, passages per guideline
 * before and after, and a word diff of the two plain texts. Pure: the graph
 * (or any object of the same shape) in, plain data out.
 */
import { toPlainText } from '../passages/plain-text.ts';
import { groupBy } from '../util/group-by.ts';
import { sharedWording } from './shared-wording.ts';
import { countWords, diffTexts, type DiffLayout, type WordDiff, type WordDiffOptions } from './word-diff.ts';

/** The slice of the knowledge graph this reads (KnowledgeBase satisfies it). */
export interface VersionsSource {
  /** In guideline order. */
  guidelines: readonly { code: string }[];
  /** In the graph's order: place, then date, then id (so a place's policies are oldest first). */
  policies: readonly {
    id: string;
    place: string;
    counts: Readonly<Record<string, number>>;
    doc: { body: string };
  }[];
}

export interface GuidelineCountChange {
  code: string;
  before: number;
  after: number;
}

export interface VersionStep {
  /** Policy ids, older then newer. */
  before: string;
  after: string;
  /** Guidelines with passages in `after` and none in `before`, in guideline order. */
  gained: string[];
  /** Guidelines with passages in `before` and none in `after`, in guideline order. */
  lost: string[];
  /** Guidelines with passages in both. */
  kept: string[];
  /** Every guideline with a passage in either, in guideline order. */
  counts: GuidelineCountChange[];
  /** The word diff; empty (no blocks, no words) when the text was rewritten. */
  diff: WordDiff;
  /**
   * Set when the newer text is a rewrite rather than an amendment: so little
   * wording is shared that a word diff would mark everything removed, then
   * everything added. The page says so and links both texts instead.
   */
  rewritten?: { sharedWording: number; beforeWords: number; afterWords: number };
}

/**
 * Below this share of shared wording (sharedWording), a pair is a rewrite and gets no word diff: the
 * Sunlight sample's two rewrites share 13 % and 14 % (stock phrases), an amendment that changes a word in
 * every sentence still over 60 %.
 */
export const REWRITE_BELOW = 0.2;

const NO_DIFF: WordDiff = { html: '', blocks: [], addedWords: 0, removedWords: 0, unchangedWords: 0, blockChanges: 0 };

/** Places with at least two policies, in the graph's order. */
export function placesWithVersions(source: Pick<VersionsSource, 'policies'>): string[] {
  const perPlace = new Map<string, number>();
  for (const p of source.policies) perPlace.set(p.place, (perPlace.get(p.place) ?? 0) + 1);
  return [...perPlace].filter(([, n]) => n >= 2).map(([place]) => place);
}

/** Gained, lost and kept guidelines and per-guideline counts between two count maps. */
export function compareCounts(
  guidelineOrder: readonly string[],
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): Pick<VersionStep, 'gained' | 'lost' | 'kept' | 'counts'> {
  const counts = guidelineOrder
    .map((code) => ({ code, before: before[code] ?? 0, after: after[code] ?? 0 }))
    .filter((c) => c.before > 0 || c.after > 0);
  return {
    gained: counts.filter((c) => c.before === 0).map((c) => c.code),
    lost: counts.filter((c) => c.after === 0).map((c) => c.code),
    kept: counts.filter((c) => c.before > 0 && c.after > 0).map((c) => c.code),
    counts,
  };
}

/** A source's policies by place, grouped once: filtering every policy for each place was quadratic. */
const byPlace = new WeakMap<VersionsSource['policies'], Map<string, VersionsSource['policies'][number][]>>();

function policiesOf(source: VersionsSource, placeId: string): VersionsSource['policies'][number][] {
  let groups = byPlace.get(source.policies);
  if (!groups) byPlace.set(source.policies, (groups = groupBy(source.policies, (p) => p.place)));
  return groups.get(placeId) ?? [];
}

/**
 * Consecutive pairs of a place's policies, oldest first; [] when it has fewer
 * than two. The word diff runs on toPlainText of each body, so markup and
 * guideline tags do not show up as changes. A pair that shares under
 * REWRITE_BELOW of its wording (sharedWording) is a rewrite: no word diff —
 * it would mark everything removed, then everything added, pages of it —
 * but the measure, for the page to say so.
 */
export function placeVersions(source: VersionsSource, placeId: string, options: WordDiffOptions = {}): VersionStep[] {
  return comparePlaceVersions(source, placeId, options.maxHunkWords)(options);
}

/**
 * placeVersions in two steps: the comparisons, made once, then the steps with their diffs laid out as asked
 * (as often as needed: a version page lays them out whole, then with folds cut to fit its pages).
 */
export function comparePlaceVersions(source: VersionsSource, placeId: string, maxHunkWords?: number): (layout?: DiffLayout) => VersionStep[] {
  const own = policiesOf(source, placeId);
  const order = source.guidelines.map((g) => g.code);
  const compared: { step: Omit<VersionStep, 'diff'>; diff?: (layout?: DiffLayout) => WordDiff }[] = [];
  // Each text once: the middle policies are the newer side of one pair and the older of the next.
  const texts = own.map((p) => toPlainText(p.doc.body));
  for (let i = 1; i < own.length; i++) {
    const before = own[i - 1]!;
    const after = own[i]!;
    const [beforeText, afterText] = [texts[i - 1]!, texts[i]!];
    const shared = sharedWording(beforeText, afterText);
    const rewritten = shared < REWRITE_BELOW;
    compared.push({
      step: {
        before: before.id,
        after: after.id,
        ...compareCounts(order, before.counts, after.counts),
        ...(rewritten && { rewritten: { sharedWording: shared, beforeWords: countWords(beforeText), afterWords: countWords(afterText) } }),
      },
      ...(!rewritten && { diff: diffTexts(beforeText, afterText, maxHunkWords) }),
    });
  }
  return (layout = {}) => compared.map(({ step, diff }) => ({ ...step, diff: diff ? diff(layout) : NO_DIFF }));
}
