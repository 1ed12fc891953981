/**
 * Keeping every page small. Issue 4 budgets each page at 40 KB of HTML plus
 * the stylesheets it links, however many places, policies and guides the
 * knowledge base holds (a national one: ~19,000 places, 100k documents). So
 * lists are cut into pages by the bytes their items will take in HTML —
 * never inside an item, never dropping one — and an index too long for one
 * page becomes a list of groups (states), each with its own pages.
 *
 * Pure: the pages say what an item weighs (htmlBytes of the strings they show
 * plus the markup around them); these functions only count.
 */

/** The limit for one page: its HTML plus the stylesheets it links (KiB, as the bench counts). */
export const PAGE_LIMIT_BYTES = 40 * 1024;

/**
 * What a page spends before its own content: the frame's HTML (head with the
 * CSP and meta tags, header, breadcrumbs, footer: 3–7 KB on built pages,
 * including a small inlined stylesheet) and the stylesheets it links (7–12 KB),
 * with a margin for both to grow.
 */
export const FRAME_ALLOWANCE_BYTES = 18 * 1024;

/** Bytes left for what a page itself shows inside <main>. */
export const CONTENT_BUDGET_BYTES = PAGE_LIMIT_BYTES - FRAME_ALLOWANCE_BYTES;

const ESCAPED_EXTRA: Record<string, number> = { '&': 4, '<': 3, '>': 3, '"': 5, "'": 4 };
const ESCAPED = /[&<>"']/;

/**
 * UTF-8 bytes of text as Astro writes it into HTML (& < > " ' escaped). Called for every string a list
 * shows while its pages are planned (millions at 10k documents), so it counts without encoding: an
 * encoded copy per call and a match object per escaped character were 4 % of a 10k build.
 */
export function htmlBytes(text: string): number {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (!ESCAPED.test(text)) return bytes;
  let extra = 0;
  for (let i = 0; i < text.length; i++) extra += ESCAPED_EXTRA[text[i]!] ?? 0;
  return bytes + extra;
}

export interface ByteBudget<T> {
  /** Most bytes the items of one page may weigh, headings included. */
  budget: number;
  /** The budget of page 1 when it differs (it often carries the page's introduction). */
  firstBudget?: number;
  /** What one item weighs in HTML, its own markup included. */
  bytes: (item: T) => number;
  /**
   * What the headings shown above an item weigh, given the item before it on
   * the same page (undefined at the top of a page, where a continued group
   * shows its headings again). E.g. a place heading when the place changes.
   */
  headingBytes?: (item: T, before: T | undefined) => number;
  /** Most items on one page, whatever they weigh. */
  maxItems?: number;
}

/** headingBytes for items under one level of group headings (e.g. places): `bytes` when the group changes or a page starts. */
export function groupHeadings<T>(group: (item: T) => string, bytes: (item: T) => number): (item: T, before: T | undefined) => number {
  return (item, before) => (before !== undefined && group(before) === group(item) ? 0 : bytes(item));
}

/**
 * Splits items, in the order given, into pages of at most `budget` bytes: a
 * page ends before the item that would pass the budget (or maxItems). An item
 * heavier than the budget gets a page of its own rather than being cut; no
 * items give no pages. Every item is on exactly one page, order kept.
 */
export function paginateByBytes<T>(items: readonly T[], { budget, firstBudget = budget, bytes, headingBytes, maxItems = Infinity }: ByteBudget<T>): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  const heading = (item: T, before: T | undefined) => headingBytes?.(item, before) ?? 0;
  for (const item of items) {
    const own = bytes(item);
    const previous = page.at(-1);
    const limit = pages.length === 0 ? firstBudget : budget;
    if (previous !== undefined && (page.length >= maxItems || used + own + heading(item, previous) > limit)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    used += own + heading(item, page.at(-1));
    page.push(item);
  }
  if (page.length) pages.push(page);
  return pages;
}

/** Total bytes of items shown in one run (what paginateByBytes counts for a single page). */
export function listBytes<T>(items: readonly T[], weights: Pick<ByteBudget<T>, 'bytes' | 'headingBytes'>): number {
  let total = 0;
  items.forEach((item, i) => {
    total += weights.bytes(item) + (weights.headingBytes?.(item, i > 0 ? items[i - 1] : undefined) ?? 0);
  });
  return total;
}

export interface IndexSection<T> {
  /** The group's key, e.g. a state code. */
  key: string;
  items: T[];
}

export interface IndexPlan<T> {
  /**
   * True when every section fits on one page: the index lists them all.
   * False: the index lists the sections (with their counts) and each section
   * has its own pages.
   */
  single: boolean;
  /** The sections in the order given, each split into pages (one page when `single`). */
  sections: (IndexSection<T> & { pages: T[][] })[];
}

/**
 * Plans an index of sections (e.g. states) of items: one page for all when
 * their bytes, plus `sectionBytes` a section heading, stay within the budget;
 * otherwise a page per section, split further by paginateByBytes when a
 * section alone is over. Empty sections are dropped.
 */
export function planIndex<T>(sections: readonly IndexSection<T>[], weights: ByteBudget<T> & { sectionBytes?: (key: string) => number }): IndexPlan<T> {
  const kept = sections.filter((s) => s.items.length > 0);
  const total = kept.reduce((n, s) => n + (weights.sectionBytes?.(s.key) ?? 0) + listBytes(s.items, weights), 0);
  const fewEnough = weights.maxItems === undefined || kept.every((s) => s.items.length <= weights.maxItems!);
  const single = total <= (weights.firstBudget ?? weights.budget) && fewEnough;
  return {
    single,
    sections: kept.map((s) => ({ ...s, pages: single ? [s.items] : paginateByBytes(s.items, weights) })),
  };
}

/** A run of consecutive items of one group on a page, and whether it carries on from the page before. */
export interface GroupRun<T> {
  key: string;
  items: T[];
  continued: boolean;
}

/**
 * The items of page `index` (0-based) of `pages` as runs of one group each,
 * for headings: the first run is `continued` when the previous page ended in
 * the same group.
 */
export function groupRuns<T>(pages: readonly (readonly T[])[], index: number, group: (item: T) => string): GroupRun<T>[] {
  const runs: GroupRun<T>[] = [];
  const before = index > 0 ? pages[index - 1]?.at(-1) : undefined;
  for (const item of pages[index] ?? []) {
    const key = group(item);
    const last = runs.at(-1);
    if (last && last.key === key) last.items.push(item);
    else runs.push({ key, items: [item], continued: runs.length === 0 && before !== undefined && group(before) === key });
  }
  return runs;
}

/** The 1-based page each key first appears on, e.g. the page a place's column starts. */
export function firstPageOf<T>(pages: readonly (readonly T[])[], key: (item: T) => string): Map<string, number> {
  const found = new Map<string, number>();
  pages.forEach((page, i) => {
    for (const item of page) if (!found.has(key(item))) found.set(key(item), i + 1);
  });
  return found;
}

/** One link of a pager: a page number, or a gap where numbers are skipped. */
export type PagerEntry = { page: number } | { gap: true };

/**
 * The page numbers a pager shows on page `page` of `pages` (1-based),
 * ascending, with gaps marked: every page when there are at most `all`;
 * otherwise the first and last, the `window` pages either side of this one,
 * and the pages 10, 100, 1000… away in both directions. The pager stays a few
 * dozen links at any size, and any page is a few clicks from any other.
 */
export function pagerEntries(page: number, pages: number, { all = 12, window = 2 }: { all?: number; window?: number } = {}): PagerEntry[] {
  if (pages < 1) return [];
  const current = Math.min(Math.max(1, Math.trunc(page)), pages);
  const shown = new Set<number>();
  if (pages <= all) for (let n = 1; n <= pages; n++) shown.add(n);
  else {
    shown.add(1).add(pages);
    for (let n = current - window; n <= current + window; n++) shown.add(n);
    for (let step = 10; step < pages; step *= 10) shown.add(current - step).add(current + step);
  }
  const numbers = [...shown].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const entries: PagerEntry[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n > numbers[i - 1]! + 1) entries.push({ gap: true });
    entries.push({ page: n });
  });
  return entries;
}

export interface GroupTotals {
  group: string;
  /** How many rows the group has. */
  rows: number;
  /** Column sums over the group's rows. */
  totals: number[];
}

/**
 * Sums a table of counts (one row a key, e.g. a place's passages per
 * guideline) by each row's group (e.g. its state), column by column: the
 * summary an index shows when the rows themselves move to per-group pages.
 * Groups in order of first appearance.
 */
export function totalsByGroup(keys: readonly string[], counts: readonly (readonly number[])[], groupOf: (key: string) => string): GroupTotals[] {
  const groups = new Map<string, GroupTotals>();
  keys.forEach((key, i) => {
    const row = counts[i] ?? [];
    const group = groupOf(key);
    let entry = groups.get(group);
    if (!entry) groups.set(group, (entry = { group, rows: 0, totals: row.map(() => 0) }));
    entry.rows += 1;
    row.forEach((n, j) => (entry.totals[j] = (entry.totals[j] ?? 0) + n));
  });
  return [...groups.values()];
}
