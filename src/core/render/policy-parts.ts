/**
 * Where a long policy's text is cut into parts, each shown on its own page.
 *
 * Every page of the site stays under 40 KB of HTML and CSS (docs/scale.md); a
 * policy's own text can pass that alone (the Sunlight sample's longest is
 * 70 KB). Like a municipal code, a long text is read section by section: it is
 * cut at block boundaries, before a heading where one is near the limit, never
 * inside a span (a passage crossing the cut is closed before it and reopened
 * after, as at any paragraph), a list or table written in HTML, a fenced block
 * or an HTML comment.
 *
 * The plan is a pure function of the body, so a passage's part (and its link
 * from a guideline page, the API or the compare views) is known without
 * rendering the text.
 */
import type { SplitResult } from './split-spans.ts';

/**
 * What a part may weigh: its share of the split source (the body with its
 * spans' anchors written out, close to the rendered HTML) plus what its
 * passages add to the page around it — the part's legend lists each guideline
 * it uses (a radio button, the guideline's name and links, a highlight rule:
 * GUIDELINE_BYTES) and links each passage (PASSAGE_BYTES). The first part
 * shares its page with the policy's facts, versions and questions, so it gets
 * less. Measured on the 10k bench corpus and the Sunlight sample
 * (docs/scale.md, wall 13): with ≈ 12 KB of CSS and ≈ 8 KB of page chrome,
 * every part's page stays under 40 KB.
 */
export interface PartLimits {
  first: number;
  rest: number;
}
export const PART_LIMITS: PartLimits = { first: 14_000, rest: 19_000 };
export const PASSAGE_BYTES = 64;
export const GUIDELINE_BYTES = 640;

/** A passage as the plan needs it: where it opens in the body, and its guideline. */
export interface PassageMark {
  start: number;
  guideline: string;
}

export interface PartPlan {
  /** Offsets in the body where parts 2, 3, … start; empty when the text is one part. */
  cuts: number[];
  /** The same cuts as offsets in the split source (SplitResult.source). */
  sourceCuts: number[];
}

const ONE_PART: PartPlan = Object.freeze({ cuts: [], sourceCuts: [] }) as PartPlan;

// Raw HTML that must not be cut inside: containers (a cut would orphan their items), preformatted text, comments.
const CONTAINER = /<(\/?)(ol|ul|table|div|blockquote|dl|pre|details|figure)\b[^<>]*>|<!--[\s\S]*?(?:-->|$)/gi;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_START = /^(?:#{1,6}[ \t]|<h[1-6]\b)/i;

/** Body ranges [start, end) a cut may not fall inside. */
function uncuttableRanges(body: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let depth = 0;
  let openedAt = 0;
  for (const match of body.matchAll(CONTAINER)) {
    if (match[0].startsWith('<!--')) {
      if (depth === 0) ranges.push([match.index, match.index + match[0].length]);
      continue;
    }
    if (match[0].endsWith('/>')) continue;
    if (match[1]) {
      if (depth > 0 && --depth === 0) ranges.push([openedAt, match.index + match[0].length]);
    } else if (depth++ === 0) {
      openedAt = match.index;
    }
  }
  if (depth > 0) ranges.push([openedAt, body.length]);
  // Fenced blocks: from an opening fence line to its closing one (or the end).
  let fence: { marker: string; at: number } | undefined;
  let lineStart = 0;
  for (const line of body.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && !fence) fence = { marker, at: lineStart };
    else if (marker && fence && marker[0] === fence.marker[0] && marker.length >= fence.marker.length) {
      ranges.push([fence.at, lineStart + line.length]);
      fence = undefined;
    }
    lineStart += line.length + 1;
  }
  if (fence) ranges.push([fence.at, body.length]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

function inside(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  // Few ranges per body; a linear scan is fine.
  return ranges.some(([start, end]) => at > start && at < end);
}

/** The weight of the text from break `from` (or the start) up to each later break, as the window grows. */
class PartWeigher {
  #codes = new Map<string, number>();
  #next = 0; // next passage (in start order) not yet counted
  #passages = 0;
  readonly marks: readonly PassageMark[];
  readonly fromOut: number;
  constructor(marks: readonly PassageMark[], fromOut: number, fromAt: number) {
    this.marks = marks;
    this.fromOut = fromOut;
    while (this.#next < marks.length && marks[this.#next]!.start < fromAt) this.#next++;
  }

  /** Weight of the part if it ended at this break (breaks must come in order). */
  weightTo(b: { at: number; out: number }): number {
    while (this.#next < this.marks.length && this.marks[this.#next]!.start < b.at) {
      const code = this.marks[this.#next++]!.guideline;
      this.#codes.set(code, (this.#codes.get(code) ?? 0) + 1);
      this.#passages++;
    }
    return b.out - this.fromOut + this.#passages * PASSAGE_BYTES + this.#codes.size * GUIDELINE_BYTES;
  }
}

/** Plans the parts of one body: `passages` are its passages (any order). */
export function planPolicyParts(
  body: string,
  split: Pick<SplitResult, 'source' | 'breaks'>,
  passages: readonly PassageMark[],
  limits: PartLimits = PART_LIMITS,
): PartPlan {
  const marks = [...passages].sort((a, b) => a.start - b.start);
  const end = { at: body.length + 1, out: split.source.length };
  if (new PartWeigher(marks, 0, 0).weightTo(end) <= limits.first) return ONE_PART;
  const ranges = uncuttableRanges(body);
  // A cut needs text on both sides: none before the first words or after the last.
  const first = split.source.search(/\S/);
  const last = split.source.trimEnd().length;
  const candidates = split.breaks.filter((b) => b.out > first && b.out < last && !inside(ranges, b.at));
  const isHeading = (b: { at: number }) => HEADING_START.test(body.slice(b.at, b.at + 4));

  const cuts: PartPlan['cuts'] = [];
  const sourceCuts: PartPlan['sourceCuts'] = [];
  let from = { at: 0, out: 0 };
  let limit = limits.first;
  let i = 0;
  while (i < candidates.length) {
    const weigher = new PartWeigher(marks, from.out, from.at);
    let lastFit = -1;
    let lastHeading = -1;
    let j = i;
    for (; j < candidates.length; j++) {
      const weight = weigher.weightTo(candidates[j]!);
      if (weight > limit) break;
      lastFit = j;
      // A heading in the second half of the part is the better place to cut.
      if (weight >= limit / 2 && isHeading(candidates[j]!)) lastHeading = j;
    }
    // Every break fits, and so does the rest of the text: it is the last part.
    if (j === candidates.length && weigher.weightTo(end) <= limit) break;
    // Nothing fits (one block longer than a part): cut right after it, the part is as small as it can be.
    const pick = lastHeading >= 0 ? lastHeading : lastFit >= 0 ? lastFit : j;
    if (pick >= candidates.length) break;
    from = candidates[pick]!;
    cuts.push(from.at);
    sourceCuts.push(from.out);
    limit = limits.rest;
    i = pick + 1;
  }
  return { cuts, sourceCuts };
}

/** The part (1-based) that holds body offset `at`. */
export function partAt(plan: Pick<PartPlan, 'cuts'>, at: number): number {
  let part = 1;
  for (const cut of plan.cuts) {
    if (cut > at) break;
    part++;
  }
  return part;
}
