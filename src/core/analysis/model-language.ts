/**
 * Model language for a city drafting its own policy: for each guideline, the
 * shortest passages that say something (at least MIN_WORDS words) and the most
 * common ones — the same wording found in two or more policies, or, when no
 * wording repeats, the passages closest to all the others (mean Jaccard
 * similarity of word sets against the passages of the other policies).
 * Pure: the graph in, plain data out; the method is exported so the page can
 * state it.
 */

/** Fewer words rarely make a usable clause ("Short.", "open data"). */
export const MIN_WORDS = 12;
/** How many passages each list shows. */
export const PICKS = 3;
/**
 * Centrality is measured for at most this many passages, against at most this
 * many (even samples of the guideline's passages), so the cost stays bounded:
 * ≤ 160,000 comparisons a guideline at any corpus size (all-against-sample was
 * 2,500 × 400 a guideline at 10k documents, ~30 s for the 31 guidelines).
 */
export const CENTRALITY_SAMPLE = 400;

export interface ModelSource {
  guidelines: readonly { code: string; passages: readonly { policy: string; anchor: string; start: number; text: string }[] }[];
  policies: readonly { id: string; place: string }[];
}

export interface ModelPassage {
  policy: string;
  place: string;
  anchor: string;
  /** Where the passage opens in its policy's body (which part of a long text holds it). */
  start: number;
  text: string;
  words: number;
}

export interface CommonPassage extends ModelPassage {
  /** Policies whose passage has this wording (normalized), in graph order; one for a "central" pick. */
  policies: string[];
  /** Mean Jaccard similarity to the other policies' passages (0–1); undefined for a repeated pick. */
  centrality?: number;
}

export type CommonMethod = 'repeated' | 'central' | 'none';

export interface GuidelineModelLanguage {
  code: string;
  /** Passages of the guideline / how many have at least MIN_WORDS words. */
  passages: number;
  eligible: number;
  /** Policies with a passage of the guideline. */
  policies: number;
  shortest: ModelPassage[];
  /** "repeated": same wording in ≥ 2 policies; "central": no wording repeats; "none": fewer than two policies to compare. */
  method: CommonMethod;
  common: CommonPassage[];
}

/** Lower case, letters and digits only, single spaces: "Shall publish — data." → "shall publish data". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Candidate extends ModelPassage {
  normalized: string;
  index: number;
}

/** First occurrence of each wording, so a list never shows the same text twice. */
function distinctWordings<T extends { normalized: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.normalized) && seen.add(item.normalized));
}

function repeated(candidates: readonly Candidate[]): CommonPassage[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const group = groups.get(c.normalized);
    if (group) group.push(c);
    else groups.set(c.normalized, [c]);
  }
  return [...groups.values()]
    .map((group) => ({ first: group[0]!, policies: [...new Set(group.map((c) => c.policy))] }))
    .filter((g) => g.policies.length >= 2)
    .sort((a, b) => b.policies.length - a.policies.length || a.first.words - b.first.words || a.first.index - b.first.index)
    .slice(0, PICKS)
    .map(({ first, policies }) => ({ ...toModel(first), policies }));
}

function central(candidates: readonly Candidate[]): CommonPassage[] {
  const step = Math.max(1, Math.ceil(candidates.length / CENTRALITY_SAMPLE));
  const sample = candidates.map((_, i) => i).filter((i) => i % step === 0);
  const sets = new Map(sample.map((i) => [i, new Set(candidates[i]!.normalized.split(' '))]));
  // The same even sample is scored: the picks are the most central of the sample.
  const scored = sample.map((i) => {
    const c = candidates[i]!;
    let sum = 0;
    let n = 0;
    for (const j of sample) {
      // Only other policies: a policy repeating itself is not "common".
      if (candidates[j]!.policy === c.policy) continue;
      sum += jaccard(sets.get(i)!, sets.get(j)!);
      n++;
    }
    return { c, centrality: n ? sum / n : 0, compared: n };
  });
  return distinctWordings(
    scored
      .filter((s) => s.compared > 0)
      .sort((a, b) => b.centrality - a.centrality || a.c.words - b.c.words || a.c.index - b.c.index)
      .map((s) => ({ ...s.c, centrality: s.centrality })),
  )
    .slice(0, PICKS)
    .map((s) => ({ ...toModel(s), policies: [s.policy], centrality: Math.round(s.centrality * 1000) / 1000 }));
}

function toModel(c: Candidate): ModelPassage {
  return { policy: c.policy, place: c.place, anchor: c.anchor, start: c.start, text: c.text, words: c.words };
}

/** Model language of one guideline; undefined for an unknown code. */
export function modelLanguage(source: ModelSource, code: string): GuidelineModelLanguage | undefined {
  const guideline = source.guidelines.find((g) => g.code === code);
  if (!guideline) return undefined;
  const placeOf = new Map(source.policies.map((p) => [p.id, p.place]));
  const candidates: Candidate[] = guideline.passages
    .map((p, index) => ({
      policy: p.policy, place: placeOf.get(p.policy) ?? '', anchor: p.anchor, start: p.start, text: p.text,
      words: wordCount(p.text), normalized: normalizeText(p.text), index,
    }))
    .filter((c) => c.words >= MIN_WORDS);
  const shortest = distinctWordings(
    [...candidates].sort((a, b) => a.words - b.words || a.text.length - b.text.length || byString(a.policy, b.policy) || a.index - b.index),
  )
    .slice(0, PICKS)
    .map(toModel);
  const policies = new Set(guideline.passages.map((p) => p.policy)).size;
  const comparable = new Set(candidates.map((c) => c.policy)).size >= 2;
  const repeats = comparable ? repeated(candidates) : [];
  const method: CommonMethod = !comparable ? 'none' : repeats.length ? 'repeated' : 'central';
  return {
    code,
    passages: guideline.passages.length,
    eligible: candidates.length,
    policies,
    shortest,
    method,
    common: method === 'repeated' ? repeats : method === 'central' ? central(candidates) : [],
  };
}

const computed = new WeakMap<ModelSource, GuidelineModelLanguage[]>();

/** Every guideline, in guideline order; computed once per source (the index and each guideline's page ask). */
export function allModelLanguage(source: ModelSource): GuidelineModelLanguage[] {
  let all = computed.get(source);
  if (!all) computed.set(source, (all = source.guidelines.map((g) => modelLanguage(source, g.code)!)));
  return all;
}
