/**
 * How the search index is split into Pagefind bundles once a site is large.
 *
 * Pagefind builds one index in memory and a reader's first query downloads the
 * posting lists of its words over every page. At 10,000 documents one index
 * took 5.0 GB to write (budget 2 GB) and a first query for "records request"
 * downloaded 1.1 MB (budget 150 KB), because such words are on nearly every
 * policy and guide. So past SINGLE_BUNDLE_MAX_PAGES indexed pages the build
 * writes:
 *
 * - the site bundle at pagefind/: places, states, guidelines and the top pages —
 *   what a search "everywhere" finds (a place by its name, a guideline);
 * - one bundle per state at pagefind/state/<xx>/: that state's policies,
 *   resident guides and offices, and its places and state page again.
 *
 * The search page searches the site bundle, or the one state a reader picks
 * (?state=xx) on its own — one bundle, so one copy of Pagefind's code and
 * wasm, which every bundle carries at its own address — or, on request, the
 * site bundle with every state merged in (?state=all: a download per state).
 * Each bundle is indexed by its own indexer process, so memory follows the
 * largest state, not the nation. Smaller sites keep one bundle and search
 * everything at once.
 *
 * Pure: the build script reads the pages and runs Pagefind.
 */

/** Up to this many indexed pages the site keeps one bundle (its first query stays small enough). */
export const SINGLE_BUNDLE_MAX_PAGES = 3_000;

/** The `?state=` value that asks for every state's bundle. */
export const ALL_STATES = 'all';

/** Page types that go to their state's bundle only (SearchMeta's type filter). */
const STATE_ONLY_TYPES = new Set(['policy', 'faq', 'contact']);
/** Page types that go to both: found by name from anywhere, and within their state. */
const BOTH_TYPES = new Set(['place', 'state']);

export interface IndexedPage {
  /** Output file, "/"-separated, relative to the site root. */
  file: string;
  /** SearchMeta's type filter value, if the page has one. */
  type?: string | undefined;
  /** SearchMeta's state filter value (USPS code, any case), if the page has one. */
  state?: string | undefined;
}

export interface SearchBundle {
  /** "site" or a lower-case state code. */
  key: string;
  /** Output folder relative to the site root, ending in "/". */
  folder: string;
  files: string[];
}

/** Folder of a state's bundle, relative to the site root. */
export function stateBundleFolder(state: string): string {
  return `pagefind/state/${state.toLowerCase()}/`;
}

export const SITE_BUNDLE_FOLDER = 'pagefind/';

/** Reads what SearchMeta wrote into a page: its type and state filters, and whether its <main> is indexed. */
export function readIndexedPage(file: string, html: string): IndexedPage | undefined {
  const main = /<main\b[^>]*\sdata-pagefind-body[\s=>]/.exec(html);
  if (!main) return undefined;
  const body = html.slice(main.index);
  const filter = (name: string) => new RegExp(`data-pagefind-filter="${name}">([^<]*)<`).exec(body)?.[1];
  return { file, type: filter('type'), state: filter('state') };
}

/**
 * One bundle while the pages fit SINGLE_BUNDLE_MAX_PAGES (or `maxPages`); past
 * that the site bundle plus a bundle per state, each in path order. States
 * are in code order.
 */
export function planSearchBundles(pages: readonly IndexedPage[], maxPages = SINGLE_BUNDLE_MAX_PAGES): SearchBundle[] {
  const files = (list: readonly IndexedPage[]) => list.map((p) => p.file).sort();
  if (pages.length <= maxPages) return [{ key: 'site', folder: SITE_BUNDLE_FOLDER, files: files(pages) }];
  const byKey = new Map<string, IndexedPage[]>([['site', []]]);
  const add = (key: string, page: IndexedPage) => {
    const list = byKey.get(key);
    if (list) list.push(page);
    else byKey.set(key, [page]);
  };
  for (const page of pages) {
    const state = page.state?.toLowerCase();
    const type = page.type ?? '';
    if (!state || !(STATE_ONLY_TYPES.has(type) || BOTH_TYPES.has(type))) add('site', page);
    else {
      add(state, page);
      if (BOTH_TYPES.has(type)) add('site', page);
    }
  }
  const states = [...byKey.keys()].filter((k) => k !== 'site').sort();
  return [
    { key: 'site', folder: SITE_BUNDLE_FOLDER, files: files(byKey.get('site')!) },
    ...states.map((state) => ({ key: state, folder: stateBundleFolder(state), files: files(byKey.get(state)!) })),
  ];
}
