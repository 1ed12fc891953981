/**
 * How the enforcement gap report is cut into pages (src/core/graph/paging.ts):
 * one page while the whole report fits — its summaries and a row per guide —
 * else the report page keeps the summaries (by enforcement point, by state)
 * and each state gets its own pages (/compare/enforcement/state/<xx>/, then
 * …/page/<n>/) with its guides and its own summary by point. What each part
 * weighs is its markup (below, texts left out) plus its texts (htmlBytes).
 */
import type { KnowledgeBase } from '../../core/index.ts';
import { GAP_FACET_LABELS, GAP_STATUS_LABELS, type EnforcementGapReport, type GapRow, type StateGaps } from '../../core/analysis/enforcement-gaps.ts';
import { CONTENT_BUDGET_BYTES, htmlBytes, listBytes, paginateByBytes, type ByteBudget } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';
import { gapDownloads } from './enforcement-downloads.ts';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

const GUIDE_ROW = bytes('<tr><th scope="row"><a href=""></a></th><td><a href=""></a>, </td></tr>');
const STATUS_CELL = bytes('<td><span class="status status--"></span></td>');
const STATE_ROW = bytes(
  '<tr><th scope="row"><a href=""></a></th><td class="numbers">99999</td><td class="numbers">99999</td><td class="numbers">99999</td><td class="numbers">99999</td></tr>',
);
const STATE_FACETS_ROW = bytes('<tr><th scope="row"></th></tr>');
const STATE_FACET_CELL = bytes('<td>99999 of 99999 stated, 99999 not specified</td>');
/**
 * The report page besides its state rows and guide rows: lede, legend,
 * downloads, the table and chart by enforcement point, headings and the
 * three table heads (6.5 KB measured on a built page), with a margin.
 */
const REPORT_FIXED_BYTES = 8 * 1024;
/**
 * A state's page besides its guide rows: lede, legend, the table by point
 * (page 1), the table head, two pagers and the links back (≈ 5 KB).
 */
const STATE_PAGE_FIXED_BYTES = 6 * 1024;
/** What page 1 of a state adds: its table by enforcement point (7 rows). */
const STATE_FACET_TABLE_BYTES = 2 * 1024;

export interface EnforcementPlan {
  /** True: the report lists every guide on its one page, as it always has. */
  single: boolean;
  /** Each state's guides, page by page (empty when `single`). */
  states: Map<string, GapRow[][]>;
}

/** What a guide's row weighs in the table of every guide. */
export function guideRowWeights(): Pick<ByteBudget<GapRow>, 'bytes'> {
  return {
    bytes: (row) =>
      GUIDE_ROW +
      htmlBytes(hrefs.faq(row.faq)) +
      htmlBytes(row.title) +
      htmlBytes(hrefs.place(row.place)) +
      htmlBytes(row.placeName) +
      htmlBytes(row.state) +
      Object.values(row.statuses).reduce((n, status) => n + STATUS_CELL + 2 * htmlBytes(status) + htmlBytes(GAP_STATUS_LABELS[status].short), 0),
  };
}

/** What a state weighs on the one-page report: its row in both tables by state. */
function stateBytes(report: EnforcementGapReport, state: StateGaps): number {
  return (
    STATE_ROW +
    htmlBytes(hrefs.state(state.state)) +
    STATE_FACETS_ROW +
    2 * htmlBytes(state.name) +
    report.facets.length * STATE_FACET_CELL
  );
}

const plans = new WeakMap<KnowledgeBase, EnforcementPlan>();

/** The report's pages for this knowledge graph (made once: the report page and every state page ask). */
export function enforcementPlan(kb: KnowledgeBase): EnforcementPlan {
  let plan = plans.get(kb);
  if (plan) return plan;
  const { report } = gapDownloads(kb);
  const weights = guideRowWeights();
  const onePage =
    REPORT_FIXED_BYTES +
    report.byState.reduce((n, s) => n + stateBytes(report, s), 0) +
    report.facets.reduce((n, f) => n + htmlBytes(GAP_FACET_LABELS[f]), 0) +
    listBytes(report.rows, weights);
  if (onePage <= CONTENT_BUDGET_BYTES) plan = { single: true, states: new Map() };
  else {
    const budget = CONTENT_BUDGET_BYTES - STATE_PAGE_FIXED_BYTES;
    const states = new Map<string, GapRow[][]>();
    for (const state of report.byState) {
      const rows = report.rows.filter((r) => r.state === state.state);
      states.set(state.state, paginateByBytes(rows, { ...weights, budget, firstBudget: budget - STATE_FACET_TABLE_BYTES }));
    }
    plan = { single: false, states };
  }
  plans.set(kb, plan);
  return plan;
}

/** getStaticPaths of the per-state report pages: none while the report fits on one page. */
export function enforcementStatePaths(kb: KnowledgeBase): { params: { state: string; page: string | undefined }; props: { state: string; page: number } }[] {
  const plan = enforcementPlan(kb);
  return [...plan.states].flatMap(([state, pages]) =>
    pages.map((_, i) => ({
      params: { state: state.toLowerCase(), page: i === 0 ? undefined : `page/${i + 1}` },
      props: { state, page: i + 1 },
    })),
  );
}
