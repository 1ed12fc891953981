/**
 * The matrix pages cut by what the whole page weighs (src/core/graph/paging.ts).
 * A row is a place with a cell a guideline (a link to that place's column in
 * the side-by-side view, or a dash); the page also carries the header rows,
 * the key from numbers to names and, on /compare/ itself, the filters and
 * downloads. /compare/ shows every row when they fit;
 * otherwise a summary by state, and the rows live on each state's pages
 * (/compare/state/<xx>/…). Filtered views page their rows
 * (/compare/<facet>/<value>/page/<n>/).
 */
import type { KnowledgeBase } from '../../core/index.ts';
import { compareFacets, compareMatrix, type CompareFilter, type CompareMatrix } from '../../core/graph/compare.ts';
import { CONTENT_BUDGET_BYTES, htmlBytes, paginateByBytes } from '../../core/graph/paging.ts';
import { hrefs } from '../../lib/knowledge-base.ts';
import { sidePageOf } from './side-by-side.ts';

const bytes = (markup: string) => Buffer.byteLength(markup, 'utf8');

// CompareMatrix's and CompareView's markup with their texts left out (texts are counted with htmlBytes).
const ROW = bytes('<tr><th scope="row"><a href=""></a>, </th><td>99999</td></tr>');
const ZERO_CELL = bytes('<td class="z"><span>none</span></td>');
const COUNT_CELL = bytes('<td><a href="">999</a></td>');
const TABLE = bytes(
  '<div class="table-scroll matrix" role="region" aria-label="" tabindex="0"><table><caption></caption><colgroup><col></colgroup><colgroup><col></colgroup><thead><tr><th scope="col" rowspan="2">Place</th><th scope="col" rowspan="2">All</th></tr><tr></tr></thead><tbody></tbody></table></div>',
);
const CATEGORY_HEADER = bytes('<colgroup span="99" class="cat"></colgroup><th scope="colgroup" colspan="99"></th>');
const GUIDELINE_HEADER = bytes('<th scope="col"><a href="">99<span class="visually-hidden"> </span></a></th>');
const KEY = bytes('<h2 id="key">Guideline numbers</h2><p></p><ol class="key"></ol>');
const KEY_ENTRY = bytes('<li value="99"><a href=""></a></li>');
const FILTER_ENTRY = bytes('<li><a href="" aria-current="page"></a> <span class="meta">(99999)</span></li>');
const FILTERS = bytes(
  '<nav class="filters" aria-labelledby="filters-heading"><h2 id="filters-heading" class="visually-hidden">Filter the matrix</h2><p><a href="">All places</a><span class="meta"> · numbers in brackets count policies</span></p><h3>By state</h3><ul></ul><h3>By legal type</h3><ul></ul><h3>By year adopted</h3><ul></ul></nav>',
);
/** h1, lede, the line that leads filtered pages back to the filters, the two pagers. */
const PAGE_EXTRAS = 3 * 1024;
/** /compare/'s downloads and "more ways to compare" sections. */
const TOP_EXTRAS = 1536;

/** The header rows and the key: on every matrix page. */
function tableBytes(kb: KnowledgeBase): number {
  return (
    TABLE +
    kb.categories.reduce((n, c) => n + CATEGORY_HEADER + htmlBytes(c.name), 0) +
    kb.guidelines.reduce((n, g) => n + GUIDELINE_HEADER + KEY_ENTRY + 2 * htmlBytes(hrefs.compareGuideline(g.code)) + 2 * htmlBytes(g.name), 0) +
    KEY
  );
}

/** The filter links /compare/ shows. */
function filtersBytes(kb: KnowledgeBase): number {
  const facets = compareFacets(kb);
  return (
    FILTERS +
    Object.values(facets)
      .flat()
      .reduce((n, v) => n + FILTER_ENTRY + htmlBytes(hrefs.compareFilter(v.facet, v.value)) + htmlBytes(v.label), 0)
  );
}

/** What one place's row weighs, with each count linking to the side-by-side page that holds its column. */
function rowBytes(kb: KnowledgeBase, matrix: CompareMatrix, row: number): number {
  const place = kb.place(matrix.places[row]!)!;
  let total = ROW + htmlBytes(hrefs.place(place.id)) + htmlBytes(place.name) + htmlBytes(place.state);
  matrix.counts[row]!.forEach((n, j) => {
    const code = matrix.guidelines[j]!;
    total += n ? COUNT_CELL + htmlBytes(hrefs.compareCellOnPage(code, place.id, sidePageOf(kb, code, place.id))) : ZERO_CELL;
  });
  return total;
}

export interface MatrixView {
  matrix: CompareMatrix;
  /** Row indices of the matrix, page by page. Empty for /compare/ when it shows the summary by state instead. */
  pages: number[][];
  /** /compare/ only: true when the rows do not fit and the page summarizes them by state. */
  summary: boolean;
}

const views = new WeakMap<KnowledgeBase, Map<string, MatrixView>>();

/** The matrix of a view (all places, or one filter) and how its rows are paged. */
export function matrixView(kb: KnowledgeBase, filter?: CompareFilter): MatrixView {
  let byKey = views.get(kb);
  if (!byKey) views.set(kb, (byKey = new Map()));
  const key = filter ? `${filter.facet}/${filter.value}` : '';
  let view = byKey.get(key);
  if (!view) {
    const matrix = compareMatrix(kb, filter);
    const rows = matrix.places.map((_, i) => i);
    const budget = CONTENT_BUDGET_BYTES - PAGE_EXTRAS - tableBytes(kb);
    const weigh = (row: number) => rowBytes(kb, matrix, row);
    if (!filter) {
      // /compare/ also carries the filter links, the downloads and the other analyses.
      const fits = rows.reduce((n, row) => n + weigh(row), 0) <= budget - filtersBytes(kb) - TOP_EXTRAS;
      view = { matrix, pages: fits && rows.length ? [rows] : [], summary: !fits };
    } else {
      view = { matrix, pages: paginateByBytes(rows, { budget, bytes: weigh }), summary: false };
    }
    byKey.set(key, view);
  }
  return view;
}
