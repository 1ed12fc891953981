/**
 * How a place's versions page is cut into pages (src/core/graph/paging.ts):
 * in reading order, each comparison's summary (guidelines gained and lost,
 * passages per guideline) then its word diff block by block (a paragraph or a
 * folded run of unchanged ones), page after page (/places/<id>/versions/,
 * then …/page/<n>/). A comparison carried over to the next page shows its
 * heading again, marked "continued". One page while everything fits: the
 * page as it always was. What each part weighs is its markup (below, texts
 * left out) plus its texts (htmlBytes) — the diff blocks are HTML already.
 */
import type { KnowledgeBase } from '../../core/index.ts';
import { comparePlaceVersions, type VersionStep } from '../../core/analysis/versions.ts';
import { CONTENT_BUDGET_BYTES, htmlBytes, paginateByBytes } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';
import { RecentCache } from '../../core/util/recent-cache.ts';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

/** A comparison's summary, or one block of its diff (`first`: the block that opens the diff, under its heading). */
export type VersionItem = { step: number; kind: 'summary' } | { step: number; kind: 'block'; html: string; first: boolean };

export interface VersionPages {
  steps: VersionStep[];
  /** The items of each page, in order; every summary and block once. */
  pages: VersionItem[][];
}

// The page's markup with its texts left out (they are counted with htmlBytes).
const STEP_SECTION = bytes('<section class="version-step" aria-labelledby="step-99"><h2 id="step-99"> to  (continued)</h2></section>');
const STEP_FROM_TO = bytes('<p>From <a href=""></a> to <a href=""></a>.</p><h3 id="step-99-guidelines">Guidelines</h3>');
const NO_GUIDELINES = bytes('<p>Neither policy has passages tagged with a guideline, so no guideline was gained or lost.</p>');
const CHANGE_LISTS = bytes(
  '<div class="change-list"><div data-change="gained"><h4>Gained (99)</h4><ul></ul><p>None.</p></div><div data-change="lost"><h4>Lost (99)</h4><ul></ul><p>None.</p></div><div data-change="kept"><h4>Kept (99)</h4><p>99 guidelines tagged in both.</p></div></div>',
);
const CHANGE_ITEM = bytes('<li><a href="">99. </a></li>');
const COUNTS_TABLE = bytes(
  '<div class="table-scroll version-counts" role="region" aria-label="Passages per guideline,  and " tabindex="0"><table><caption>Passages per guideline,  and </caption><thead><tr><th scope="col">Guideline</th><th scope="col" class="numbers"></th><th scope="col" class="numbers"></th><th scope="col">Change</th></tr></thead><tbody></tbody></table></div>',
);
const COUNTS_ROW = bytes('<tr><th scope="row"><a href="">99. </a></th><td class="numbers">999</td><td class="numbers">999</td><td>999 fewer</td></tr>');
const TEXT_INTRO = bytes(
  '<h3 id="step-99-text">What changed in the text (continued)</h3><p>99999 words added, 99999 words removed, 99999 words unchanged (plain text, without formatting). 999 stretches of text changed too much to compare word by word and are shown as the old paragraphs removed, then the new ones added.</p><ul class="diff-key"><li><ins>Underlined on green</ins>: added in  (read aloud as “added:”)</li><li><del>Struck through on red</del>: removed from  (read aloud as “removed:”)</li></ul><div class="diff" role="region" aria-labelledby="step-99-text"></div>',
);
const REWRITE_NOTE = bytes(
  '<h3 id="step-99-text">What changed in the text</h3><p class="rewrite-note">Rewritten rather than amended: less than 1% of the wording of the shorter text appears in the other (99999 words before, 99999 words after), so a word-by-word comparison would only mark everything removed, then everything added. Read the two texts in full: <a href=""></a> and <a href=""></a>.</p>',
);
const POLICY_ITEM = bytes('<li><a href=""></a></li>');
const STEP_LINK = bytes('<li><a href="#step-99"> to </a></li>');
/** Title, lede and the navigation landmark around the comparisons (text left out). */
const PAGE_ONE = bytes(
  '<p class="lede"><a href=""></a>, , has 999 policies. Each is compared with the one before it: which Sunlight guidelines it gained or lost, how many tagged passages each guideline has, and what changed in the text.</p><ol></ol><nav aria-label="Comparisons on this page"><ul></ul></nav>',
);
/** What every page shows besides its items: h1 and two pagers (pagerEntries keeps each under ~1 KB). */
const PAGE_EXTRAS_BYTES = 3 * 1024;

/**
 * When a history needs more than one page, long unchanged runs are folded in
 * parts no bigger than this, so pages fill evenly instead of a whole fold
 * being pushed to a page of its own (a history on one page keeps its folds).
 */
const MAX_FOLD_BYTES = 6 * 1024;

/** Title, with the date and type when the title does not already say them (the page's words for a policy). */
export function policyLabel(kb: KnowledgeBase, id: string): string {
  const p = kb.policy(id)!;
  const extra = [p.when, p.doc.data.legal_custom].filter((x) => !p.title.includes(x));
  return extra.length ? `${p.title} (${extra.join(', ')})` : p.title;
}

function summaryBytes(kb: KnowledgeBase, step: VersionStep): number {
  const when = (id: string) => htmlBytes(kb.policy(id)!.when);
  const guideline = (code: string) => htmlBytes(hrefs.guideline(code)) + htmlBytes(kb.guideline(code)!.name);
  let total = STEP_FROM_TO + htmlBytes(hrefs.policy(step.before)) + htmlBytes(hrefs.policy(step.after)) + htmlBytes(policyLabel(kb, step.before)) + htmlBytes(policyLabel(kb, step.after));
  if (step.counts.length === 0) return total + NO_GUIDELINES;
  total += CHANGE_LISTS + [...step.gained, ...step.lost].reduce((n, code) => n + CHANGE_ITEM + guideline(code), 0);
  total += COUNTS_TABLE + 4 * (when(step.before) + when(step.after));
  total += step.counts.reduce((n, c) => n + COUNTS_ROW + guideline(c.code), 0);
  return total;
}

/** The heading a comparison shows at the top of its section: its dates, twice (heading and caption of the diff). */
function headingBytes(kb: KnowledgeBase, step: VersionStep): number {
  return STEP_SECTION + htmlBytes(kb.policy(step.before)!.when) + htmlBytes(kb.policy(step.after)!.when);
}

function introBytes(kb: KnowledgeBase, step: VersionStep): number {
  return TEXT_INTRO + htmlBytes(kb.policy(step.before)!.when) + htmlBytes(kb.policy(step.after)!.when);
}

/** A rewrite's note in place of the diff: its text and links to both policies. */
function rewriteBytes(kb: KnowledgeBase, step: VersionStep): number {
  return REWRITE_NOTE + htmlBytes(hrefs.policy(step.before)) + htmlBytes(hrefs.policy(step.after)) + htmlBytes(policyLabel(kb, step.before)) + htmlBytes(policyLabel(kb, step.after));
}

function pageOneBytes(kb: KnowledgeBase, place: string, steps: readonly VersionStep[]): number {
  const node = kb.place(place)!;
  return (
    PAGE_ONE +
    htmlBytes(hrefs.place(place)) +
    2 * htmlBytes(node.name) +
    node.policies.reduce((n, id) => n + POLICY_ITEM + htmlBytes(hrefs.versionsPage(place, 99)) + htmlBytes(hrefs.policy(id)) + htmlBytes(policyLabel(kb, id)), 0) +
    steps.reduce((n, s) => n + STEP_LINK + htmlBytes(hrefs.versionsPage(place, 99)) + htmlBytes(kb.policy(s.before)!.when) + htmlBytes(kb.policy(s.after)!.when), 0)
  );
}

/** The items of a place's comparisons, in reading order. */
function versionItems(steps: readonly VersionStep[]): VersionItem[] {
  return steps.flatMap((step, i): VersionItem[] => [
    { step: i, kind: 'summary' },
    ...step.diff.blocks.map((html, j) => ({ step: i, kind: 'block' as const, html, first: j === 0 })),
  ]);
}

/**
 * Each place's plan is made once: the paths ask for every place before any
 * page renders, then a place's pages render one after another. Between the
 * two, a plan is kept packed (JSON, deflated: diff HTML packs ~10×) rather
 * than whole — whole, every word diff of the build stayed in memory (~1 GB at
 * 100k documents); dropped, every diff was computed twice (a tenth of a 10k
 * build). The last few places are kept unpacked for their pages.
 */
interface PlanStore {
  packed: Map<string, Buffer>;
  recent: RecentCache<string, VersionPages>;
}
const stores = new WeakMap<KnowledgeBase, PlanStore>();

/** The comparisons of a place's policies and the pages they fill. */
export function versionPages(kb: KnowledgeBase, place: string): VersionPages {
  let store = stores.get(kb);
  if (!store) stores.set(kb, (store = { packed: new Map(), recent: new RecentCache(8) }));
  const { packed } = store;
  return store.recent.get(place, () => {
    const kept = packed.get(place);
    if (kept) return unpack(kept);
    const steps = comparePlaceVersions(kb, place);
    const whole = paginate(kb, place, steps());
    const plan = whole.pages.length > 1 ? paginate(kb, place, steps({ maxFoldBytes: MAX_FOLD_BYTES })) : whole;
    packed.set(place, pack(plan));
    return plan;
  });
}

/** A plan with each diff block once (the page items point at them in order), deflated. */
function pack(plan: VersionPages): Buffer {
  const steps = plan.steps.map((step) => ({ ...step, diff: { ...step.diff, html: '' } }));
  const pages = plan.pages.map((page) => page.map((item) => (item.kind === 'block' ? { ...item, html: '' } : item)));
  return deflateRawSync(JSON.stringify({ steps, pages }), { level: 1 });
}

function unpack(packed: Buffer): VersionPages {
  const plan = JSON.parse(inflateRawSync(packed).toString('utf8')) as VersionPages;
  const next = plan.steps.map(() => 0);
  for (const page of plan.pages) for (const item of page) if (item.kind === 'block') item.html = plan.steps[item.step]!.diff.blocks[next[item.step]!++]!;
  for (const step of plan.steps) step.diff.html = step.diff.blocks.join('\n');
  return plan;
}

function paginate(kb: KnowledgeBase, place: string, steps: VersionStep[]): VersionPages {
  const budget = CONTENT_BUDGET_BYTES - PAGE_EXTRAS_BYTES;
  const pages = paginateByBytes(versionItems(steps), {
    budget,
    firstBudget: budget - pageOneBytes(kb, place, steps),
    bytes: (item) => {
      const step = steps[item.step]!;
      if (item.kind === 'summary') return summaryBytes(kb, step) + (step.rewritten ? rewriteBytes(kb, step) : step.diff.blocks.length === 0 ? introBytes(kb, step) : 0);
      // A line break between blocks; the first block carries the diff's heading, counts and key.
      return bytes(item.html) + 1 + (item.first ? introBytes(kb, step) : 0);
    },
    // A comparison starting, or carried over to a new page, opens its section and heading again.
    headingBytes: (item, before) => {
      if (before && before.step === item.step) return 0;
      const step = steps[item.step]!;
      return headingBytes(kb, step) + (item.kind === 'block' && !item.first ? introBytes(kb, step) : 0);
    },
  });
  return { steps, pages };
}

/** The 1-based page on which each comparison starts (its summary). */
export function stepPages(plan: VersionPages): number[] {
  const found: number[] = [];
  plan.pages.forEach((page, i) => {
    for (const item of page) if (item.kind === 'summary') found[item.step] = i + 1;
  });
  return found;
}
